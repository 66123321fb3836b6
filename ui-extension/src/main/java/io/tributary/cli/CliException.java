package io.tributary.cli;

/** A command that cannot go on, with the message to print and the exit code to return. */
final class CliException extends RuntimeException {
  private final int exitCode;

  CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }
}

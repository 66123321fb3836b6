package io.tributary.cli;

/** Entry point of {@code tributary.jar}. */
public final class Tributary {
  private Tributary() {}

  public static void main(String[] args) {
    System.err.println(
        "tributary: the catalog server is being assembled; no command is available yet");
    System.exit(2);
  }
}

package io.tributary.emitters;

/** The one unchecked exception root of the emitters module. */
public class EmitterException extends RuntimeException {
  public EmitterException(String message) {
    super(message);
  }

  public EmitterException(String message, Throwable cause) {
    super(message, cause);
  }
}

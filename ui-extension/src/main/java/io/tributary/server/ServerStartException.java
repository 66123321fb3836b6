package io.tributary.server;

/** The server could not start: the port is taken, the address is not local. */
public class ServerStartException extends RuntimeException {
  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

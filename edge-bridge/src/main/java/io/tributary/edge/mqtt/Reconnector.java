package io.tributary.edge.mqtt;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Keeps a connection up: tries {@code connect} now, then whenever woken, and every {@code delay}
 * while it fails. Paho's own automatic reconnect starts only after a first successful connect, and
 * a gateway often boots before its broker.
 */
final class Reconnector implements AutoCloseable {
  private final Thread thread;
  private final Duration delay;
  private final BooleanSupplier connect;
  private final Object signal = new Object();
  private volatile boolean stopped;
  private boolean woken;

  Reconnector(String name, Duration delay, BooleanSupplier connect) {
    this.delay = delay;
    this.connect = connect;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  private void run() {
    while (!stopped) {
      boolean up;
      try {
        up = connect.getAsBoolean();
      } catch (RuntimeException e) {
        up = false;
      }
      synchronized (signal) {
        if (!woken && !stopped) {
          try {
            signal.wait(up ? delay.toMillis() * 10 : delay.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
        woken = false;
      }
    }
  }

  @Override
  public void close() {
    stopped = true;
    wake();
    thread.interrupt();
  }
}

package io.tributary.emitters.internal;

import io.openlineage.client.OpenLineage.RunEvent;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded queue of events that, when full, gives up RUNNING snapshots first: a newer snapshot
 * replaces an older one, while START and terminal events are never dropped. Only lifecycle and
 * snapshot threads offer to it, never a host's record path, so a lock is cheap here.
 */
public final class EventQueue {
  /** What happened to an offered event. */
  public enum Offer {
    ACCEPTED,
    /** Accepted after dropping the oldest queued RUNNING snapshot. */
    ACCEPTED_DROPPED_OLDEST,
    /** Not accepted: the queue is full of lifecycle events and this was a RUNNING snapshot. */
    REJECTED
  }

  private final int capacity;
  private final ArrayDeque<RunEvent> items = new ArrayDeque<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();

  public EventQueue(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("Queue capacity " + capacity + " is below 2");
    }
    this.capacity = capacity;
  }

  public Offer offer(RunEvent event) {
    lock.lock();
    try {
      Offer result = Offer.ACCEPTED;
      if (items.size() >= capacity) {
        if (removeOldestRunning()) {
          result = Offer.ACCEPTED_DROPPED_OLDEST;
        } else if (isRunning(event)) {
          return Offer.REJECTED;
        }
        // A lifecycle event is kept even past capacity: there are at most two per run.
      }
      items.addLast(event);
      notEmpty.signal();
      return result;
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code timeout} for the head event; null when none came. */
  public RunEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (items.isEmpty()) {
        if (nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      return items.pollFirst();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a RUNNING snapshot of this run waits in the queue (so an older one is stale). */
  public boolean hasRunningOf(UUID runId) {
    lock.lock();
    try {
      for (RunEvent e : items) {
        if (isRunning(e) && runId.equals(e.getRun().getRunId())) {
          return true;
        }
      }
      return false;
    } finally {
      lock.unlock();
    }
  }

  public List<RunEvent> drain() {
    lock.lock();
    try {
      List<RunEvent> all = new ArrayList<>(items);
      items.clear();
      return all;
    } finally {
      lock.unlock();
    }
  }

  public int size() {
    lock.lock();
    try {
      return items.size();
    } finally {
      lock.unlock();
    }
  }

  private boolean removeOldestRunning() {
    Iterator<RunEvent> it = items.iterator();
    while (it.hasNext()) {
      if (isRunning(it.next())) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /** Whether an event is a RUNNING snapshot, the only kind the queue may drop. */
  public static boolean isRunning(RunEvent event) {
    return event.getEventType() == EventType.RUNNING;
  }
}

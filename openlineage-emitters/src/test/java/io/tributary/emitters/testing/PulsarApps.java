package io.tributary.emitters.testing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Function;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.io.core.Sink;
import org.apache.pulsar.io.core.SinkContext;
import org.apache.pulsar.io.core.Source;
import org.apache.pulsar.io.core.SourceContext;

/**
 * A function, a source and a sink as applications write them, knowing nothing of lineage: the
 * Functions runtime creates them from their class names, here through Tributary's wrappers.
 */
public final class PulsarApps {
  /**
   * The classes' names, for configurations written where Pulsar's API is not on the class path
   * (constants: reading them loads no class).
   */
  public static final String UPPER_CASE = "io.tributary.emitters.testing.PulsarApps$UpperCase";

  public static final String SEQUENCE = "io.tributary.emitters.testing.PulsarApps$Sequence";
  public static final String COUNTING_SINK =
      "io.tributary.emitters.testing.PulsarApps$CountingSink";

  private static final Map<String, AtomicInteger> SUNK = new ConcurrentHashMap<>();

  private PulsarApps() {}

  /** Records a {@link CountingSink} of this name has written, in this JVM. */
  public static int sunk(String sinkName) {
    AtomicInteger n = SUNK.get(sinkName);
    return n == null ? 0 : n.get();
  }

  /** Upper-cases each value; an empty value produces nothing. */
  public static final class UpperCase implements Function<String, String> {
    @Override
    public String process(String input, Context context) {
      return input.isEmpty() ? null : input.toUpperCase();
    }
  }

  /** Produces {@code row-0} .. {@code row-<records - 1>} (config {@code records}), then waits. */
  public static final class Sequence implements Source<String> {
    private final CountDownLatch closed = new CountDownLatch(1);
    private int records;
    private int next;

    @Override
    public void open(Map<String, Object> config, SourceContext context) {
      records = Integer.parseInt(String.valueOf(config.getOrDefault("records", "10")));
    }

    @Override
    public Record<String> read() throws InterruptedException {
      if (next >= records) {
        // A source's read blocks until it has a record: this one has no more.
        closed.await();
        throw new InterruptedException("closed");
      }
      String value = "row-" + next++;
      return () -> value;
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }

  /** Counts what it is given, by the sink's name. */
  public static final class CountingSink implements Sink<String> {
    private AtomicInteger count;

    @Override
    public void open(Map<String, Object> config, SinkContext context) {
      count = SUNK.computeIfAbsent(context.getSinkName(), n -> new AtomicInteger());
    }

    @Override
    public void write(Record<String> record) {
      count.incrementAndGet();
      record.ack();
    }

    @Override
    public void close() {}
  }
}

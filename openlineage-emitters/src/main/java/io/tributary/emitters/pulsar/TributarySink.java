package io.tributary.emitters.pulsar;

import java.util.Map;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.io.core.Sink;
import org.apache.pulsar.io.core.SinkContext;

/**
 * Runs a Pulsar IO sink and emits its lineage: the topics the runtime feeds it are inputs, with the
 * records and bytes of each window. Deploy it instead of the sink, naming the sink in the
 * connector's configs ({@code tributary.delegate.class}, plus {@code
 * openlineage.pulsar.service.url} and any other {@code openlineage.*} key).
 *
 * @param <T> record value type
 */
// Pulsar's connector interface declares close() throws Exception.
@SuppressWarnings("try")
public final class TributarySink<T> implements Sink<T> {
  private Sink<T> delegate;
  private RuntimeLineage lineage;

  /** For the IO runtime: the sink comes from {@code tributary.delegate.class}. */
  public TributarySink() {}

  /** Wraps a sink object. */
  public TributarySink(Sink<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(Map<String, Object> config, SinkContext context) throws Exception {
    if (delegate == null) {
      delegate = RuntimeLineage.instantiate(config, Sink.class);
    }
    lineage =
        RuntimeLineage.start(
            context, context.getSinkName(), "SINK", config, context.getInputTopics(), null);
    delegate.open(config, context);
  }

  @Override
  public void write(Record<T> record) throws Exception {
    RuntimeLineage l = lineage;
    if (l != null) {
      l.read(record, null);
    }
    delegate.write(record);
  }

  @Override
  public void close() throws Exception {
    try {
      delegate.close();
    } finally {
      if (lineage != null) {
        lineage.close();
      }
    }
  }
}

package io.tributary.emitters.pulsar;

import java.util.Map;
import org.apache.pulsar.functions.api.Record;
import org.apache.pulsar.io.core.Source;
import org.apache.pulsar.io.core.SourceContext;

/**
 * Runs a Pulsar IO source and emits its lineage: the topic the runtime writes its records to is the
 * output, with the records of each window. Deploy it instead of the source, naming the source in
 * the connector's configs ({@code tributary.delegate.class}, plus {@code
 * openlineage.pulsar.service.url} and any other {@code openlineage.*} key).
 *
 * @param <T> record value type
 */
// Pulsar's connector interface declares close() throws Exception.
@SuppressWarnings("try")
public final class TributarySource<T> implements Source<T> {
  private Source<T> delegate;
  private RuntimeLineage lineage;
  private String outputTopic;

  /** For the IO runtime: the source comes from {@code tributary.delegate.class}. */
  public TributarySource() {}

  /** Wraps a source object. */
  public TributarySource(Source<T> delegate) {
    this.delegate = delegate;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void open(Map<String, Object> config, SourceContext context) throws Exception {
    if (delegate == null) {
      delegate = RuntimeLineage.instantiate(config, Source.class);
    }
    outputTopic = context.getOutputTopic();
    lineage =
        RuntimeLineage.start(context, context.getSourceName(), "SOURCE", config, null, outputTopic);
    delegate.open(config, context);
  }

  @Override
  public Record<T> read() throws Exception {
    Record<T> record = delegate.read();
    RuntimeLineage l = lineage;
    if (l != null && record != null) {
      l.wrote(record.getDestinationTopic().orElse(outputTopic));
    }
    return record;
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

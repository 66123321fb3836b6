package io.tributary.emitters.pulsar;

import java.util.Map;
import org.apache.pulsar.functions.api.Context;
import org.apache.pulsar.functions.api.Function;

/**
 * Runs a Pulsar Function and emits its lineage: the function's input topics are inputs, its output
 * topic an output, both with the records of each window (the output without bytes, which the
 * runtime serializes later). Deploy it instead of the function, naming the function in the user
 * configuration:
 *
 * <pre>{@code
 * className: io.tributary.emitters.pulsar.TributaryFunction
 * userConfig:
 *   tributary.delegate.class: com.acme.Enrich
 *   openlineage.pulsar.service.url: pulsar://broker:6650
 *   openlineage.transport.url: http://catalog:8080
 * }</pre>
 *
 * <p>The job is {@code <tenant>/<namespace>/<function name>} unless {@code openlineage.job.name}
 * says otherwise; the run completes when the runtime closes the instance.
 */
public final class TributaryFunction implements Function<Object, Object> {
  private Function<Object, Object> delegate;
  private RuntimeLineage lineage;
  private String outputTopic;
  private String firstInput;

  /** For the Functions runtime: the function comes from {@code tributary.delegate.class}. */
  public TributaryFunction() {}

  /** Wraps a function object, for runtimes that take instances (local runners, tests). */
  @SuppressWarnings("unchecked")
  public TributaryFunction(Function<?, ?> delegate) {
    this.delegate = (Function<Object, Object>) delegate;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void initialize(Context context) throws Exception {
    Map<String, Object> configs = context.getUserConfigMap();
    if (delegate == null) {
      delegate = RuntimeLineage.instantiate(configs, Function.class);
    }
    outputTopic = context.getOutputTopic();
    firstInput =
        context.getInputTopics() == null || context.getInputTopics().isEmpty()
            ? null
            : context.getInputTopics().iterator().next();
    lineage =
        RuntimeLineage.start(
            context,
            context.getFunctionName(),
            "FUNCTION",
            configs,
            context.getInputTopics(),
            outputTopic);
    delegate.initialize(context);
  }

  @Override
  public Object process(Object input, Context context) throws Exception {
    RuntimeLineage l = lineage;
    if (l != null) {
      l.read(context.getCurrentRecord(), firstInput);
    }
    Object output = delegate.process(input, context);
    if (l != null && output != null) {
      l.wrote(outputTopic);
    }
    return output;
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

package io.tributary.ranger.audit;

import io.tributary.config.ConfigDef;
import io.tributary.config.Configuration;
import io.tributary.config.Setting;
import io.tributary.config.ValueType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plug-in as a user would write one, found through this module's test resources ({@code
 * META-INF/services}): it keeps what it receives in memory, under a label it reads from its own
 * key.
 */
public final class InMemoryAuditSinkProvider implements AuditSinkProvider {
  public static final Setting<String> LABEL =
      Setting.of("audit.memory.label", ValueType.string(), "memory", "A label for the records.");

  /** Every record any sink of this provider received, with its sink's label. */
  public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public ConfigDef settings() {
    return ConfigDef.of(LABEL);
  }

  @Override
  public AuditSink create(Configuration config) {
    String label = config.get(LABEL);
    return new AuditSink() {
      @Override
      public void send(AuditRecord record) {
        RECEIVED.add(label + ":" + record.user() + ":" + record.accessType());
      }

      @Override
      public long dropped() {
        return 0;
      }
    };
  }
}

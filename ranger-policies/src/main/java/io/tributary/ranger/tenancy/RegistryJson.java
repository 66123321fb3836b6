package io.tributary.ranger.tenancy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.contract.TenantId;
import java.io.IOException;
import java.util.List;

/** The registry file's JSON: tenant ids as strings, times and durations in ISO-8601. */
final class RegistryJson {
  /** What the file holds. */
  record Document(int version, List<Tenant> tenants, List<Share> shares) {
    Document {
      tenants = tenants == null ? List.of() : List.copyOf(tenants);
      shares = shares == null ? List.of() : List.copyOf(shares);
    }
  }

  private RegistryJson() {}

  static ObjectMapper mapper() {
    SimpleModule ids = new SimpleModule("tenant-ids");
    ids.addSerializer(
        TenantId.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(TenantId value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(value.value());
          }
        });
    ids.addDeserializer(
        TenantId.class,
        new JsonDeserializer<>() {
          @Override
          public TenantId deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            return new TenantId(parser.getValueAsString());
          }
        });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(ids)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }
}

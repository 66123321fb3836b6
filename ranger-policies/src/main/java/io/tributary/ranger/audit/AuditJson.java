package io.tributary.ranger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** One JSON object per record, with Ranger's audit field names where Ranger has one. */
final class AuditJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private AuditJson() {}

  static String toJson(AuditRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", record.eventId());
    json.put("evtTime", record.eventTime().toString());
    json.put("repo", record.service());
    json.put("reqUser", record.user());
    json.put("access", record.accessType());
    json.put("resType", record.resourceType());
    json.put("resource", record.resource());
    json.put("tenant", record.tenant());
    json.put("result", record.allowed() ? 1 : 0);
    json.put("policy", record.policyId());
    json.put("policyVersion", record.policyVersion());
    json.put("tags", new TreeSet<>(record.tags()));
    json.put("cliIP", record.clientIp());
    json.put("zoneName", record.zone());
    json.put("event_count", record.eventCount());
    if (record.request() != null) {
      json.put("request", record.request());
      json.put("entities", record.entities());
      json.put("denied", record.denied());
    }
    try {
      return MAPPER.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "an audit record of plain values cannot fail to serialise", e);
    }
  }
}

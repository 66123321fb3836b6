package io.tributary.ranger.enrich;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.ranger.plugin.contextenricher.RangerAbstractContextEnricher;
import org.apache.ranger.plugin.contextenricher.RangerTagForEval;
import org.apache.ranger.plugin.model.RangerTag;
import org.apache.ranger.plugin.policyengine.RangerAccessRequest;
import org.apache.ranger.plugin.policyresourcematcher.RangerPolicyResourceMatcher;
import org.apache.ranger.plugin.util.RangerAccessRequestUtil;

/**
 * Adds the classifications the catalog holds for the requested entity (PII, SENSITIVE, ...) to the
 * request's tags, so that tag policies apply to them as to tags Ranger's tag enricher found. It
 * runs after the tag enricher (Ranger runs the tag service's enrichers first) and merges with what
 * that found.
 */
public class ClassificationEnricher extends RangerAbstractContextEnricher {
  /** Request-context key under which the authorizer puts the entity's classification names. */
  public static final String CONTEXT_KEY = "tributary.classifications";

  /** Ranger creates enrichers reflectively from the service definition. */
  public ClassificationEnricher() {}

  @Override
  public void enrich(RangerAccessRequest request) {
    Map<String, Object> context = request.getContext();
    Object value = context.get(CONTEXT_KEY);
    if (!(value instanceof Set<?> classifications) || classifications.isEmpty()) {
      return;
    }
    Set<RangerTagForEval> existing = RangerAccessRequestUtil.getRequestTagsFromContext(context);
    Set<RangerTagForEval> tags = existing == null ? new HashSet<>() : new HashSet<>(existing);
    for (Object classification : classifications) {
      tags.add(
          new RangerTagForEval(
              new RangerTag(String.valueOf(classification), Map.of()),
              RangerPolicyResourceMatcher.MatchType.SELF));
    }
    RangerAccessRequestUtil.setRequestTagsInContext(context, tags);
  }
}

package io.tributary.emitters.facets;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.openlineage.client.OpenLineage;
import io.tributary.contract.TributaryFacets;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Base of Tributary's custom facets: the {@code _producer} and {@code _schemaURL} every facet
 * carries. A custom facet may sit on a run, a job or a dataset, as its schema says; the schemas
 * ship in the contract module ({@link TributaryFacets}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"_producer", "_schemaURL"})
public abstract class TributaryFacet
    implements OpenLineage.RunFacet, OpenLineage.JobFacet, OpenLineage.DatasetFacet {
  private final URI producer;
  private final URI schemaUrl;

  protected TributaryFacet(URI producer, String schemaName) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.schemaUrl = URI.create(TributaryFacets.schemaUrl(schemaName));
  }

  @Override
  @JsonProperty("_producer")
  public URI get_producer() {
    return producer;
  }

  @Override
  @JsonProperty("_schemaURL")
  public URI get_schemaURL() {
    return schemaUrl;
  }

  @Override
  @JsonProperty("_deleted")
  public Boolean get_deleted() {
    return null;
  }

  @Override
  public Boolean isDeleted() {
    return null;
  }

  @Override
  @JsonAnyGetter
  public Map<String, Object> getAdditionalProperties() {
    return Map.of();
  }
}

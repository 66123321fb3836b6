package io.tributary.server.export;

import io.tributary.atlas.AtlasEntityHeader;
import io.tributary.atlas.AtlasJson;
import io.tributary.atlas.AtlasLineageInfo;
import io.tributary.catalog.LineageEdge;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Atlas's {@code AtlasLineageInfo}, as {@code GET /api/atlas/v2/lineage/{guid}} answers. */
public final class AtlasLineageExporter implements LineageExporter {
  private final AtlasJson json = new AtlasJson();

  @Override
  public String format() {
    return "atlas";
  }

  @Override
  public String mediaType() {
    return "application/json";
  }

  @Override
  public String fileExtension() {
    return "atlas.json";
  }

  @Override
  public void write(LineageExport export, OutputStream out) throws IOException {
    out.write(json.writeBytes(toAtlas(export)));
  }

  static AtlasLineageInfo toAtlas(LineageExport export) {
    Map<String, AtlasEntityHeader> headers = new LinkedHashMap<>();
    for (LineageExport.Node node : export.nodes()) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("qualifiedName", node.qualifiedName());
      attributes.put("name", node.name());
      if (node.entity() != null && node.entity().attributes().get("owner") != null) {
        attributes.put("owner", node.entity().attributes().get("owner"));
      }
      List<String> classifications =
          node.entity() == null
              ? List.of()
              : List.copyOf(new TreeSet<>(node.entity().classifications()));
      headers.put(
          node.guid().value(),
          new AtlasEntityHeader(
              node.typeName(),
              attributes,
              node.guid().value(),
              "ACTIVE",
              node.name(),
              classifications,
              null));
    }
    Set<AtlasLineageInfo.LineageRelation> relations = new LinkedHashSet<>();
    for (LineageEdge e : export.graph().edges()) {
      relations.add(
          new AtlasLineageInfo.LineageRelation(
              e.from().value(),
              e.to().value(),
              e.from().value() + ":" + e.to().value() + ":" + e.relationshipType()));
    }
    String direction =
        switch (export.query().direction()) {
          case UPSTREAM -> "INPUT";
          case DOWNSTREAM -> "OUTPUT";
          case BOTH -> "BOTH";
        };
    return new AtlasLineageInfo(
        export.graph().start().value(), direction, export.query().depth(), headers, relations);
  }
}

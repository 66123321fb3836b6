package io.tributary.server.export;

import io.tributary.catalog.Catalog;
import io.tributary.catalog.Direction;
import io.tributary.catalog.EntityNotFoundException;
import io.tributary.catalog.Guid;
import io.tributary.catalog.LineageGraph;
import io.tributary.catalog.LineageLevel;
import io.tributary.catalog.LineageQuery;
import io.tributary.server.layout.LayeredLayout;
import io.tributary.server.security.Caller;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/lineage/{guid}/export?format=&direction=&depth=&level=}: the lineage of an
 * entity as a file (atlas, openlineage, graphml, dot, csv, svg, png, or a plug-in's format).
 */
@Path("/api/v1/lineage/{guid}/export")
public final class LineageExportResource {
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final int DEFAULT_DEPTH = 3;

  /** Images of more nodes than this take too long to lay out and are too big to read. */
  private static final int MAX_IMAGE_NODES = 5_000;

  private final Catalog catalog;
  private final NodeKinds kinds;
  private final LineageExporters exporters;
  private final LayeredLayout layout;

  public LineageExportResource(
      Catalog catalog, NodeKinds kinds, LineageExporters exporters, LayeredLayout layout) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.kinds = Objects.requireNonNull(kinds, "kinds");
    this.exporters = Objects.requireNonNull(exporters, "exporters");
    this.layout = Objects.requireNonNull(layout, "layout");
  }

  @GET
  public Response export(
      @PathParam("guid") String guidText,
      @QueryParam("format") String format,
      @QueryParam("direction") String directionText,
      @QueryParam("depth") String depthText,
      @QueryParam("level") String levelText,
      @Context ContainerRequestContext context) {
    LineageExporter exporter;
    LineageQuery query;
    Guid guid;
    try {
      exporter = exporters.get(format == null ? "atlas" : format);
      guid = new Guid(guidText);
      query =
          new LineageQuery(
              guid,
              directionText == null || directionText.isBlank()
                  ? Direction.BOTH
                  : Direction.parse(directionText),
              depth(depthText),
              level(levelText));
    } catch (IllegalArgumentException e) {
      return problem(Response.Status.BAD_REQUEST, e.getMessage());
    }
    Caller caller = Caller.of(context);
    if (catalog.get(guid, caller.read()).isEmpty()) {
      throw new EntityNotFoundException(guid.value());
    }
    LineageGraph graph = catalog.lineage(query, caller.lineage());
    int nodeCount = graph.entities().size() + graph.redacted().size();
    if (exporter.needsDrawing() && nodeCount > MAX_IMAGE_NODES) {
      return problem(
          Response.Status.BAD_REQUEST,
          "An image of "
              + nodeCount
              + " nodes is larger than the limit of "
              + MAX_IMAGE_NODES
              + ": lower the depth or export GraphML");
    }
    LineageExport export = new LineageExport(graph, query, kinds, memoized(graph));
    StreamingOutput body = out -> exporter.write(export, out);
    String name = "lineage-" + fileName(export) + "." + exporter.fileExtension();
    return Response.ok(body, exporter.mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  private Supplier<Drawing> memoized(LineageGraph graph) {
    return new Supplier<>() {
      private Drawing drawing;

      @Override
      public synchronized Drawing get() {
        if (drawing == null) {
          LineageExport plain = new LineageExport(graph, dummyQuery(graph), kinds, () -> null);
          drawing = Drawing.layOut(plain.nodes(), graph.edges(), layout);
        }
        return drawing;
      }
    };
  }

  private static LineageQuery dummyQuery(LineageGraph graph) {
    return new LineageQuery(graph.start(), Direction.BOTH, 0, LineageLevel.DATASET);
  }

  private static String fileName(LineageExport export) {
    String title = SvgExporter.title(export).replaceAll("[^A-Za-z0-9._-]+", "_");
    return title.isEmpty() ? export.graph().start().value() : title;
  }

  private static int depth(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_DEPTH;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("depth '" + text + "' is not a whole number");
    }
  }

  private static LineageLevel level(String text) {
    if (text == null || text.isBlank()) {
      return LineageLevel.DATASET;
    }
    try {
      return LineageLevel.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("level '" + text + "' is unknown: use DATASET or COLUMN");
    }
  }

  private static Response problem(Response.Status status, String detail) {
    return Response.status(status)
        .type(PROBLEM_JSON)
        .entity(
            Map.of(
                "type",
                "about:blank",
                "title",
                status.getReasonPhrase(),
                "status",
                status.getStatusCode(),
                "detail",
                detail))
        .build();
  }
}

package io.tributary.server;

import io.tributary.server.problem.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the web UI from the classpath under {@code /web}: {@code /} is {@code /web/index.html},
 * and {@code /webjars/**} are the files of WebJars on the classpath. Everything the API does not
 * claim ends here, so an unknown path is a 404 problem. Public: it answers without credentials (see
 * {@link io.tributary.server.security.PublicRoutes}), so it serves nothing but these files.
 */
@Path("/")
public final class StaticResources {
  private static final String ROOT = "/web/";
  private static final String WEBJARS = "webjars/";
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"));

  @GET
  public Response index() {
    return file("index.html");
  }

  @GET
  @Path("{path: .+}")
  public Response file(@PathParam("path") String path) {
    if (path.contains("..") || path.contains("\\") || path.startsWith("/")) {
      throw ApiException.notFound("No resource at /" + path);
    }
    String resource = path.startsWith(WEBJARS) ? "/META-INF/resources/" + path : ROOT + path;
    InputStream in = StaticResources.class.getResourceAsStream(resource);
    if (in == null) {
      throw ApiException.notFound("No resource at /" + path);
    }
    int dot = resource.lastIndexOf('.');
    String extension = dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
    CacheControl cache = new CacheControl();
    cache.setNoCache(true);
    return Response.ok(in, TYPES.getOrDefault(extension, "application/octet-stream"))
        .cacheControl(cache)
        .build();
  }
}

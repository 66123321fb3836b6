package io.tributary.server.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.ContentEncoding;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * Gives a problem body to the answers of Grizzly's HTTP codec, which refuses requests it cannot
 * parse (a malformed request line or header, an unknown HTTP version) before any handler sees them,
 * with an empty body. A 5xx among them (505 for an unknown HTTP version) becomes 400: the request
 * is the client's mistake.
 */
public final class MalformedRequestAddOn implements AddOn {
  private final ObjectMapper json;

  public MalformedRequestAddOn(ObjectMapper json) {
    this.json = Objects.requireNonNull(json, "json");
  }

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int at = builder.indexOfType(HttpServerFilter.class);
    if (at < 0) {
      throw new IllegalStateException("no HTTP codec in the filter chain of " + listener.getName());
    }
    builder.set(at, new ProblemCodec(listener, (HttpServerFilter) builder.get(at), json));
  }

  /** The codec as Grizzly's {@code HttpServer} configures it, with a body on its refusals. */
  private static final class ProblemCodec extends HttpServerFilter {
    private final ObjectMapper json;

    // Deprecated in Grizzly, yet the constructor its own HttpServer builds the codec with.
    @SuppressWarnings("deprecation")
    ProblemCodec(NetworkListener listener, HttpServerFilter original, ObjectMapper json) {
      super(
          listener.isChunkingEnabled(),
          listener.getMaxHttpHeaderSize() == -1
              ? DEFAULT_MAX_HTTP_PACKET_HEADER_SIZE
              : listener.getMaxHttpHeaderSize(),
          null,
          listener.getKeepAlive(),
          null,
          listener.getMaxRequestHeaders(),
          listener.getMaxResponseHeaders());
      this.json = json;
      for (ContentEncoding encoding : original.getContentEncodings()) {
        addContentEncoding(encoding);
      }
      setAllowPayloadForUndefinedHttpMethods(original.isAllowPayloadForUndefinedHttpMethods());
      setMaxPayloadRemainderToSkip(original.getMaxPayloadRemainderToSkip());
      setRemoveHandledContentEncodingHeaders(original.isRemoveHandledContentEncodingHeaders());
      setPreserveHeaderCase(original.isPreserveHeaderCase());
      getMonitoringConfig().addProbes(original.getMonitoringConfig().getProbes());
    }

    /**
     * Refuses a header line without a colon. Grizzly's codec would read on past its end looking for
     * one, and the client would wait for an answer until a timeout.
     */
    @Override
    protected boolean parseHeaderName(
        HttpHeader header, MimeHeaders headers, HeaderParsingState state, Buffer input) {
      int limit = Math.min(input.limit(), state.packetLimit);
      for (int i = state.offset; i < limit; i++) {
        byte b = input.get(i);
        if (b == ':') {
          break;
        }
        if (b == '\r' || b == '\n') {
          throw new IllegalStateException("a header line has no colon");
        }
      }
      return super.parseHeaderName(header, headers, state, input);
    }

    @Override
    protected boolean parseHeaderName(
        HttpHeader header, MimeHeaders headers, HeaderParsingState state, byte[] input, int end) {
      int limit = Math.min(end, state.arrayOffset + state.packetLimit);
      for (int i = state.arrayOffset + state.offset; i < limit; i++) {
        byte b = input[i];
        if (b == ':') {
          break;
        }
        if (b == '\r' || b == '\n') {
          throw new IllegalStateException("a header line has no colon");
        }
      }
      return super.parseHeaderName(header, headers, state, input, end);
    }

    @Override
    protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
      if (response.getStatus() < 400 || response.getStatus() >= 500) {
        HttpStatus.BAD_REQUEST_400.setValues(response);
      }
      int status = response.getStatus();
      byte[] body =
          Problem.of(
                  status,
                  status == 400 ? ProblemTypes.BAD_REQUEST : ProblemTypes.HTTP,
                  ProblemErrorPages.title(status),
                  "The request line or a header is malformed")
              .toJson(json)
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      ProblemErrorPages.setContentType(response);
      response.setContentLength(body.length);
      return HttpContent.builder(response)
          .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body))
          .last(true)
          .build();
    }
  }
}

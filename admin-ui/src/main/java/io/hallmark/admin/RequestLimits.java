package io.hallmark.admin;

import io.hallmark.core.plugin.PluginHost;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Request body size limits per route, enforced by Jetty while it reads, before any handler buffers a byte: a body
 * whose {@code Content-Length} is over the route's limit is answered 413 at once, unread; a body without one
 * (chunked) fails with 413 as soon as the bytes read pass the limit. The limits are documented in
 * {@code docs/input.md}.
 */
final class RequestLimits extends Handler.Wrapper {

    /** Every route not listed below: {@value} bytes (2 MiB) holds the longest prompt or text to check. */
    static final long DEFAULT_BYTES = 2L * 1024 * 1024;

    /**
     * A knowledge-base ingest or file upload: {@value} bytes (16 MiB); larger collections go in several requests or
     * the CLI.
     */
    static final long KB_DOCUMENTS_BYTES = 16L * 1024 * 1024;

    /** A route and its limit. */
    record Limit(String method, Pattern path, long bytes) {}

    static final List<Limit> LIMITS = List.of(
            new Limit("POST", Pattern.compile("/api/v1/plugins"), PluginHost.MAX_ARCHIVE_BYTES),
            new Limit("POST", Pattern.compile("/api/v1/plugins/[^/]+/upgrade"), PluginHost.MAX_ARCHIVE_BYTES),
            new Limit("POST", Pattern.compile("/api/v1/sandbox/plugins"), PluginHost.MAX_ARCHIVE_BYTES),
            new Limit("POST", Pattern.compile("/api/v1/kb/documents"), KB_DOCUMENTS_BYTES),
            new Limit("POST", Pattern.compile("/api/v1/kb/files"), KB_DOCUMENTS_BYTES));

    /** The largest limit of any route (Javalin's own cap is set to it, so that this handler decides). */
    static long largest() {
        return Math.max(DEFAULT_BYTES, LIMITS.stream().mapToLong(Limit::bytes).max().orElse(DEFAULT_BYTES));
    }

    /** The body limit of {@code method path}. */
    static long limitFor(String method, String path) {
        for (Limit limit : LIMITS) {
            if (limit.method().equalsIgnoreCase(method) && limit.path().matcher(path).matches()) {
                return limit.bytes();
            }
        }
        return DEFAULT_BYTES;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        long limit = limitFor(request.getMethod(), path);
        long length = request.getLength();
        if (length > limit) {
            String detail = "The request body has " + length + " bytes; " + request.getMethod() + " " + path
                    + " takes at most " + limit;
            response.setStatus(413);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            response.write(true, ByteBuffer.wrap(problem(path, detail).getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        Limited limited = new Limited(request, limit);
        return super.handle(limited, new CloseIfUnread(response, limited), callback);
    }

    /** The 413 in the API's error shape (OpenAI's under {@code /v1/}). */
    private static String problem(String path, String detail) {
        ApiError error = ApiError.of(413, "too-large", "Request too large", detail);
        if (path.startsWith("/v1/")) {
            return Json.write(java.util.Map.of("error", java.util.Map.of("message", detail, "type",
                    "invalid_request_error", "code", "too-large")));
        }
        return Json.write(error);
    }

    /**
     * Answers {@code Connection: close} when a route answers without reading much of a body (a 401, 403 or 400
     * before the body mattered): the connection cannot be reused until the rest is drained, and a client that reused
     * it would see its next request answered by nothing.
     */
    private static final class CloseIfUnread extends Response.Wrapper {

        private final Limited request;

        CloseIfUnread(Response response, Limited request) {
            super(request, response);
            this.request = request;
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!isCommitted() && request.leavesMuchUnread()) {
                getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            super.write(last, content, callback);
        }
    }

    /** Counts the bytes read and fails the read with 413 once they pass the limit. */
    private static final class Limited extends Request.Wrapper {

        /** Unread bytes Jetty drains itself before reusing a connection; beyond this it closes. */
        private static final long DRAINED = 16 * 1024;

        private final long limit;
        private volatile long read;
        private volatile boolean ended;

        Limited(Request request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk == null || Content.Chunk.isFailure(chunk)) {
                return chunk;
            }
            ended |= chunk.isLast();
            read += chunk.remaining();
            if (read > limit) {
                chunk.release();
                return Content.Chunk.from(new BadMessageException(413, "The request body is over the limit of this "
                        + "route, " + limit + " bytes"), true);
            }
            return chunk;
        }

        /** Whether much of the body is still unread (a chunked body counts as much until its end is read). */
        boolean leavesMuchUnread() {
            if (ended) {
                return false;
            }
            long length = getLength();
            return length > 0 ? length - read > DRAINED : getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        }
    }
}

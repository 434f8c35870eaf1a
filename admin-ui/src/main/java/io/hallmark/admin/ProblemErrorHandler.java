package io.hallmark.admin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answers for requests it refuses before they reach a route (a malformed request line or header, a
 * {@code %00} or an ambiguous segment in the path, a bad chunk), in the API's one error shape instead of Jetty's
 * HTML page, with {@code Connection: close} because Jetty ends the connection after them.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        // Jetty ends the connection after refusing a request before routing (a NUL in the path, say) but did not
        // say so: a client that reused it sent its next request into a closed socket and got no answer (the
        // fuzzer's requests "with no answer", each one after such a 400). Saying it lets the client open a new one.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
        return ByteBuffer.wrap(problem(status, reason));
    }

    private static byte[] problem(int code, String message) {
        String title = HttpStatus.getMessage(code);
        String detail = "The server refused the request before it reached the API: "
                + (message == null || message.isBlank() ? title : message);
        String kind = code == 413 ? "too-large" : code < 500 ? "malformed-request" : "server-error";
        return Json.write(ApiError.of(code, kind, title, detail)).getBytes(StandardCharsets.UTF_8);
    }
}

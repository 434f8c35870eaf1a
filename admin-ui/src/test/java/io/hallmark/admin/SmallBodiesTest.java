package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SmallBodies} on a bare Javalin behind {@link RequestLimits}, over a raw socket: a request refused by a filter
 * before the route (as {@code InputBoundary} refuses a 3,000-character parameter) whose body arrives late is answered
 * after its body was read, so the connection stays open and the next request on it is answered too. Without it, Jetty
 * answers {@code Connection: close} and drops the connection (the fuzzer's requests "with no answer").
 */
class SmallBodiesTest {

    private Javalin javalin;

    @BeforeEach
    void start() {
        javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.jetty.modifyServer(server -> server.setHandler(new RequestLimits()));
            config.routes.before(SmallBodies::readFirst);
            config.routes.beforeMatched(ctx -> {
                if (ctx.queryParam("q") != null && ctx.queryParam("q").length() > 2_000) {
                    throw new io.javalin.http.BadRequestResponse("q is too long");
                }
            });
            config.routes.post("/api/v1/things", ctx -> ctx.result("posted " + ctx.body().length()));
            config.routes.get("/api/v1/ok", ctx -> ctx.result("ok"));
        });
        javalin.start();
    }

    @AfterEach
    void stop() {
        javalin.stop();
    }

    @Test
    void aRequestRefusedBeforeItsLateBodyArrivedKeepsItsConnectionForTheNextRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", javalin.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String body = "{\"text\":\"" + "x".repeat(2_000) + "\"}";
            out.write(("POST /api/v1/things?q=" + "h".repeat(3_000) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n{")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(300); // the body comes late, as a second TCP segment does
            out.write(body.substring(1).getBytes(StandardCharsets.ISO_8859_1));
            out.write("GET /api/v1/ok HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(response(in)).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("connection: close");
            assertThat(response(in)).as("the next request on the same connection").startsWith("HTTP/1.1 200")
                    .endsWith("ok");
        }
    }

    @Test
    void theRouteStillReadsTheBodyThatWasReadFirst() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", javalin.port())) {
            socket.setSoTimeout(10_000);
            String body = "{\"text\":\"hello\"}";
            socket.getOutputStream().write(("POST /api/v1/things HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                    + "application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("posted " + body.length());
        }
    }

    /** Reads one response (headers and a body of its {@code Content-Length}). */
    private static String response(InputStream in) throws Exception {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("The connection ended after " + head.size() + " bytes: " + head);
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(headers);
        assertThat(length.find()).as(headers).isTrue();
        return headers + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
    }
}

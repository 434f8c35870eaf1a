package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Jetty's refusal of a request before routing (a NUL in the path) in the API's error shape, on a bare Javalin over a
 * raw socket: Jetty ends the connection after it, so the answer must say {@code Connection: close}; before it did, a
 * client that reused the connection lost its next request (the fuzzer's requests "with no answer").
 */
class ProblemErrorHandlerTest {

    @Test
    void aPathRefusedBeforeRoutingIsAProblemThatAnnouncesTheConnectionEnds() throws Exception {
        Javalin javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.jetty.modifyServer(server -> {
                server.setHandler(new RequestLimits());
                server.setErrorHandler(new ProblemErrorHandler());
            });
            config.routes.get("/api/v1/things/{id}", ctx -> ctx.result(ctx.pathParam("id")));
        }).start();
        try (Socket socket = new Socket("127.0.0.1", javalin.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/things/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            String headers = head.toString(StandardCharsets.ISO_8859_1);
            assertThat(headers).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json")
                    .containsIgnoringCase("connection: close");
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(headers);
            assertThat(length.find()).isTrue();
            assertThat(new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8))
                    .contains("/errors/malformed-request");
            assertThat(in.read()).as("the connection ends, as announced").isEqualTo(-1);
        } finally {
            javalin.stop();
        }
    }
}

package io.hallmark.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.core.audit.Checkpoint;
import io.hallmark.core.audit.CosignerKey;
import io.hallmark.core.audit.PlatformKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hallmark witness public-key} and {@code serve}: a witness for a log given on the command line. */
class WitnessCommandTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logKeys;

    @Test
    void theWitnessPrintsItsKeyAndCosignsTheLogItWasGiven() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("witness", "public-key", "--data-dir", dataDir.toString(), "--name", "w.example/w1"))
                .isZero();
        CosignerKey key = CosignerKey.parse(out.toString().strip());
        assertThat(key.name()).isEqualTo("w.example/w1");

        PlatformKey log = PlatformKey.loadOrCreate(logKeys);
        String origin = "hallmark.audit/00000000-0000-4000-8000-0000000000aa";
        StringWriter serveOut = new StringWriter();
        CommandLine serve = Main.commandLine();
        serve.setOut(new PrintWriter(serveOut, true));
        Thread server = new Thread(() -> serve.execute("witness", "serve", "--data-dir", dataDir.toString(), "--name",
                "w.example/w1", "--port", "0", "--log", origin + " " + log.verifierKey().encoded()));
        server.start();
        try {
            Matcher port = null;
            for (int i = 0; i < 200 && (port == null || !port.find()); i++) {
                Thread.sleep(50);
                port = Pattern.compile("listening on http://127.0.0.1:(\\d+)/").matcher(serveOut.toString());
            }
            assertThat(port.group(1)).isNotBlank();
            Checkpoint cp = Checkpoint.sign(origin, 3, new byte[32], Instant.now(), log);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port.group(1) + "/add-checkpoint")).POST(HttpRequest.BodyPublishers
                    .ofString("old 0\n\n" + cp.note())).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("\u2014 w.example/w1 ");
            assertThat(serveOut.toString()).contains(key.encoded()).contains("for 1 log(s)");
        } finally {
            server.interrupt();
            server.join(10_000);
        }
    }
}

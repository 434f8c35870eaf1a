package io.hallmark.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hallmark.api.GenerationRequest;
import io.hallmark.api.Modality;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.config.WorkerSettings;
import io.hallmark.core.db.Database;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.plugin.fixtures.ExitingStartPlugin;
import io.hallmark.core.plugin.fixtures.ExitingStaticGenerator;
import io.hallmark.core.plugin.fixtures.RedTeamGenerator;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red-team suite of issue 16: signed plugins that an administrator trusted and that asked for no permission try
 * what an attacker or a careless author would. Each attempt must be confined (it gets nothing) and reported (the call
 * fails saying why), the host keeps running, a plugin that keeps crashing is restarted with back-off and then FAILED,
 * and none of them is ever loaded into the host's JVM. Needs bubblewrap and namespaces: skipped, saying so, where the
 * machine refuses them.
 */
@ExtendWith(PostgresExtension.class)
class RedTeamPluginTest {

    private static final String ADMIN = "admin";
    private static final String SIGNING_KEY = "-----BEGIN PRIVATE KEY----- red-team-signing-key-secret";
    private static final String CLI_TOKEN = "red-team-cli-token-secret";

    private final Database db;
    private final PluginStore store;
    private final KeyPair trustedKey = SigningKeys.generate();

    @TempDir
    Path tmp;

    private Path dataDir;
    private Path signingKey;
    private Path cliToken;
    private PluginHost host;

    RedTeamPluginTest(Database db) {
        this.db = db;
        this.store = new PluginStore(db);
    }

    @BeforeAll
    static void needsConfinement() {
        WorkerSandbox.Confinement confinement = WorkerSandbox.confinement();
        assumeTrue(confinement.available(), "Plugin confinement cannot be tested on this machine: "
                + confinement.detail());
    }

    @BeforeEach
    void startHost() throws Exception {
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        dataDir = Files.createDirectories(tmp.resolve("data"));
        signingKey = Files.writeString(Files.createDirectories(dataDir.resolve("keys")).resolve("audit-ed25519.pem"),
                SIGNING_KEY);
        cliToken = Files.writeString(Files.createDirectories(dataDir.resolve("run")).resolve("cli.token"), CLI_TOKEN);
        store.trust(trustedKey.getPublic(), "red team key", ADMIN);
        host = new PluginHost(new PluginSettings(false, Set.of(), Duration.ofSeconds(30), Duration.ofSeconds(5), null,
                WorkerSettings.defaults()), Files.createDirectories(dataDir.resolve("plugins")), store,
                new SequentialAuditLog(db), new ModelDirectory(Files.createDirectories(tmp.resolve("models"))),
                "0.1.0-SNAPSHOT");
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    private Path hostile(String id) {
        return PluginArchiveBuilder.plugin(id, "1.0.0").extension(RedTeamGenerator.class).signedWith(trustedKey)
                .writeTo(tmp.resolve("build-" + id));
    }

    private String attack(String pluginId, String prompt) {
        return host.generate(pluginId, GenerationRequest.of(Modality.TEXT, prompt), CallOptions.defaults("red-team"))
                .text();
    }

    @Test
    void secretsFilesEnvironmentNetworkAndCoreClassesAreOutOfReach() throws Exception {
        host.install(hostile("thief"), Set.of(), ADMIN);
        assertThat(host.isolationOf("thief")).hasValueSatisfying(v -> assertThat(v).startsWith("worker (bubblewrap"));
        assertThat(host.classLoaderOf("thief")).as("never loaded into the host JVM").isEmpty();

        // (a) the platform's signing key, the admin CLI token, /etc/shadow: not even there
        for (Path secret : List.of(signingKey, cliToken, Path.of("/etc/shadow"), dataDir.resolve("plugins"))) {
            assertThatThrownBy(() -> attack("thief", "read " + secret))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("NoSuchFileException").hasMessageContaining(secret.toString())
                    .hasMessageNotContaining("secret");
        }
        // (b) the environment is built from scratch: no HALLMARK_*, no database password
        assertThat(attack("thief", "env")).isEqualTo("[HOME, LANG, PATH, PWD] password=null");

        // (c) no network without the network permission: the listener never hears from it
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(300);
            assertThatThrownBy(() -> attack("thief", "connect " + listener.getLocalPort()))
                    .isInstanceOf(PluginCallException.class).hasMessageContaining("ConnectException");
            assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        }

        // (h) core, Hibernate, JDBC and even the worker's own classes cannot be loaded by name
        for (String name : List.of(PluginHost.class.getName(), "org.hibernate.Session", "org.postgresql.Driver",
                "io.hallmark.worker.WorkerMain", "com.fasterxml.jackson.databind.ObjectMapper")) {
            assertThatThrownBy(() -> attack("thief", "class " + name))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("ClassNotFoundException: " + name);
            attack("thief", "env"); // a success between failures keeps the circuit breaker closed
        }

        // (f) a forked process is in the same confinement, and dies with the worker
        assertThat(attack("thief", "fork " + signingKey)).startsWith("FORKED exit=1")
                .contains("No such file or directory").doesNotContain(SIGNING_KEY);
        assertThat(attack("thief", "spawn 313")).startsWith("SPAWNED");
        assertThat(sleepers("313")).isNotEmpty();
        host.remove("thief", ADMIN);
        waitFor(() -> sleepers("313").isEmpty());
        assertThat(sleepers("313")).as("the plugin's child process ended with its worker").isEmpty();

        // a fork bomb stops at the worker's process limit, where the host lets the platform create control groups
        host.install(hostile("forker"), Set.of(), ADMIN);
        if (host.isolationOf("forker").orElseThrow().contains("cgroup")) {
            String forks = attack("forker", "forkbomb");
            assertThat(forks).startsWith("FORKS ").doesNotContain("stopped: never");
            assertThat(Integer.parseInt(forks.split(" ")[1])).isLessThan(WorkerCgroup.MAX_PIDS);
        }

        assertHostStillServes();
    }

    @Test
    void exitAndHaltInGenerateAreContainedRestartedWithBackoffThenFailed() {
        host.install(hostile("quitter"), Set.of(), ADMIN);
        long firstPid = host.workerOf("quitter").orElseThrow().pid();

        // (d) Runtime.halt kills only the worker: reported, and the next call gets a fresh worker
        assertThatThrownBy(() -> attack("quitter", "halt"))
                .isInstanceOf(PluginCallException.class).hasMessageContaining("worker exited with code 1");
        assertThat(attack("quitter", "env")).contains("PATH");
        assertThat(host.workerOf("quitter").orElseThrow().pid()).isNotEqualTo(firstPid);

        // System.exit, again and again: restarted with back-off, then FAILED with the cause, never loaded again
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attack("quitter", "exit"))
                    .isInstanceOf(PluginCallException.class).hasMessageContaining("exited with code 1");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("back-off 250 + 500 + 1000 ms")
                .isGreaterThan(Duration.ofMillis(1_700));
        waitFor(() -> host.find("quitter").orElseThrow().state().equals("FAILED"));
        assertThat(host.find("quitter")).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo("FAILED");
            assertThat(v.failure()).contains("failed 4 times in a row").contains("exited with code 1");
        });
        assertThatThrownBy(() -> attack("quitter", "env")).isInstanceOf(PluginUnavailableException.class);
        assertThat(host.workerOf("quitter")).isEmpty();
        assertThat(auditTypes()).contains("plugin.failed");
        assertHostStillServes();
    }

    @Test
    void exitInStartOrInAStaticInitialiserFailsOnlyTheInstall() throws Exception {
        Path inStart = PluginArchiveBuilder.plugin("starter", "1.0.0")
                .manifest("Plugin-Class", ExitingStartPlugin.class.getName()).addClass(ExitingStartPlugin.class)
                .extension(EchoGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("starter"));
        assertThatThrownBy(() -> host.install(inStart, Set.of(), ADMIN))
                .isInstanceOf(PluginInstallException.class).hasMessageContaining("exited with code 3")
                .hasMessageContaining("while loading the plugin");

        Path inStatic = PluginArchiveBuilder.plugin("static", "1.0.0").extension(ExitingStaticGenerator.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("static"));
        assertThatThrownBy(() -> host.install(inStatic, Set.of(), ADMIN))
                .isInstanceOf(PluginInstallException.class).hasMessageContaining("exited with code 5");

        assertThat(host.list()).isEmpty();
        try (var files = Files.list(dataDir.resolve("plugins"))) {
            assertThat(files.filter(Files::isRegularFile)).as("no stray archive is left in plugins/").isEmpty();
        }
        assertThat(auditTypes()).contains("plugin.install_failed");
        assertHostStillServes();
    }

    @Test
    void memoryHogsSpinnersAndProtocolVandalsAreKilledAndReported() {
        host.install(hostile("vandal"), Set.of(), ADMIN);

        // (e) allocating until out of memory ends the worker, not the host
        assertThatThrownBy(() -> attack("vandal", "oom"))
                .isInstanceOf(PluginCallException.class).hasMessageContaining("ran out of memory");

        // (g) a core spun forever, ignoring cancellation: the call fails at its deadline, the worker is killed
        long pid = host.workerOf("vandal").map(ProcessHandle::pid).orElse(-1L);
        long start = System.nanoTime();
        assertThatThrownBy(() -> host.generate("vandal", GenerationRequest.of(Modality.TEXT, "spin"),
                CallOptions.defaults("red-team").withTimeout(Duration.ofSeconds(1))))
                .isInstanceOf(PluginCallException.class).hasMessageContaining("did not finish within PT1S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        waitFor(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("the spinning worker was killed").isEmpty();

        // (i) bytes that are not a frame on the protocol stream
        assertThatThrownBy(() -> attack("vandal", "garbage"))
                .isInstanceOf(PluginCallException.class).hasMessageContaining("wrote a malformed frame")
                .hasMessageContaining("it wrote: 'I am not a frame'");

        assertHostStillServes();
    }

    /** After any attack: the host answers, and a good plugin still generates. */
    private void assertHostStillServes() {
        assertThat(host.list()).isNotNull();
        if (host.find("echo").isEmpty()) {
            host.install(PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                    .resource("version.txt", "1.0.0").signedWith(trustedKey).writeTo(tmp.resolve("echo")),
                    Set.of(), ADMIN);
        }
        assertThat(attack("echo", "still serving")).isEqualTo("v1.0.0 still serving");
        assertThat(host.health("echo")).containsEntry("ok", true).containsKey("pid").containsKey("heapUsed");
        assertThat(host.generate("echo", GenerationRequest.of(Modality.TEXT, "ok"), CallOptions.defaults("t"))
                .text()).isEqualTo("v1.0.0 ok");
    }

    private static List<ProcessHandle> sleepers(String seconds) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").equals("/bin/sleep " + seconds)
                        || p.info().arguments().map(a -> a.length == 1 && a[0].equals(seconds)
                                && p.info().command().orElse("").endsWith("sleep")).orElse(false))
                .toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<String> auditTypes() {
        return db.inTransaction(s -> s.createSelectionQuery("select eventType from AuditEvent order by seq", String.class)
                .getResultList());
    }
}

package io.hallmark.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.GeneratedContent;
import io.hallmark.api.GenerationRequest;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.Modality;
import io.hallmark.api.Permission;
import io.hallmark.api.signing.PluginSignatureException;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.audit.SequentialAuditLog;
import io.hallmark.core.config.PluginSettings;
import io.hallmark.core.config.WorkerSettings;
import io.hallmark.core.db.Database;
import io.hallmark.core.model.ModelDirectory;
import io.hallmark.api.CheckInput;
import io.hallmark.api.CheckOutcome;
import io.hallmark.api.CheckResult;
import io.hallmark.core.plugin.fixtures.BrokenCheck;
import io.hallmark.core.plugin.fixtures.EchoGenerator;
import io.hallmark.core.plugin.fixtures.HostServicesGenerator;
import io.hallmark.core.plugin.fixtures.LargeImageGenerator;
import io.hallmark.core.model.ModelRuntime;
import io.hallmark.core.testing.TestPaths;
import io.hallmark.api.KnowledgePassage;
import io.hallmark.core.plugin.fixtures.LengthCheck;
import io.hallmark.core.plugin.fixtures.FailingStartPlugin;
import io.hallmark.core.plugin.fixtures.ModelPeekGenerator;
import io.hallmark.core.testing.PostgresExtension;
import io.hallmark.core.persistence.PluginChannel;
import io.hallmark.testkit.FaultyGenerators;
import io.hallmark.testkit.PluginArchiveBuilder;
import java.io.OutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The plugin host with real plugin archives built during the test, on the real embedded PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class PluginHostTest {

    private static final String ADMIN = "admin";

    private final Database db;
    private final PluginStore store;
    private final KeyPair trustedKey = SigningKeys.generate();

    @TempDir
    Path tmp;

    private Path pluginsDir;
    private Path modelsDir;
    private PluginHost host;

    PluginHostTest(Database db) {
        this.db = db;
        this.store = new PluginStore(db);
    }

    @BeforeEach
    void startHost() throws Exception {
        db.useTransaction(s -> s.createMutationQuery("delete from PluginRecord").executeUpdate());
        pluginsDir = Files.createDirectories(tmp.resolve("plugins"));
        modelsDir = Files.createDirectories(tmp.resolve("models"));
        store.trust(trustedKey.getPublic(), "test key", ADMIN);
        host = newHost(false);
        host.start();
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    private PluginHost newHost(boolean devMode) {
        // third-party plugins run in bubblewrap-confined workers where the machine allows it, unconfined elsewhere
        return new PluginHost(new PluginSettings(devMode, Set.of(Permission.KNOWLEDGE_BASE_READ), Duration.ofSeconds(30),
                Duration.ofSeconds(10), null, WorkerSettings.defaults().withAllowUnconfined(true)), pluginsDir, store, new SequentialAuditLog(db), new ModelDirectory(modelsDir),
                "0.1.0-SNAPSHOT");
    }

    private Path echo(String version) {
        return PluginArchiveBuilder.plugin("echo", version).extension(EchoGenerator.class)
                .resource("version.txt", version).signedWith(trustedKey).writeTo(tmp.resolve("build-" + version));
    }

    private static GenerationRequest prompt(String text) {
        return GenerationRequest.of(Modality.TEXT, text);
    }

    private String generate(String pluginId, GenerationRequest request) {
        return host.generate(pluginId, request, CallOptions.defaults("tester")).text();
    }

    @Test
    void aSignedPluginInstallsAndGenerates() throws Exception {
        PluginView view = host.install(echo("1.0.0"), Set.of(), ADMIN);

        assertThat(view.state()).isEqualTo("ENABLED");
        assertThat(view.isolation()).startsWith("worker (");
        assertThat(view.signerKeyId()).isEqualTo(SigningKeys.keyId(trustedKey.getPublic()));
        assertThat(view.generators()).singleElement().satisfies(g -> assertThat(g.info().name()).isEqualTo("echo"));
        assertThat(generate("echo", prompt("hello plugin world"))).isEqualTo("v1.0.0 hello plugin world");
        assertThat(Files.list(pluginsDir).filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                .containsExactly("echo-1.0.0.jar");
        assertThat(auditTypes()).contains("plugin.installed");
    }

    @Test
    void aSandboxPluginServesOnlyTheSandboxUntilPromotedAndNeverReplacesAProductionPlugin() throws Exception {
        PluginView sandboxed = host.installToSandbox(echo("1.0.0"), "dev");

        assertThat(sandboxed.channel()).isEqualTo("sandbox");
        assertThat(commandLines(host.workerOf("echo").orElseThrow())).as("the sandbox channel's tighter heap")
                .contains("-Xmx128m").doesNotContain("-Xmx256m");
        assertThat(host.channel("echo")).isEqualTo(PluginChannel.SANDBOX);
        assertThat(host.generators()).singleElement().satisfies(g -> assertThat(g.channel()).isEqualTo(PluginChannel.SANDBOX));
        assertThat(generate("echo", prompt("still callable by the host"))).startsWith("v1.0.0");
        // a new sandbox version is an upgrade within the sandbox
        assertThat(host.installToSandbox(echo("1.1.0"), "dev").version()).isEqualTo("1.1.0");
        assertThat(host.channel("echo")).isEqualTo(PluginChannel.SANDBOX);
        assertThatThrownBy(() -> host.upgrade("other", echo("1.2.0"), Set.of(), ADMIN))
                .hasMessageContaining("not installed");

        PluginView promoted = host.promote("echo", ADMIN);
        assertThat(promoted.channel()).isEqualTo("production");
        assertThat(commandLines(host.workerOf("echo").orElseThrow())).as("production limits after promotion")
                .contains("-Xmx256m");
        assertThat(host.generators()).singleElement().satisfies(g -> assertThat(g.channel()).isEqualTo(PluginChannel.PRODUCTION));
        assertThat(auditTypes()).contains("plugin.promoted");
        assertThatThrownBy(() -> host.promote("echo", ADMIN)).hasMessageContaining("production channel already");

        // a developer cannot replace the production plugin through the sandbox; an administrator upgrades it
        assertThatThrownBy(() -> host.installToSandbox(echo("2.0.0"), "dev"))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("is installed on the production channel; a sandbox install cannot replace it");
        assertThat(host.upgrade("echo", echo("2.0.0"), Set.of(), ADMIN).version()).isEqualTo("2.0.0");
        assertThat(host.channel("echo")).isEqualTo(PluginChannel.PRODUCTION);
        Path other = PluginArchiveBuilder.plugin("other", "1.0.0").extension(EchoGenerator.class)
                .resource("version.txt", "1.0.0").signedWith(trustedKey).writeTo(tmp.resolve("other"));
        assertThatThrownBy(() -> host.upgrade("echo", other, Set.of(), ADMIN))
                .hasMessageContaining("The archive holds plugin 'other', not 'echo'");

        // a sandbox plugin's governance checks never judge content
        host.installToSandbox(PluginArchiveBuilder.plugin("checks", "1.0.0").extension(LengthCheck.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("checks")), "dev");
        CheckInput input = new CheckInput(Modality.TEXT, "p", "a text that is clearly too long", null, "text/plain",
                Map.of());
        assertThat(host.runChecks(input, CallOptions.defaults("governance"))).isEmpty();
        host.promote("checks", ADMIN);
        assertThat(host.runChecks(input, CallOptions.defaults("governance"))).hasSize(1);

        // a second host on the same database (another node) follows the channel
        host.remove("echo", ADMIN);
        host.installToSandbox(echo("3.0.0"), "dev");
        try (PluginHost node2 = newHost(false)) {
            node2.start();
            assertThat(node2.channel("echo")).isEqualTo(PluginChannel.SANDBOX);
            host.promote("echo", ADMIN);
            node2.sync();
            assertThat(node2.channel("echo")).isEqualTo(PluginChannel.PRODUCTION);
        }
    }

    @Test
    void streamedPiecesReachTheCallerAndParametersAreValidated() {
        host.install(echo("1.0.0"), Set.of(), ADMIN);
        List<String> pieces = new ArrayList<>();
        CallOptions options = CallOptions.defaults("tester").withListener(new CallListener() {
            @Override
            public void streamed(String piece) {
                pieces.add(piece);
            }
        });

        GeneratedContent content = host.generate("echo", prompt("a b c").withParameters(Map.of("maxTokens", 3)), options);

        assertThat(content.text()).isEqualTo("v1.0.0 a b");
        assertThat(String.join("", pieces)).isEqualTo(content.text());
        assertThatThrownBy(() -> generate("echo", prompt("x").withParameters(Map.of("temprature", 0.5))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Unknown parameter 'temprature'; supported: [delayMillis, maxTokens]");
        assertThatThrownBy(() -> generate("echo", prompt("x").withParameters(Map.of("maxTokens", 0))))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Parameter 'maxTokens' is 0; expected a value from 1 to 4096");
        assertThatThrownBy(() -> host.generate("echo", GenerationRequest.of(Modality.IMAGE, "x"), CallOptions.defaults("t")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("generates [TEXT], not IMAGE");
    }

    @Test
    void anUnsignedPluginIsRefusedUnlessInDevelopmentMode() {
        Path unsigned = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                .resource("version.txt", "1.0.0").writeTo(tmp.resolve("unsigned"));

        assertThatThrownBy(() -> host.install(unsigned, Set.of(), ADMIN))
                .isInstanceOf(PluginSignatureException.class)
                .hasMessageContaining("Plugin archive echo-1.0.0.jar is not signed")
                .hasMessageContaining("hallmark plugins sign");
        assertThat(host.list()).isEmpty();

        try (PluginHost dev = newHost(true)) {
            PluginView view = dev.install(unsigned, Set.of(), ADMIN);
            assertThat(view.signerKeyId()).isNull();
            assertThat(dev.generate("echo", prompt("dev"), CallOptions.defaults("t")).text()).isEqualTo("v1.0.0 dev");
        }
    }

    @Test
    void aTamperedPluginIsRefusedNamingTheChangedEntry() throws Exception {
        Path signed = echo("1.0.0");
        Path tampered = tmp.resolve("tampered.jar");
        try (ZipFile in = new ZipFile(signed.toFile());
                OutputStream file = Files.newOutputStream(tampered);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                out.write(entry.getName().equals("version.txt") ? "6.6.6".getBytes(StandardCharsets.UTF_8) : bytes);
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> host.install(tampered, Set.of(), ADMIN))
                .isInstanceOf(PluginSignatureException.class)
                .hasMessageContaining("entry 'version.txt' was modified after signing");
    }

    @Test
    void aPluginSignedByAnUntrustedKeyIsRefused() {
        Path foreign = PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class)
                .resource("version.txt", "1.0.0").signedWith(SigningKeys.generate()).writeTo(tmp.resolve("foreign"));

        assertThatThrownBy(() -> host.install(foreign, Set.of(), ADMIN))
                .isInstanceOf(PluginSignatureException.class)
                .hasMessageContaining("which is not trusted here")
                .hasMessageContaining("hallmark plugins trust");
    }

    @Test
    void brokenArchivesAndManifestsAreRefusedClearly() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.jar"), new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> host.install(junk, Set.of(), ADMIN))
                .hasMessageContaining("junk.jar is not a valid jar/zip archive");

        Path noRequires = PluginArchiveBuilder.plugin("Bad Id", "one").manifest("Plugin-Requires", null)
                .extension(EchoGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("bad"));
        assertThatThrownBy(() -> host.install(noRequires, Set.of(), ADMIN))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("invalid manifest")
                .hasMessageContaining("Plugin-Id 'Bad Id'")
                .hasMessageContaining("Plugin-Version 'one'")
                .hasMessageContaining("Plugin-Requires is missing");

        Path future = PluginArchiveBuilder.plugin("future", "1.0.0").manifest("Plugin-Requires", ">=9.0.0")
                .extension(EchoGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("future"));
        assertThatThrownBy(() -> host.install(future, Set.of(), ADMIN))
                .hasMessage("Plugin 'future' 1.0.0 requires Hallmark >=9.0.0; this is Hallmark 0.1.0");

        Path empty = PluginArchiveBuilder.plugin("empty", "1.0.0").resource("readme.txt", "no code")
                .signedWith(trustedKey).writeTo(tmp.resolve("empty"));
        assertThatThrownBy(() -> host.install(empty, Set.of(), ADMIN))
                .hasMessageContaining("declares no ContentGenerator or GovernanceCheck extension");
        assertThat(host.list()).isEmpty();
        assertThat(Files.list(pluginsDir).filter(Files::isRegularFile)).isEmpty();
    }

    @Test
    void aPluginThatFailsToStartIsRefusedWithItsCause() {
        Path failing = PluginArchiveBuilder.plugin("failing", "1.0.0")
                .manifest("Plugin-Class", FailingStartPlugin.class.getName()).addClass(FailingStartPlugin.class)
                .extension(EchoGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("failing"));

        assertThatThrownBy(() -> host.install(failing, Set.of(), ADMIN))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("Plugin 'failing' 1.0.0 failed to start")
                .hasMessageContaining("cannot open its configuration");
        assertThat(host.enabledIds()).isEmpty();
        assertThat(auditTypes()).contains("plugin.install_failed");
    }

    @Test
    void permissionsMustBeGrantedAndAreEnforcedAtTheContext() throws Exception {
        Files.writeString(modelsDir.resolve("weights.bin"), "model bytes");
        Path asking = PluginArchiveBuilder.plugin("peek", "1.0.0").permissions("models:read")
                .extension(ModelPeekGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("peek"));
        assertThatThrownBy(() -> host.install(asking, Set.of(), ADMIN))
                .isInstanceOf(PluginInstallException.class)
                .hasMessageContaining("asks for [models:read], which an administrator has not granted");

        host.install(asking, Set.of(Permission.MODELS_READ), ADMIN);
        assertThat(generate("peek", prompt("weights.bin")))
                .isEqualTo(new ModelDirectory(modelsDir).sha256(modelsDir.resolve("weights.bin")));
        assertThatThrownBy(() -> generate("peek", prompt("missing.bin")))
                .isInstanceOf(PluginCallException.class).hasMessageContaining("Model 'missing.bin' not found");

        Path sneaky = PluginArchiveBuilder.plugin("sneaky", "1.0.0").extension(ModelPeekGenerator.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("sneaky"));
        host.install(sneaky, Set.of(), ADMIN);
        assertThatThrownBy(() -> generate("sneaky", prompt("weights.bin")))
                .isInstanceOf(PluginCallException.class)
                .hasMessageContaining("may not lease models: it was not granted models:read");
    }

    @Test
    void aThrowingPluginIsContainedAndItsCircuitOpens() {
        host.install(echo("1.0.0"), Set.of(), ADMIN);
        host.install(PluginArchiveBuilder.plugin("thrower", "1.0.0").extension(FaultyGenerators.Throwing.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("thrower")), Set.of(), ADMIN);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> generate("thrower", prompt("boom")))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("Plugin 'thrower' 1.0.0 failed: IllegalStateException: injected failure");
        }
        assertThatThrownBy(() -> generate("thrower", prompt("boom")))
                .isInstanceOf(PluginUnavailableException.class)
                .hasMessageContaining("circuit open")
                .hasMessageContaining("after 5 consecutive failures");
        assertThat(host.find("thrower")).get().satisfies(v -> {
            assertThat(v.circuit()).isEqualTo("OPEN");
            assertThat(v.failure()).contains("injected failure");
        });
        assertThat(generate("echo", prompt("still here"))).isEqualTo("v1.0.0 still here");
    }

    @Test
    void aHangingPluginIsAbandonedAtItsDeadline() {
        host.install(PluginArchiveBuilder.plugin("hanger", "1.0.0").extension(FaultyGenerators.Hanging.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("hanger")), Set.of(), ADMIN);

        long start = System.nanoTime();
        assertThatThrownBy(() -> host.generate("hanger", prompt("wait"),
                CallOptions.defaults("t").withTimeout(Duration.ofMillis(500))))
                .isInstanceOf(PluginCallException.class)
                .hasMessageContaining("did not finish within PT0.5S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aPluginReturningGarbageIsContained() {
        host.install(PluginArchiveBuilder.plugin("garbage", "1.0.0").extension(FaultyGenerators.Garbage.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("garbage")), Set.of(), ADMIN);

        assertThatThrownBy(() -> generate("garbage", prompt("x")))
                .isInstanceOf(PluginCallException.class)
                .hasMessageContaining("returned IMAGE content for a TEXT request");
    }

    @Test
    void hotUpgradeUnderConcurrentCallsFailsNoCallAndStopsTheOldWorker() throws Exception {
        host.install(echo("1.0.0"), Set.of(), ADMIN);
        assertThat(host.classLoaderOf("echo")).as("a third-party plugin has no class loader in the host").isEmpty();
        ProcessHandle oldWorker = host.workerOf("echo").orElseThrow();
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> outputs = new ConcurrentLinkedQueue<>();
        AtomicInteger calls = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> loops = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            loops.add(clients.submit(() -> {
                while (running.get()) {
                    try {
                        outputs.add(generate("echo", prompt("one two three").withParameters(Map.of("delayMillis", 20))));
                        calls.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }
            }));
        }
        Thread.sleep(500);

        PluginView upgraded = host.install(echo("2.0.0"), Set.of(), ADMIN);
        Thread.sleep(500);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        clients.shutdown();

        assertThat(failures).isEmpty();
        assertThat(upgraded.version()).isEqualTo("2.0.0");
        assertThat(outputs).anyMatch(o -> o.startsWith("v1.0.0")).anyMatch(o -> o.startsWith("v2.0.0"));
        assertThat(generate("echo", prompt("after"))).isEqualTo("v2.0.0 after");
        assertThat(calls.get()).isGreaterThan(20);
        assertThat(Files.exists(pluginsDir.resolve("echo-1.0.0.jar"))).isFalse();
        assertThat(auditTypes()).contains("plugin.upgraded");
        assertStopped(oldWorker);
        assertThat(host.workerOf("echo")).get().isNotEqualTo(oldWorker);
    }

    @Test
    void uninstallingStopsTheWorkerAndDisableEnableRoundTrips() throws Exception {
        host.install(echo("1.0.0"), Set.of(), ADMIN);

        assertThat(host.disable("echo", ADMIN).state()).isEqualTo("DISABLED");
        assertThatThrownBy(() -> generate("echo", prompt("x")))
                .isInstanceOf(PluginUnavailableException.class).hasMessageContaining("is DISABLED; enable it first");
        assertThat(host.enable("echo", ADMIN).state()).isEqualTo("ENABLED");
        assertThat(generate("echo", prompt("back"))).isEqualTo("v1.0.0 back");

        ProcessHandle worker = host.workerOf("echo").orElseThrow();
        host.remove("echo", ADMIN);

        assertThat(host.list()).isEmpty();
        assertThatThrownBy(() -> generate("echo", prompt("x")))
                .isInstanceOf(PluginUnavailableException.class).hasMessageContaining("is not installed");
        assertThat(auditTypes()).contains("plugin.disabled", "plugin.enabled", "plugin.removed");
        assertStopped(worker);
        assertThat(tmp.resolve("plugin-work").resolve("echo")).as("its work folder went with it").doesNotExist();

        host.install(echo("1.0.0"), Set.of(), ADMIN);
        assertThat(generate("echo", prompt("reinstalled"))).isEqualTo("v1.0.0 reinstalled");
    }

    @Test
    void aRestartedHostLoadsEnabledPluginsAndFailsThoseWhoseKeyWasRevoked() {
        host.install(echo("1.0.0"), Set.of(), ADMIN);
        host.close();

        host = newHost(false);
        host.start();
        assertThat(generate("echo", prompt("again"))).isEqualTo("v1.0.0 again");
        host.close();

        store.revoke(SigningKeys.keyId(trustedKey.getPublic()));
        host = newHost(false);
        host.start();
        assertThat(host.find("echo")).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo("FAILED");
            assertThat(v.failure()).contains("not trusted here");
        });
        assertThatThrownBy(() -> generate("echo", prompt("x")))
                .isInstanceOf(PluginUnavailableException.class).hasMessageContaining("failed to load");
    }

    @Test
    void governanceChecksFromPluginsRunAndABrokenOneIsContained() {
        host.install(PluginArchiveBuilder.plugin("checks", "1.0.0").extension(LengthCheck.class)
                .extension(BrokenCheck.class).signedWith(trustedKey).writeTo(tmp.resolve("checks")), Set.of(), ADMIN);
        CheckInput input = new CheckInput(Modality.TEXT, "p", "a text that is clearly too long", null, "text/plain",
                Map.of());

        List<CheckResult> results = host.runChecks(input, CallOptions.defaults("governance"));

        assertThat(results).hasSize(2);
        assertThat(results).filteredOn(r -> r.check().equals("length")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CheckOutcome.FAIL);
            assertThat(r.spans()).singleElement().satisfies(span -> assertThat(span.start()).isEqualTo(20));
        });
        assertThat(results).filteredOn(r -> r.check().equals("checks/broken")).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(CheckOutcome.UNDECIDED);
            assertThat(r.explanation()).contains("the check's model is missing");
        });
        assertThat(host.find("checks")).get().satisfies(v -> assertThat(v.checks()).containsExactlyInAnyOrder(
                "length", "broken"));
    }

    @Test
    void bundledPluginsInstallWithoutASignatureAndStayDisabledWhenAnAdministratorSaysSo() throws Exception {
        Path bundled = Files.createDirectories(tmp.resolve("bundled"));
        PluginArchiveBuilder.plugin("echo", "1.0.0").extension(EchoGenerator.class).resource("version.txt", "1.0.0")
                .writeTo(bundled);
        host.close();

        host = newHost(false).withBundledPlugins(bundled);
        host.start();
        assertThat(host.find("echo")).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo("ENABLED");
            assertThat(v.signerKeyId()).isEqualTo("bundled");
        });
        assertThat(generate("echo", prompt("shipped"))).isEqualTo("v1.0.0 shipped");
        assertThat(host.isolationOf("echo")).contains("in-process");
        WeakReference<ClassLoader> loader = host.classLoaderOf("echo").orElseThrow();
        host.disable("echo", ADMIN);
        assertCollected(loader);
        host.close();

        PluginArchiveBuilder.plugin("echo", "1.1.0").extension(EchoGenerator.class).resource("version.txt", "1.1.0")
                .writeTo(bundled);
        host = newHost(false).withBundledPlugins(bundled);
        host.start();
        assertThat(host.find("echo")).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo("DISABLED");
            assertThat(v.version()).isEqualTo("1.0.0");
        });

        host.enable("echo", ADMIN);
        host.close();
        Files.delete(bundled.resolve("echo-1.0.0.jar"));
        host = newHost(false).withBundledPlugins(bundled);
        host.start();
        assertThat(generate("echo", prompt("upgraded"))).isEqualTo("v1.1.0 upgraded");
    }

    @Test
    void aPluginInAWorkerUsesHostOwnedModelsAndTheKnowledgeBaseOnlyWithItsPermissions() throws Exception {
        Path archive = PluginArchiveBuilder.plugin("services", "1.0.0").permissions("models:read", "kb:read")
                .extension(HostServicesGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("services"));
        Path denied = PluginArchiveBuilder.plugin("nosy", "1.0.0").extension(HostServicesGenerator.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("nosy"));
        host.close();
        try (ModelRuntime models = ModelRuntime.onCpu(TestPaths.sharedDir().resolve("models"))) {
            host = new PluginHost(new PluginSettings(false, Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(10),
                    null, WorkerSettings.defaults().withAllowUnconfined(true)), pluginsDir, store,
                    new SequentialAuditLog(db), models, "0.1.0-SNAPSHOT")
                    .withKnowledgeSearch((query, limit) -> List.of(new KnowledgePassage("c1", "found " + query, 1.0)));
            host.start();
            host.install(archive, Set.of(Permission.MODELS_READ, Permission.KNOWLEDGE_BASE_READ), ADMIN);
            host.install(denied, Set.of(), ADMIN);

            // the weights stay in the host: the worker runs the model through its lease, one copy for every plugin
            GeneratedContent story = host.generate("services", prompt("model stories260k"), CallOptions.defaults("t"));
            assertThat(story.text()).isNotBlank();
            assertThat(story.model()).isNotNull();
            assertThat(story.model().id()).isEqualTo("stories260k");
            assertThat(generate("services", prompt("kb tides"))).isEqualTo("c1:found tides");

            // without the grants, each call is refused at the host boundary and audited
            assertThatThrownBy(() -> generate("nosy", prompt("model stories260k")))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("may not lease models: it was not granted models:read");
            assertThatThrownBy(() -> generate("nosy", prompt("kb tides")))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("may not search the knowledge base: it was not granted kb:read");
            assertThat(auditTypes().stream().filter("plugin.permission_denied"::equals)).hasSizeGreaterThanOrEqualTo(2);
        } finally {
            host.close();
            host = newHost(false);
        }
    }

    @Test
    void aPluginInAWorkerEmbedsAndDrawsWithHostOwnedModelsOnlyWithModelsRead() throws Exception {
        Path archive = PluginArchiveBuilder.plugin("services", "1.0.0").permissions("models:read")
                .extension(HostServicesGenerator.class).signedWith(trustedKey).writeTo(tmp.resolve("services"));
        Path denied = PluginArchiveBuilder.plugin("nosy", "1.0.0").extension(HostServicesGenerator.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("nosy"));
        host.close();
        try (ModelRuntime models = ModelRuntime.onCpu(TestPaths.sharedDir().resolve("models")).start()) {
            host = new PluginHost(new PluginSettings(false, Set.of(), Duration.ofSeconds(60), Duration.ofSeconds(10),
                    null, WorkerSettings.defaults().withAllowUnconfined(true)), pluginsDir, store,
                    new SequentialAuditLog(db), models, "0.1.0-SNAPSHOT");
            host.start();
            host.install(archive, Set.of(Permission.MODELS_READ), ADMIN);
            host.install(denied, Set.of(), ADMIN);
            assertThat(host.isolationOf("services")).hasValueSatisfying(v -> assertThat(v).startsWith("worker"));

            // embeddings: the host's embedder runs the texts; the worker gets the very vectors the host computes
            GeneratedContent embedded = host.generate("services",
                    prompt("embed all-minilm-l6-v2 The tide comes in|Rising sea water|Income tax forms"),
                    CallOptions.defaults("t"));
            List<float[]> expected;
            try (var lease = models.lease(io.hallmark.api.ModelRequirement.of("all-minilm-l6-v2", "embedding"), "test")) {
                expected = lease.embed(List.of("The tide comes in", "Rising sea water", "Income tax forms"), false);
                assertThat(embedded.model()).isEqualTo(lease.info());
            }
            assertThat(expected).hasSize(3).allSatisfy(v -> assertThat(v).hasSize(384));
            assertThat(embedded.text()).isEqualTo("384 " + String.join(" ", expected.stream()
                    .map(v -> v[0] + "," + v[1] + "," + v[2]).toList()));
            assertThat(dot(expected.get(0), expected.get(1))).isGreaterThan(dot(expected.get(0), expected.get(2)));

            // images: a latent generator and a Stable Diffusion export, each run in the host; same seed, same PNG. The
            // 768 x 768 picture of the random-weight fixture is noise, over 1 MiB as PNG: it comes back as a file
            for (String[] model : List.of(new String[] {"mnist-gan", "7"}, new String[] {"tiny-sd-onnx", "7", "2"},
                    new String[] {"tiny-sd-onnx", "7", "1", "768"})) {
                String text = generate("services", prompt("image " + String.join(" ", model)));
                Map<String, Object> options = new java.util.HashMap<>(Map.of("seed", 7L));
                if (model.length > 2) {
                    options.put("steps", Integer.parseInt(model[2]));
                }
                if (model.length > 3) {
                    options.put("width", 768);
                    options.put("height", 768);
                }
                byte[] png;
                try (var lease = models.lease(io.hallmark.api.ModelRequirement.of(model[0], "onnx"), "test")) {
                    png = lease.generateImage("a seven", options);
                }
                assertThat(png).startsWith(0x89, 'P', 'N', 'G');
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
                assertThat(image.getWidth()).isEqualTo(model[0].equals("mnist-gan") ? 28 : model.length > 3 ? 768 : 64);
                if (model.length > 3) {
                    assertThat(png.length).isGreaterThan(io.hallmark.worker.Protocol.INLINE_IMAGE_BYTES);
                }
                assertThat(text).isEqualTo(png.length + " " + java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(png)));
            }
            Path images = pluginsDir.resolveSibling("plugin-work").resolve("services").resolve("1.0.0")
                    .resolve("host-images");
            assertThat(images).as("the worker used the file path and deleted what it read").isDirectory();
            try (var left = Files.list(images)) {
                assertThat(left).isEmpty();
            }

            // without models:read, neither operation gets a model: refused at the host boundary and audited
            long before = auditTypes().stream().filter("plugin.permission_denied"::equals).count();
            assertThatThrownBy(() -> generate("nosy", prompt("embed all-minilm-l6-v2 tides")))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("may not lease models: it was not granted models:read");
            assertThatThrownBy(() -> generate("nosy", prompt("image mnist-gan 7")))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageContaining("may not lease models: it was not granted models:read");
            assertThat(auditTypes().stream().filter("plugin.permission_denied"::equals).count()).isEqualTo(before + 2);
        } finally {
            host.close();
            host = newHost(false);
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void withoutConfinementThirdPartyPluginsAreRefusedUnlessAnAdministratorOptsInAudited() {
        WorkerSandbox.assume(new WorkerSandbox.Confinement(false, "bubblewrap is not installed (assumed by the test)"));
        try {
            host.close();
            host = new PluginHost(new PluginSettings(false, Set.of(), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    null, WorkerSettings.defaults()), pluginsDir, store, new SequentialAuditLog(db),
                    new ModelDirectory(modelsDir), "0.1.0-SNAPSHOT");
            host.start();
            assertThatThrownBy(() -> host.install(echo("1.0.0"), Set.of(), ADMIN))
                    .isInstanceOf(PluginInstallException.class)
                    .hasMessageContaining("third-party plugins run confined in worker processes and bubblewrap is not "
                            + "installed (assumed by the test)")
                    .hasMessageContaining("plugins-allow-unconfined-workers=true");
            assertThat(host.list()).isEmpty();
            host.close();

            host = newHost(false); // the administrator opted in
            host.start();
            assertThat(auditTypes()).contains("plugin.unconfined_workers");
            host.install(echo("1.0.0"), Set.of(), ADMIN);
            assertThat(host.isolationOf("echo")).hasValueSatisfying(v -> assertThat(v).startsWith("worker (unconfined"));
            assertThat(commandLines(host.workerOf("echo").orElseThrow())).doesNotContain("bwrap");
            assertThat(generate("echo", prompt("unconfined"))).isEqualTo("v1.0.0 unconfined");
        } finally {
            WorkerSandbox.assume(null);
        }
    }

    @Test
    void largeArtifactsTravelAsFilesInTheWorkersFolderAndSmallOnesInline() throws Exception {
        host.install(PluginArchiveBuilder.plugin("images", "1.0.0").extension(LargeImageGenerator.class)
                .signedWith(trustedKey).writeTo(tmp.resolve("images")), Set.of(), ADMIN);

        for (int size : new int[] {1_000, 6 * 1024 * 1024}) { // inline, then over the 4 MiB inline limit
            byte[] artifact = host.generate("images", GenerationRequest.of(Modality.IMAGE, Integer.toString(size)),
                    CallOptions.defaults("t")).artifact();
            assertThat(artifact).hasSize(size);
            assertThat(artifact[size - 1]).isEqualTo((byte) ((size - 1) % 251));
        }
        Path out = tmp.resolve("plugin-work").resolve("images").resolve("1.0.0").resolve("out");
        assertThat(out).isDirectory();
        try (var files = Files.list(out)) {
            assertThat(files).as("the host took the artifact file").isEmpty();
        }
    }

    private static String commandLines(ProcessHandle root) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants())
                .map(p -> p.info().commandLine().orElse("")).collect(java.util.stream.Collectors.joining("\n"));
    }

    private List<String> auditTypes() {
        return db.inTransaction(s -> s.createSelectionQuery("select eventType from AuditEvent order by seq", String.class)
                .getResultList());
    }

    private static void assertStopped(ProcessHandle worker) throws InterruptedException {
        for (int i = 0; i < 100 && worker.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertThat(worker.isAlive()).as("the unloaded plugin's worker process has ended").isFalse();
    }

    private static void assertCollected(WeakReference<ClassLoader> loader) throws InterruptedException {
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            byte[][] pressure = new byte[16][];
            for (int j = 0; j < pressure.length; j++) {
                pressure[j] = new byte[1 << 20];
            }
            Thread.sleep(100);
        }
        assertThat(loader.get()).as("the unloaded plugin's class loader was garbage-collected").isNull();
    }
}

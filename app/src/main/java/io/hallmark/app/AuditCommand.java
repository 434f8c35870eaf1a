package io.hallmark.app;

import io.hallmark.core.Platform;
import io.hallmark.core.audit.AuditBenchmark;
import io.hallmark.core.audit.AuditExporter;
import io.hallmark.core.audit.DateRange;
import io.hallmark.core.audit.AuditRetention;
import io.hallmark.core.audit.AuditSettings;
import io.hallmark.core.audit.AuditVerifier;
import io.hallmark.core.audit.Checkpoints;
import io.hallmark.core.audit.CosignerKey;
import io.hallmark.core.audit.ExportVerifier;
import io.hallmark.core.audit.HeldCheckpoints;
import io.hallmark.core.audit.PlatformKey;
import io.hallmark.core.audit.VerifierKey;
import io.hallmark.core.audit.WitnessClient;
import io.hallmark.core.audit.WitnessPolicy;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.provenance.SigningCredential;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hallmark audit ...}: verify the audit trail, sign a checkpoint, apply retention, export a date range
 * for an auditor, and verify such an export offline. The commands that read the database start the platform
 * on the data directory (stop a server holding it first); {@code verify-export} and {@code public-key} need no
 * database.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify, checkpoint and export the audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class, AuditCommand.Retention.class,
            AuditCommand.Export.class, AuditCommand.VerifyExport.class, AuditCommand.PublicKey.class, AuditCommand.C2paRoot.class,
            AuditCommand.RotateKey.class,
            AuditCommand.Bench.class})
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand; valid: verify, checkpoint, retention, export, verify-export, public-key, c2pa-root, "
                        + "bench");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-derive every payload hash, leaf hash and signed root from the database and report the "
                    + "first divergence. Exit code 0 when the trail verifies, 1 when it does not.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--from-checkpoint", paramLabel = "N",
                description = "Re-derive only the events after checkpoint N; earlier ones are checked by their stored "
                        + "leaf hashes against N's signed root.")
        @Nullable Long fromCheckpoint;

        @Option(names = "--trusted-checkpoint", paramLabel = "FILE",
                description = "A checkpoint you hold outside the database (a signed note file, or a checkpoint sink's "
                        + "folder): prove the log still extends it; a rollback, a rewrite below it or its deletion "
                        + "fails, naming the changed range. Repeatable.")
        List<Path> trusted = new ArrayList<>();

        @Option(names = "--from-sinks", description = "Also trust the latest checkpoint each configured "
                + "audit-checkpoint-sinks entry holds.")
        boolean fromSinks;

        @Option(names = "--from-witnesses", description = "Also trust the latest checkpoint each configured "
                + "audit-witnesses entry cosigned (a Hallmark witness's GET /latest/<origin>).")
        boolean fromWitnesses;

        @Option(names = "--witness", paramLabel = "VKEY",
                description = "A witness whose cosignature counts (hallmark witness public-key): the newest checkpoint "
                        + "must carry --witness-quorum of them in audit_cosignatures. Repeatable.")
        List<String> witnesses = new ArrayList<>();

        @Option(names = "--witness-quorum", paramLabel = "N",
                description = "How many of the --witness keys must have cosigned the newest checkpoint (default: all).")
        @Nullable Integer witnessQuorum;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<CosignerKey> witnessKeys = witnesses.stream().map(CosignerKey::parse).toList();
            WitnessPolicy policy = new WitnessPolicy(witnessKeys, witnessQuorum == null ? witnessKeys.size() : witnessQuorum);
            List<String> held = new ArrayList<>(HeldCheckpoints.readAll(trusted));
            try (Platform p = Platform.start(platform.load(), "command")) {
                if (fromSinks) {
                    if (p.audit().publisher().sinks().isEmpty()) {
                        throw new IllegalArgumentException("--from-sinks: no audit-checkpoint-sinks are configured");
                    }
                    held.addAll(p.audit().publisher().latestFromSinks());
                }
                if (fromWitnesses) {
                    if (p.audit().witnessing().witnesses().isEmpty()) {
                        throw new IllegalArgumentException("--from-witnesses: no audit-witnesses are configured");
                    }
                    String origin = p.audit().checkpoints().origin();
                    for (WitnessClient w : p.audit().witnessing().witnesses()) {
                        held.add(w.latest(origin).orElseThrow(() -> new IllegalArgumentException("Witness "
                                + w.key().name() + " has cosigned no checkpoint of " + origin)));
                    }
                }
                AuditVerifier.Report r = p.audit().verifier().verify(fromCheckpoint, held);
                Optional<String> witnessProblem = policy.problemWithLatest(p.audit().checkpoints());
                PrintWriter out = spec.commandLine().getOut();
                if (json && witnessKeys.isEmpty()) {
                    JsonOutput.print(out, r);
                } else if (json) {
                    Map<String, Object> both = new java.util.LinkedHashMap<>();
                    both.put("verification", r);
                    both.put("witnessPolicy", witnessProblem.orElse("met"));
                    JsonOutput.print(out, both);
                } else {
                    out.println((r.ok() ? "OK: " : "DIVERGENCE: ") + r.events() + " events, " + r.payloadsChecked()
                            + " payloads and " + r.checkpointsChecked() + " signed checkpoints checked in "
                            + r.millis() + " ms; tree size " + r.treeSize() + ", root " + r.rootHash());
                    if (r.heldTreeSize() != null) {
                        out.println("held checkpoints: " + held.size() + ", the largest of size " + r.heldTreeSize());
                    }
                    r.firstDivergence().ifPresent(d -> out.println("first divergence: " + d.message()));
                    if (r.divergences().size() > 1) {
                        out.println("(" + (r.divergences().size() - 1) + " more; --json lists them)");
                    }
                    if (!witnessKeys.isEmpty()) {
                        out.println("witness policy (" + policy.quorum() + " of " + witnessKeys.size() + "): "
                                + witnessProblem.map(w -> "NOT MET: " + w).orElse("met"));
                    }
                }
                out.flush();
                return r.ok() && witnessProblem.isEmpty() ? 0 : ErrorHandler.FAILURE;
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true, description = "Sign a checkpoint of the tree now.")
    static final class Checkpoint extends PlatformCommand {

        @Override
        public Integer call() {
            try (Platform p = Platform.start(platform.load(), "command")) {
                Checkpoints.Stored s = p.audit().checkpoints().create();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    JsonOutput.print(out, Map.of("number", s.number(), "treeSize", s.checkpoint().treeSize(),
                            "rootHash", s.checkpoint().rootHashHex(), "note", s.checkpoint().note()));
                } else {
                    out.println("checkpoint #" + s.number());
                    out.print(s.checkpoint().note());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "retention", mixinStandardHelpOptions = true,
            description = "Remove the payloads of events older than audit-retention-days (verified and recorded; "
                    + "the Merkle tree is unchanged).")
    static final class Retention extends PlatformCommand {

        @Override
        public Integer call() {
            try (Platform p = Platform.start(platform.load(), "command")) {
                AuditRetention.Result r = p.audit().retention().apply(actor());
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    JsonOutput.print(out, r);
                } else {
                    out.println(r.eventsRemoved() == 0 ? "Nothing older than " + r.cutoff() + " to remove."
                            : "Removed the payloads of " + r.eventsRemoved() + " events (seq " + r.firstSeq() + " to "
                                    + r.lastSeq() + ") older than " + r.cutoff() + "; recorded as event seq " + r.auditSeq());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write an auditor's bundle for a date range: events, items, policies, a signed checkpoint "
                    + "with inclusion proofs, the public key, a compliance index and an HTML summary.")
    static final class Export implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @Option(names = "--from", required = true, paramLabel = "DATE",
                description = "First day (YYYY-MM-DD, UTC) or instant (2026-01-10T09:00:00Z), inclusive.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "DATE",
                description = "Last day (YYYY-MM-DD, UTC, inclusive) or instant (exclusive).")
        String to;

        @Option(names = "--decision", paramLabel = "D", description = "Only events and items with this decision.")
        @Nullable String decision;

        @Option(names = "--plugin", paramLabel = "ID", description = "Only events and items of this plugin.")
        @Nullable String plugin;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "New, empty folder for the bundle.")
        Path out;

        @Option(names = "--consistency-from", paramLabel = "FILE",
                description = "A checkpoint the auditor holds (signed note file or sink folder): the bundle carries a "
                        + "consistency proof from it. Repeatable.")
        List<Path> consistencyFrom = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            DateRange range = DateRange.parse(from, to, "--from", "--to");
            Instant start = range.from();
            Instant end = range.to();
            List<String> held = HeldCheckpoints.readAll(consistencyFrom);
            try (Platform p = Platform.start(platform.load(), "command")) {
                AuditExporter.Result r = p.audit().exporter().export(new AuditExporter.Request(start, end, decision,
                        plugin, out, actor(), held));
                PrintWriter w = spec.commandLine().getOut();
                if (json) {
                    JsonOutput.print(w, r);
                } else {
                    w.println("Exported " + r.events() + " events, " + r.items() + " items and " + r.policies()
                            + " policy versions to " + r.dir() + " (checkpoint #" + r.checkpointNumber() + ", tree size "
                            + r.treeSize() + "); verify with: hallmark audit verify-export " + r.dir());
                }
                w.flush();
                return 0;
            }
        }
    }

    @Command(name = "verify-export", mixinStandardHelpOptions = true,
            description = "Check an export bundle offline (no database): signatures, file hashes and every proof. "
                    + "Exit code 0 when it verifies, 1 when it does not.")
    static final class VerifyExport implements Callable<Integer> {
        @Parameters(paramLabel = "DIR", description = "The bundle folder.")
        Path dir;

        @Option(names = "--public-key", paramLabel = "VKEY",
                description = "The platform key to trust (name+hash+base64, or a file holding it). Without it the "
                        + "bundle's own key is used: compare its fingerprint with the platform's.")
        @Nullable String publicKey;

        @Option(names = "--trusted-checkpoint", paramLabel = "FILE",
                description = "A checkpoint you hold (signed note file or checkpoint sink folder): the bundle's "
                        + "checkpoint must extend it (same root, or a consistency proof from it in the bundle). "
                        + "Repeatable.")
        List<Path> trustedCheckpoints = new ArrayList<>();

        @Option(names = "--witness", paramLabel = "VKEY",
                description = "A witness whose cosignature counts (hallmark witness public-key). Repeatable.")
        List<String> witnesses = new ArrayList<>();

        @Option(names = "--witness-quorum", paramLabel = "N",
                description = "How many of the --witness keys must have cosigned the bundle's checkpoint (default: all).")
        @Nullable Integer witnessQuorum;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("Export folder " + dir + " does not exist");
            }
            VerifierKey trusted = publicKey == null ? null : readKey(publicKey);
            List<CosignerKey> witnessKeys = witnesses.stream().map(CosignerKey::parse).toList();
            WitnessPolicy policy = new WitnessPolicy(witnessKeys, witnessQuorum == null ? witnessKeys.size() : witnessQuorum);
            ExportVerifier.Result r = ExportVerifier.verify(dir, trusted, HeldCheckpoints.readAll(trustedCheckpoints),
                    policy);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.print(out, r);
            } else {
                out.println((r.ok() ? "OK: " : "REJECTED: ") + r.events() + " events, " + r.proofsVerified()
                        + " inclusion proofs verified against the checkpoint of size " + r.treeSize() + " (root "
                        + r.rootHash() + ")");
                out.println("key: " + r.publicKey() + (r.keyPinned() ? " (as given)"
                        : " (taken from the bundle: compare it with the platform's published key)"));
                r.problems().forEach(pr -> out.println("  " + pr));
            }
            out.flush();
            return r.ok() ? 0 : ErrorHandler.FAILURE;
        }
    }

    @Command(name = "public-key", mixinStandardHelpOptions = true,
            description = "Print the platform's public key (C2SP verifier key), for auditors to pin.")
    static final class PublicKey implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            if (config.setting(ConfigKey.AUDIT_PKCS11_LIBRARY) != null) {
                try (var hsm = (io.hallmark.core.audit.Pkcs11Signer) AuditSettings.signer(config, null)) {
                    spec.commandLine().getOut().println(hsm.verifierKey().encoded());
                }
                spec.commandLine().getOut().flush();
                return 0;
            }
            spec.commandLine().getOut().println(PlatformKey.readVerifierKey(config.dataDir().resolve("keys")).encoded());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "c2pa-root", mixinStandardHelpOptions = true,
            description = "Print (PEM) the root certificate that issues the platform's C2PA Content Credentials "
                    + "signing certificate, for C2PA validators to add as a trust anchor.")
    static final class C2paRoot implements Callable<Integer> {
        @Mixin
        PlatformOptions platform;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            Path keys = config.dataDir().resolve("keys");
            if (config.setting(ConfigKey.AUDIT_PKCS11_LIBRARY) != null) { // the key in the HSM signs manifests
                try (var hsm = (io.hallmark.core.audit.Pkcs11Signer) AuditSettings.signer(config, null)) {
                    spec.commandLine().getOut().print(SigningCredential.issuedBy(hsm).rootPem());
                }
                spec.commandLine().getOut().flush();
                return 0;
            }
            if (!Files.isRegularFile(keys.resolve(PlatformKey.PRIVATE_FILE))) {
                throw new IllegalArgumentException("No platform key in " + keys + " yet: it is made on the first "
                        + "start or generation");
            }
            spec.commandLine().getOut().print(SigningCredential.issuedBy(PlatformKey.loadOrCreate(keys)).rootPem());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "rotate-key", mixinStandardHelpOptions = true,
            description = "Replace the platform signing key: the rotation is an audited event signed by the old key, "
                    + "which stays registered so that every checkpoint and manifest it signed stays verifiable. With "
                    + "--pkcs11-key the new key is a key pair in the configured HSM, else a new key file.")
    static final class RotateKey extends PlatformCommand {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why (recorded in the event).")
        String reason;

        @Option(names = "--pkcs11-key", paramLabel = "LABEL", description = "Rotate to the Ed25519 key pair LABEL on "
                + "the configured HSM token (audit-pkcs11-library, -token, -pin); then set audit-pkcs11-key=LABEL.")
        String pkcs11Key;

        @Option(names = "--generate", description = "With --pkcs11-key: make that key pair in the HSM first "
                + "(sensitive, not extractable), instead of with the HSM's own tools.")
        boolean generate;

        @Override
        public Integer call() {
            HallmarkConfig config = platform.load();
            Path keys = config.dataDir().resolve("keys");
            if (generate && pkcs11Key == null) {
                throw new IllegalArgumentException("--generate makes the key named by --pkcs11-key; give both");
            }
            try (Platform p = Platform.start(config, "command")) {
                io.hallmark.core.audit.Signer current = p.audit().signer();
                VerifierKey nextKey;
                long seq;
                if (pkcs11Key != null) {
                    var rotated = io.hallmark.core.audit.HsmKeyRotation.rotate(config, p.audit(), keys, pkcs11Key,
                            generate, actor(), reason);
                    seq = rotated.auditSeq();
                    nextKey = rotated.key();
                } else {
                    if (current != p.audit().key()) {
                        throw new IllegalArgumentException("The audit key is in an HSM (audit-pkcs11-library): "
                                + "rotate it to another key pair there with --pkcs11-key LABEL [--generate]");
                    }
                    PlatformKey next = PlatformKey.createNext(keys);
                    seq = p.audit().keys().rotate(current, next, actor(), reason);
                    PlatformKey.promoteNext(keys, current.verifierKey());
                    nextKey = next.verifierKey();
                }
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> doc = new java.util.LinkedHashMap<>();
                    doc.put("previous", current.verifierKey().encoded());
                    doc.put("key", nextKey.encoded());
                    doc.put("auditSeq", seq);
                    if (pkcs11Key != null) {
                        doc.put("pkcs11Key", pkcs11Key);
                    }
                    JsonOutput.print(out, doc);
                } else {
                    out.println("Rotated " + current.name() + " to " + nextKey.encoded() + "; recorded as event seq "
                            + seq + "." + (pkcs11Key == null ? "" : " Now set audit-pkcs11-key=" + pkcs11Key
                            + " and restart: nodes configured with the old key refuse to sign from now on.")
                            + " Give auditors the new key.");
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "bench", mixinStandardHelpOptions = true,
            description = "Benchmark appends and full verification on a scratch data directory (never on real data).")
    static final class Bench implements Callable<Integer> {
        @Option(names = "--work-dir", paramLabel = "DIR", required = true,
                description = "A new scratch data directory for the benchmark's embedded PostgreSQL.")
        Path workDir;

        @Option(names = "--appends", defaultValue = "50000", description = "Events per append phase (default 50000).")
        int appends;

        @Option(names = "--threads", defaultValue = "8", description = "Appending threads (default 8).")
        int threads;

        @Option(names = "--verify-events", defaultValue = "1000000",
                description = "Fill the trail to this many events, then verify it all (default 1000000).")
        int verifyEvents;

        @Option(names = "--batch", defaultValue = "1000", description = "Events per transaction in batches (default 1000).")
        int batch;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(workDir.resolve("keys"))) {
                throw new IllegalArgumentException("--work-dir " + workDir + " already holds a platform; give a new folder");
            }
            HallmarkConfig config = new io.hallmark.core.config.ConfigLoader(Map.of())
                    .load(Map.of(ConfigKey.DATA_DIR, workDir.toString()));
            try (Platform p = Platform.start(config, "command")) {
                Map<String, Object> r = AuditBenchmark.run(p.database().dataSource(), p.audit().key(),
                        new AuditBenchmark.Options(appends, threads, verifyEvents, batch), workDir);
                JsonOutput.print(spec.commandLine().getOut(), r);
                return 0;
            }
        }
    }

    static VerifierKey readKey(String value) throws IOException {
        Path file = Path.of(value);
        String text = Files.isRegularFile(file) ? Files.readString(file).trim() : value.trim();
        try {
            return VerifierKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid --public-key: " + e.getMessage());
        }
    }

    static String actor() {
        String user = System.getProperty("user.name", "unknown");
        return "cli:" + user;
    }
}

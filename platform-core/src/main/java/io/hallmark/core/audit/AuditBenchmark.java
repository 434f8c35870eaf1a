package io.hallmark.core.audit;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Measures the audit trail on a scratch database: sustained appends per second with the checkpoint scheduler
 * on (one transaction per event; group commit from many threads, written the long way and in one statement;
 * explicit batches; group commit while each checkpoint is cosigned by a witness and published to a sink), and the
 * time to verify the whole trail from scratch and against a held checkpoint. Run by {@code hallmark bench audit}; never on a production data directory,
 * because it appends benchmark events.
 */
public final class AuditBenchmark {

    /**
     * What to run.
     *
     * @param appends events per append phase
     * @param threads concurrent appenders in the thread phases
     * @param verifyEvents size of the trail to verify (filled up with batched appends)
     * @param batch events per transaction in the batched phases
     */
    public record Options(int appends, int threads, int verifyEvents, int batch) {}

    private AuditBenchmark() {}

    /**
     * Runs every phase; {@code scratch} holds the witness's key and state and the checkpoint sink of the witnessed
     * phase.
     */
    public static Map<String, Object> run(DataSource dataSource, PlatformKey key, Options o, Path scratch)
            throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("options", o);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("select 1");
            var rs = s.executeQuery("show synchronous_commit");
            rs.next();
            results.put("synchronousCommit", rs.getString(1));
            rs = s.executeQuery("show fsync");
            rs.next();
            results.put("fsync", rs.getString(1));
        }
        AuditSettings settings = new AuditSettings(AuditSettings.MIN_RETENTION_DAYS, Duration.ofSeconds(1), true);
        try (DatabaseAuditLog single = new DatabaseAuditLog(dataSource, false, 1, Clock.systemUTC());
                CheckpointScheduler scheduler = new CheckpointScheduler(new Checkpoints(dataSource, key, Clock.systemUTC()))) {
            scheduler.start(Duration.ofSeconds(1));
            results.put("oneTransactionPerEvent", threaded(single, o.threads(), Math.min(o.appends(), 20_000)));
        }
        // the long way (lock, insert, update, commit: five round trips) and the one-statement write, in alternating
        // rounds so that both see the same load
        try (DatabaseAuditLog longWay = new DatabaseAuditLog(dataSource, true, o.batch(), Clock.systemUTC(), false);
                DatabaseAuditLog oneStatement = new DatabaseAuditLog(dataSource, true, o.batch(), Clock.systemUTC());
                CheckpointScheduler scheduler = new CheckpointScheduler(new Checkpoints(dataSource, key, Clock.systemUTC()))) {
            scheduler.start(Duration.ofSeconds(1));
            long[] longWayTotals = new long[2];
            long[] oneStatementTotals = new long[2];
            int rounds = 4;
            for (int r = 0; r < rounds; r++) {
                add(longWayTotals, threaded(longWay, o.threads(), o.appends() / rounds));
                add(oneStatementTotals, threaded(oneStatement, o.threads(), o.appends() / rounds));
            }
            results.put("groupCommitFiveRoundTrips", rate(longWayTotals[0], longWayTotals[1],
                    Map.of("threads", o.threads(), "rounds", rounds)));
            results.put("groupCommit", rate(oneStatementTotals[0], oneStatementTotals[1],
                    Map.of("threads", o.threads(), "rounds", rounds)));
        }
        try (DatabaseAuditLog group = new DatabaseAuditLog(dataSource, true, o.batch(), Clock.systemUTC());
                CheckpointScheduler scheduler = new CheckpointScheduler(new Checkpoints(dataSource, key, Clock.systemUTC()))) {
            scheduler.start(Duration.ofSeconds(1));
            results.put("groupCommit32Threads", threaded(group, 32, o.appends()));
            results.put("explicitBatches", batched(group, o.appends(), o.batch()));
        }
        // the same group commit while every checkpoint (one a second) is published to a directory sink and
        // cosigned over HTTP by a witness with a consistency proof
        WitnessIdentity id = WitnessIdentity.loadOrCreate(scratch.resolve("bench-witness"), "bench.witness/w1");
        Checkpoints witnessed = new Checkpoints(dataSource, key, Clock.systemUTC());
        Witness witness = new Witness(id.key(), id.signer(), scratch.resolve("bench-witness/state"),
                Map.of(witnessed.origin(), List.of(key.verifierKey())), Clock.systemUTC());
        CheckpointPublisher sink = new CheckpointPublisher(List.of(new DirectorySink(scratch.resolve("bench-sink"))));
        try (WitnessServer server = WitnessServer.start(witness, "127.0.0.1", 0);
                DatabaseAuditLog group = new DatabaseAuditLog(dataSource, true, o.batch(), Clock.systemUTC());
                CheckpointScheduler scheduler = new CheckpointScheduler(witnessed)) {
            Witnessing witnessing = new Witnessing(dataSource, List.of(new WitnessClient(id.key(),
                    URI.create("http://127.0.0.1:" + server.port()))), 1, Clock.systemUTC());
            long[] cosigned = new long[1];
            witnessed.onCreate(stored -> {
                String note = witnessing.witness(stored);
                if (!note.equals(stored.checkpoint().note())) {
                    cosigned[0]++;
                }
                Checkpoint cp = stored.checkpoint();
                sink.publish(new Checkpoint(cp.origin(), cp.treeSize(), cp.rootHash(), cp.time(), note));
            });
            scheduler.start(Duration.ofSeconds(1));
            for (int threads : new int[] {o.threads(), 32}) {
                long cosignedBefore = cosigned[0];
                Map<String, Object> phase = new LinkedHashMap<>(threaded(group, threads, o.appends()));
                phase.put("checkpointsCosigned", cosigned[0] - cosignedBefore);
                phase.put("witnessFailures", witnessing.failures());
                phase.put("sinkFailures", sink.failures());
                results.put("groupCommit" + threads + "ThreadsPublishedAndWitnessed", phase);
            }
            scheduler.stop();
        }
        try (DatabaseAuditLog group = new DatabaseAuditLog(dataSource, true, o.batch(), Clock.systemUTC())) {
            long have = new Checkpoints(dataSource, key, Clock.systemUTC()).treeSize();
            long fillStart = System.nanoTime();
            long toFill = Math.max(0, o.verifyEvents() - have);
            if (toFill > 0) {
                batched(group, toFill, o.batch());
            }
            results.put("fillSeconds", (System.nanoTime() - fillStart) / 1e9);
        }
        Checkpoints checkpoints = new Checkpoints(dataSource, key, Clock.systemUTC());
        String held = checkpoints.create().checkpoint().note();
        AuditVerifier.Report report = new AuditVerifier(dataSource, key.verifierKey()).verify(null);
        Map<String, Object> verify = new LinkedHashMap<>();
        verify.put("ok", report.ok());
        verify.put("events", report.events());
        verify.put("checkpoints", report.checkpointsChecked());
        verify.put("seconds", report.millis() / 1000.0);
        verify.put("secondsPerMillionEvents", report.events() == 0 ? 0 : report.millis() / 1000.0 * 1e6 / report.events());
        results.put("fullVerification", verify);
        AuditVerifier.Report trusted = new AuditVerifier(dataSource, key.verifierKey()).verify(null, List.of(held));
        Map<String, Object> fromHeld = new LinkedHashMap<>();
        fromHeld.put("ok", trusted.ok());
        fromHeld.put("events", trusted.events());
        fromHeld.put("heldTreeSize", trusted.heldTreeSize());
        fromHeld.put("seconds", trusted.millis() / 1000.0);
        fromHeld.put("secondsPerMillionEvents", trusted.events() == 0 ? 0
                : trusted.millis() / 1000.0 * 1e6 / trusted.events());
        results.put("verificationAgainstTrustedCheckpoint", fromHeld);
        return results;
    }

    private static Map<String, Object> payload(long i) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("contentItemId", new UUID(0x0193_0000_0000_7000L, i).toString());
        p.put("decision", i % 7 == 0 ? "REJECT" : "APPROVE");
        p.put("pluginId", "text-generator");
        p.put("policyVersion", 3);
        p.put("factualityScore", (i % 100) / 100.0);
        return p;
    }

    private static Map<String, Object> threaded(DatabaseAuditLog log, int threads, long total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long per = total / threads;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long base = t * per;
            futures.add(pool.submit(() -> {
                for (long i = 0; i < per; i++) {
                    log.append("bench", "bench.append", null, payload(base + i));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return rate(per * threads, System.nanoTime() - start, Map.of("threads", threads));
    }

    private static Map<String, Object> batched(DatabaseAuditLog log, long total, int batch) {
        long start = System.nanoTime();
        long done = 0;
        while (done < total) {
            int n = (int) Math.min(batch, total - done);
            List<DatabaseAuditLog.NewEvent> events = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                events.add(new DatabaseAuditLog.NewEvent("bench", "bench.batch", null, payload(done + i)));
            }
            log.appendAll(events);
            done += n;
        }
        return rate(done, System.nanoTime() - start, Map.of("batch", batch));
    }

    private static void add(long[] totals, Map<String, Object> phase) {
        totals[0] += ((Number) phase.get("events")).longValue();
        totals[1] += Math.round(((Number) phase.get("seconds")).doubleValue() * 1e9);
    }

    private static Map<String, Object> rate(long events, long nanos, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>(extra);
        m.put("events", events);
        m.put("seconds", nanos / 1e9);
        m.put("appendsPerSecond", Math.round(events / (nanos / 1e9)));
        return m;
    }
}

package io.hallmark.app.bench;

import io.hallmark.api.Modality;
import io.hallmark.api.signing.PluginArchiveSigner;
import io.hallmark.api.signing.SigningKeys;
import io.hallmark.core.Platform;
import io.hallmark.core.config.ConfigKey;
import io.hallmark.core.config.ConfigLoader;
import io.hallmark.core.config.HallmarkConfig;
import io.hallmark.core.jobs.AgentTrace;
import io.hallmark.core.jobs.GenerationService;
import io.hallmark.core.jobs.JobQueue;
import io.hallmark.core.jobs.JobView;
import io.hallmark.core.jobs.JobWorkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Measures the durable queue: jobs/s through submit, claim and finish with a generator that does nothing, at 1, 2
 * and 4 workers, next to a plain INSERT-then-UPDATE loop on the same database with as many threads (what two SQL
 * statements per job cost without the queue's locking and leasing); and the end-to-end latency of a governed text
 * job with the example plugin.
 */
public final class QueueBenchmark {

    private final Path workDir;
    private final Path examplePlugin;
    private final Consumer<String> progress;

    public QueueBenchmark(Path workDir, Path examplePlugin, Consumer<String> progress) {
        this.workDir = workDir;
        this.examplePlugin = examplePlugin;
        this.progress = progress;
    }

    public Map<String, Object> run(int jobs, int textJobs) throws Exception {
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.DATA_DIR, workDir.resolve("data").toString());
        flags.put(ConfigKey.JOB_QUEUE_CAPACITY, Integer.toString(jobs + 10));
        HallmarkConfig config = new ConfigLoader(Map.of()).load(flags);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("jobsPerRun", jobs);
        try (Platform platform = Platform.start(config, "command")) {
            JobQueue queue = platform.jobs();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int workers : new int[] {1, 2, 4}) {
                double queueRate = queueRate(queue, jobs, workers);
                double plainRate = plainRate(platform, jobs, workers);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("workers", workers);
                row.put("queueJobsPerSecond", round(queueRate));
                row.put("plainInsertUpdatePerSecond", round(plainRate));
                row.put("queueOverPlainRatio", round(queueRate / plainRate));
                rows.add(row);
                progress.accept("workers " + workers + ": queue " + round(queueRate) + " jobs/s, plain " + round(plainRate));
            }
            result.put("throughput", rows);
            result.put("textJobLatency", textLatency(platform, textJobs));
            result.put("memory", Memory.snapshot());
        }
        return result;
    }

    private double queueRate(JobQueue queue, int jobs, int workers) throws InterruptedException {
        String name = "bench-" + workers;
        for (int i = 0; i < jobs; i++) {
            queue.submit(name, Modality.TEXT, "x", Map.of("pluginId", name, "modality", "TEXT", "prompt", "x"), 0, null,
                    "bench");
        }
        long start = System.nanoTime();
        JobWorkers pool = new JobWorkers(queue, (job, context) -> "DONE", workers, "bench");
        pool.start();
        while (queue.depth().getOrDefault(name, 0L) > 0) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.stop(Duration.ofSeconds(5));
        return jobs / seconds;
    }

    private double plainRate(Platform platform, int jobs, int threads) throws Exception {
        try (Connection c = platform.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_plain (id uuid primary key, state varchar(16), payload jsonb)");
            s.execute("truncate bench_plain");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = jobs / threads;
            futures.add(pool.submit(() -> {
                try (Connection c = platform.database().dataSource().getConnection();
                        PreparedStatement insert = c.prepareStatement(
                                "insert into bench_plain (id, state, payload) values (?, 'QUEUED', '{}'::jsonb)");
                        PreparedStatement update = c.prepareStatement("update bench_plain set state = 'DONE' where id = ?")) {
                    for (int i = 0; i < share; i++) {
                        UUID id = UUID.randomUUID();
                        insert.setObject(1, id);
                        insert.executeUpdate();
                        update.setObject(1, id);
                        update.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return (jobs / threads * threads) / ((System.nanoTime() - start) / 1e9);
    }

    private Map<String, Object> textLatency(Platform platform, int count) throws Exception {
        KeyPair key = SigningKeys.generate();
        platform.plugins().trustKey(SigningKeys.publicPem(key.getPublic()), "bench", "bench");
        Path signed = workDir.resolve("example-markov-1.0.0.jar");
        Files.copy(examplePlugin, signed, StandardCopyOption.REPLACE_EXISTING);
        PluginArchiveSigner.sign(signed, key.getPrivate(), key.getPublic());
        platform.plugins().install(signed, Set.of(), "bench");
        platform.startWorkers(2, "bench-node");
        GenerationService generations = platform.generations();
        AgentTrace trace = new AgentTrace(platform.database());
        textJob(platform, generations); // warm-up: the first job loads (or trains) the governance models
        long[] nanos = new long[count];
        Map<String, List<Long>> perAgent = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            JobView job = textJob(platform, generations);
            nanos[i] = System.nanoTime() - t0;
            for (Map<String, Object> call : trace.calls(job.id())) {
                perAgent.computeIfAbsent((String) call.get("agent"), k -> new ArrayList<>()).add(
                        java.time.Duration.between(java.time.Instant.parse((String) call.get("startedAt")),
                                java.time.Instant.parse((String) call.get("finishedAt"))).toNanos());
            }
        }
        Stats s = Stats.ofNanos(nanos);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jobs", count);
        m.put("p50Millis", round(s.p50Micros() / 1_000));
        m.put("p95Millis", round(s.p95Micros() / 1_000));
        Map<String, Object> agents = new LinkedHashMap<>();
        perAgent.forEach((agent, values) -> agents.put(agent, round(Stats.ofNanos(values.stream()
                .mapToLong(Long::longValue).toArray()).p50Micros() / 1_000)));
        m.put("p50MillisPerAgent", agents);
        m.put("what", "submit -> plan -> generate (example Markov plugin, 60 words, as a LangChain4j agent) -> "
                + "governance stage -> policy -> publish; after one warm-up job");
        return m;
    }

    private static JobView textJob(Platform platform, GenerationService generations) throws InterruptedException {
        JobView job = generations.submit(new GenerationService.Submission(Modality.TEXT, "The keeper", null,
                Map.of("maxWords", 60), null, "default", 0, null), "bench");
        while (true) {
            String state = platform.jobs().get(job.id()).state();
            if (!state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            Thread.sleep(2);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}

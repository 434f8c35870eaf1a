package io.hallmark.search.solrcloud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;

/**
 * A real SolrCloud (ZooKeeper and {@code nodes} Solr nodes from Solr's MiniSolrCloudCluster) in a JVM of its own,
 * started from module {@code search-solrcloud-testcluster}'s class path (written by the build to
 * {@code target/testcluster.classpath}): Solr 9 needs Lucene 9, this JVM has Lucene 10. The child exits when its
 * standard input closes, so it ends with {@link #close()} and also when this JVM dies.
 */
public final class SolrTestCluster implements AutoCloseable {

    private static final long START_TIMEOUT_S = 180;

    private final Process process;
    private final List<String> solrUrls;
    private final String zkHost;
    private final Thread shutdownHook;

    private SolrTestCluster(Process process, List<String> solrUrls, String zkHost) {
        this.process = process;
        this.solrUrls = List.copyOf(solrUrls);
        this.zkHost = zkHost;
        this.shutdownHook = new Thread(process::destroyForcibly, "solr-test-cluster-kill");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the cluster and waits until it prints where it listens. */
    public static SolrTestCluster start(int nodes, Path workDir) throws IOException {
        Path module = testClusterModule();
        Path cpFile = module.resolve("target/testcluster.classpath");
        Path classes = module.resolve("target/classes");
        if (!Files.isRegularFile(cpFile) || !Files.isDirectory(classes)) {
            throw new IllegalStateException("The SolrCloud test cluster module is not built (no " + cpFile + " or " + classes
                    + "): build it with ./mvnw -pl search-solrcloud -am verify");
        }
        String classPath = classes + java.io.File.pathSeparator + Files.readString(cpFile).strip();
        Path base = Files.createTempDirectory(Files.createDirectories(workDir), "solr-cluster-"); // Solr wants new node folders
        Path log = base.resolve("solr-cluster.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + Files.createDirectories(base.resolve("tmp")), "-cp", classPath,
                "io.hallmark.search.solrcloud.testcluster.TestClusterMain", Integer.toString(nodes), base.toString()));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> urls = null;
        String zk = null;
        // a child that hangs without printing is killed, which ends the read below
        Thread watchdog = Thread.ofPlatform().daemon().name("solr-test-cluster-start-watchdog").start(() -> {
            try {
                if (!process.waitFor(START_TIMEOUT_S, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException started) {
                // READY came in time
            }
        });
        try {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("SOLR_URLS=")) {
                    urls = Arrays.asList(line.substring("SOLR_URLS=".length()).split(","));
                } else if (line.startsWith("ZK_HOST=")) {
                    zk = line.substring("ZK_HOST=".length());
                } else if (line.equals("READY")) {
                    break;
                }
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw e;
        } finally {
            watchdog.interrupt();
        }
        if (urls == null || zk == null || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("The SolrCloud test cluster did not start within " + START_TIMEOUT_S
                    + " s; see " + log);
        }
        return new SolrTestCluster(process, urls, zk);
    }

    private static Path testClusterModule() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p : List.of(here.resolve("../search-solrcloud-testcluster"), here.resolve("search-solrcloud-testcluster"))) {
            if (Files.isDirectory(p)) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("Cannot find module search-solrcloud-testcluster from " + here);
    }

    public List<String> solrUrls() {
        return solrUrls;
    }

    public String zkHost() {
        return zkHost;
    }

    /** Settings for a collection of this cluster with 2 shards. */
    public SolrCloudSettings.Builder settings() {
        return SolrCloudSettings.urls(solrUrls).shards(2).replicas(1);
    }

    /**
     * Makes a collection refuse every update (Solr's {@code readOnly} collection attribute: adds, deletes and commits
     * are answered with an error; searches go on), or accept them again.
     */
    public void readOnly(String collection, boolean readOnly) throws Exception {
        try (CloudSolrClient client = SolrClients.connect(settings().build())) {
            CollectionAdminRequest.modifyCollection(collection, java.util.Map.of("readOnly", Boolean.toString(readOnly)))
                    .process(client);
        }
    }

    /** Removes a collection and its configset (the backend creates one per collection). */
    public static void drop(CloudSolrClient client, String collection) throws Exception {
        if (CollectionAdminRequest.listCollections(client).contains(collection)) {
            CollectionAdminRequest.deleteCollection(collection).process(client);
        }
        ConfigSetAdminRequest.Delete delete = new ConfigSetAdminRequest.Delete();
        delete.setConfigSetName(collection);
        try {
            delete.process(client);
        } catch (Exception e) {
            // no such configset: the collection was never created
        }
    }

    /** Closes the child's standard input (it shuts the cluster down and exits), then waits, then kills. */
    @Override
    public void close() throws Exception {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }
}

package io.hallmark.search.solrcloud.testcluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;

/**
 * Runs a real SolrCloud ({@link MiniSolrCloudCluster}: an embedded ZooKeeper and N Solr nodes on Jetty) until its
 * standard input closes. It prints, each on a line of its own on standard output:
 * <pre>
 * SOLR_URLS=http://127.0.0.1:41234/solr,http://127.0.0.1:41235/solr
 * ZK_HOST=127.0.0.1:40001/solr
 * READY
 * </pre>
 * Its parent (a test) reads them and keeps the pipe to its standard input open; when the parent closes it, or dies,
 * the cluster shuts down and the process exits, so it never outlives the test that started it.
 *
 * <p>Arguments: {@code NODES BASE_DIR}.
 */
public final class TestClusterMain {

    private TestClusterMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TestClusterMain NODES BASE_DIR");
            System.exit(2);
        }
        int nodes = Integer.parseInt(args[0]);
        Path baseDir = Path.of(args[1]);
        Files.createDirectories(baseDir);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, baseDir).build();
        List<JettySolrRunner> jetties = cluster.getJettySolrRunners();
        String urls = jetties.stream().map(j -> j.getBaseUrl().toString()).collect(Collectors.joining(","));
        out.println("SOLR_URLS=" + urls);
        out.println("ZK_HOST=" + cluster.getZkServer().getZkAddress());
        out.println("READY");
        waitForEndOfInput(System.in);
        try {
            cluster.shutdown();
        } finally {
            Runtime.getRuntime().halt(0);
        }
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; end of input means it is done or gone
            }
        } catch (IOException e) {
            // the pipe broke: the parent is gone
        }
    }
}

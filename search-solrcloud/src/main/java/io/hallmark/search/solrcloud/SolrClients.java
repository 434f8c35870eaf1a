package io.hallmark.search.solrcloud;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.solr.client.solrj.impl.CloudLegacySolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;

/**
 * SolrJ cloud clients for the configured cluster. They speak HTTP through Apache HttpClient
 * ({@link CloudLegacySolrClient}), not Jetty's client: SolrJ 9's Jetty 10 cannot share a class path with the
 * platform's Jetty 12 server, so the build excludes it (search-solrcloud/pom.xml).
 */
final class SolrClients {

    private SolrClients() {}

    /** A client that reads the cluster state from ZooKeeper, or over HTTP from the given Solr nodes. */
    @SuppressWarnings("deprecation") // the Jetty-free cloud client of SolrJ 9 (see above)
    static CloudSolrClient connect(SolrCloudSettings cluster) {
        String zk = cluster.zkHost();
        if (zk != null) {
            int slash = zk.indexOf('/');
            List<String> hosts = Arrays.asList((slash < 0 ? zk : zk.substring(0, slash)).split(","));
            Optional<String> chroot = slash < 0 ? Optional.empty() : Optional.of(zk.substring(slash));
            return new CloudLegacySolrClient.Builder(hosts, chroot).build();
        }
        return new CloudLegacySolrClient.Builder(cluster.solrUrls()).build();
    }

    static void closeQuietly(CloudSolrClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // closing after a failure, or at the end: nothing to recover
        }
    }
}

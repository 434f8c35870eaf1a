/**
 * A real SolrCloud for tests, run in a JVM of its own: {@link io.hallmark.search.solrcloud.testcluster.TestClusterMain}
 * starts ZooKeeper and Solr nodes from Solr's own test framework and prints where they listen. Solr 9 is built on
 * Lucene 9, Hallmark on Lucene 10, so this code never shares a class path with Hallmark's modules.
 */
package io.hallmark.search.solrcloud.testcluster;

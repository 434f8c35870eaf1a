package io.hallmark.search.solrcloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.hallmark.retrieval.index.IndexSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.junit.jupiter.api.Test;

/** The configset matches the local index's analysis; the Solr side of it runs in SolrCloudKnowledgeBaseTest. */
class SolrCloudConfigSetTest {

    @Test
    void theStopWordsAreLuceneEnglishAnalyzers() {
        Set<String> lucene = new TreeSet<>();
        EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.forEach(w -> lucene.add(new String((char[]) w)));
        Set<String> solr = new TreeSet<>(SolrCloudConfigSet.resource("stopwords_en.txt").lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());

        assertThat(solr).isEqualTo(lucene);
    }

    @Test
    void theSchemaRecordsTheEmbedderAndDimensionAndABm25OnlyOneHasNoVectorField() throws IOException {
        Map<String, String> withVectors = unzip(SolrCloudConfigSet.zip(new IndexSettings("all-minilm-l6-v2", 384, false)));
        assertThat(withVectors).containsOnlyKeys("schema.xml", "solrconfig.xml", "stopwords_en.txt");
        assertThat(withVectors.get("schema.xml")).contains("name=\"hallmark embedder=all-minilm-l6-v2\"")
                .contains("vectorDimension=\"384\"").contains("similarityFunction=\"dot_product\"")
                .contains("hnswMaxConnections=\"16\"").contains("hnswBeamWidth=\"100\"")
                .contains("<float name=\"k1\">1.2</float>").contains("<float name=\"b\">0.75</float>");
        assertThat(withVectors.get("solrconfig.xml")).contains("ExactStatsCache");
        assertThat(SolrCloudConfigSet.embedderOf("hallmark embedder=all-minilm-l6-v2")).isEqualTo("all-minilm-l6-v2");
        assertThat(SolrCloudConfigSet.embedderOf("example")).isNull();

        String bm25Only = unzip(SolrCloudConfigSet.zip(new IndexSettings(IndexSettings.NO_EMBEDDER, 0, false))).get("schema.xml");
        assertThat(bm25Only).doesNotContain("DenseVectorField").doesNotContain("name=\"vector\"").doesNotContain("@");
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}

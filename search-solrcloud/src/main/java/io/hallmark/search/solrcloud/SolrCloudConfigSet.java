package io.hallmark.search.solrcloud;

import io.hallmark.retrieval.index.IndexSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Solr configset of a chunk collection (resources under {@code configset/}): the schema mirrors the local
 * Lucene index (fields, Lucene's EnglishAnalyzer filter by filter, BM25 k1 = 1.2 and b = 0.75, HNSW M = 16 and beam
 * width 100 with dot-product similarity) and its name records the embedder the collection is built with.
 */
final class SolrCloudConfigSet {

    private static final List<String> FILES = List.of("schema.xml", "solrconfig.xml", "stopwords_en.txt");
    private static final String SCHEMA_NAME_PREFIX = "hallmark embedder=";
    private static final Pattern SAFE_EMBEDDER = Pattern.compile("[A-Za-z0-9._+-]{1,200}");

    private SolrCloudConfigSet() {}

    /** The configset as a zip, as Solr's configset upload takes it. */
    static byte[] zip(IndexSettings settings) {
        if (!SAFE_EMBEDDER.matcher(settings.embedder()).matches()) {
            throw new IllegalArgumentException("Embedder name '" + settings.embedder() + "' cannot be recorded in a Solr schema");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : FILES) {
                String text = resource(file);
                if (file.equals("schema.xml")) {
                    text = schema(text, settings);
                }
                zip.putNextEntry(new ZipEntry(file));
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String schema(String template, IndexSettings settings) {
        String schema = template.replace("@EMBEDDER@", settings.embedder());
        if (settings.hasVectors()) {
            return schema.replace("@DIMENSION@", Integer.toString(settings.dimension()));
        }
        // a BM25-only knowledge base: no vector field at all
        return schema.replaceAll("(?s)\\s*<!-- HNSW.*?/>", "").replaceAll("\\s*<field name=\"vector\"[^>]*/>", "");
    }

    /** The embedder recorded in a schema's name, or {@code null} when the schema is not a Hallmark one. */
    static String embedderOf(String schemaName) {
        Matcher m = Pattern.compile(Pattern.quote(SCHEMA_NAME_PREFIX) + "(\\S+)").matcher(schemaName == null ? "" : schemaName);
        return m.find() ? m.group(1) : null;
    }

    static String resource(String file) {
        try (InputStream in = SolrCloudConfigSet.class.getResourceAsStream("configset/" + file)) {
            if (in == null) {
                throw new IllegalStateException("The configset file " + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

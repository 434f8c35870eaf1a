package io.hallmark.retrieval.chunk;

import io.hallmark.retrieval.ingest.Section;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Sentence- and heading-aware chunking. Each section (text under one heading) is split into paragraphs and
 * sentences ({@link BreakIterator}, English rules); whole sentences are packed into chunks of at most
 * {@code maxChars}; the next chunk of the same section starts with the trailing sentences of the previous
 * one that fit in {@code overlapChars}. Chunks never cross a heading. Thread-safe.
 */
public final class Chunker {

    private final ChunkingOptions options;

    public Chunker(ChunkingOptions options) {
        this.options = options;
    }

    public ChunkingOptions options() {
        return options;
    }

    /** Cuts a document into chunks, numbered from 0. */
    public List<Chunk> chunk(SourceDocument doc) {
        List<Chunk> chunks = new ArrayList<>();
        for (Section section : doc.sections()) {
            for (String text : pack(sentences(section.text()))) {
                chunks.add(new Chunk(doc.id(), chunks.size(), doc.title(), section.heading(), text, doc.metadata()));
            }
        }
        return chunks;
    }

    /** The section's sentences; a paragraph break is kept as a sentence ending in a newline. */
    List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String p = paragraph.strip().replaceAll("\\s+", " ");
            if (p.isEmpty()) {
                continue;
            }
            BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
            it.setText(p);
            int start = it.first();
            List<String> sentences = new ArrayList<>();
            for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
                String s = p.substring(start, end).strip();
                if (!s.isEmpty()) {
                    sentences.addAll(cutLong(s));
                }
            }
            if (!sentences.isEmpty()) {
                int last = sentences.size() - 1;
                sentences.set(last, sentences.get(last) + "\n");
                out.addAll(sentences);
            }
        }
        return out;
    }

    private List<String> cutLong(String sentence) {
        int max = options.maxChars();
        if (sentence.length() <= max) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < sentence.length()) {
            int end = Math.min(sentence.length(), start + max);
            if (end < sentence.length()) {
                int space = sentence.lastIndexOf(' ', end);
                if (space > start + max / 2) {
                    end = space;
                }
            }
            pieces.add(sentence.substring(start, end).strip());
            start = end;
        }
        return pieces;
    }

    private List<String> pack(List<String> sentences) {
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        int fresh = 0; // sentences in current that are not overlap from the previous chunk
        for (String s : sentences) {
            int added = s.length() + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && length + added > options.maxChars() && fresh > 0) {
                chunks.add(join(current));
                List<String> overlap = overlap(current, s.length());
                current = new ArrayList<>(overlap);
                length = join(current).length();
                fresh = 0;
                added = s.length() + (current.isEmpty() ? 0 : 1);
            }
            current.add(s);
            length += added;
            fresh++;
        }
        if (fresh > 0) {
            chunks.add(join(current));
        }
        return chunks;
    }

    private List<String> overlap(List<String> previous, int nextLength) {
        List<String> tail = new ArrayList<>();
        int length = 0;
        for (int i = previous.size() - 1; i > 0; i--) {
            String s = previous.get(i);
            if (length + s.length() + 1 > options.overlapChars()
                    || length + s.length() + 1 + nextLength > options.maxChars()) {
                break;
            }
            tail.addFirst(s);
            length += s.length() + 1;
        }
        return tail;
    }

    private static String join(List<String> sentences) {
        StringBuilder sb = new StringBuilder();
        for (String s : sentences) {
            if (!sb.isEmpty() && sb.charAt(sb.length() - 1) != '\n') {
                sb.append(' ');
            }
            sb.append(s);
        }
        return sb.toString().strip();
    }
}

package io.hallmark.textgen;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the output text from token bytes: holds back incomplete UTF-8 characters and any tail that could still
 * become a stop sequence, streams the rest, and ends the text before the first stop sequence.
 */
final class TextAssembler {

    private final List<String> stops;
    private final Consumer<String> sink;
    private final ByteArrayOutputStream pendingBytes = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private int emitted;
    private boolean stopped;

    TextAssembler(List<String> stops, Consumer<String> sink) {
        this.stops = stops;
        this.sink = sink;
    }

    /** Adds a token's bytes; returns true when a stop sequence ended the text. */
    boolean add(byte[] bytes) {
        if (stopped) {
            return true;
        }
        pendingBytes.writeBytes(bytes);
        byte[] all = pendingBytes.toByteArray();
        int complete = completePrefix(all);
        if (complete == 0) {
            return false;
        }
        text.append(new String(all, 0, complete, StandardCharsets.UTF_8));
        pendingBytes.reset();
        pendingBytes.write(all, complete, all.length - complete);
        int searchFrom = Math.max(0, emitted - longestStop());
        for (String stop : stops) {
            int at = text.indexOf(stop, searchFrom);
            if (at >= 0) {
                text.setLength(at);
                emit(at);
                stopped = true;
                return true;
            }
        }
        emit(text.length() - heldBack());
        return false;
    }

    /** Streams whatever is left (incomplete bytes become replacement characters) and returns the final text. */
    String finish() {
        if (!stopped) {
            if (pendingBytes.size() > 0) {
                text.append(pendingBytes.toString(StandardCharsets.UTF_8));
                pendingBytes.reset();
            }
            emit(text.length());
        }
        return text.toString();
    }

    private void emit(int upTo) {
        if (upTo > emitted) {
            sink.accept(text.substring(emitted, upTo));
            emitted = upTo;
        }
    }

    private int longestStop() {
        return stops.stream().mapToInt(String::length).max().orElse(0);
    }

    /** Characters at the end that are a prefix of some stop sequence. */
    private int heldBack() {
        int held = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, text.length()); k > held; k--) {
                if (text.substring(text.length() - k).equals(stop.substring(0, k))) {
                    held = k;
                    break;
                }
            }
        }
        return held;
    }

    /** The length of the longest prefix of {@code b} made of complete UTF-8 sequences. */
    static int completePrefix(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(4, n); back++) {
            int lead = b[n - back] & 0xff;
            if ((lead & 0xC0) == 0x80) {
                continue; // a continuation byte
            }
            int len = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
            return len > back ? n - back : n;
        }
        return n;
    }
}

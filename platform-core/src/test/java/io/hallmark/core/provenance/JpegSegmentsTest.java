package io.hallmark.core.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A manifest store larger than one APP11 segment is split the way JPEG XT (ISO/IEC 18477-3) reassembles it. */
class JpegSegmentsTest {

    @Test
    void aLargeStoreIsSplitIntoNumberedApp11SegmentsThatRepeatTheBoxHeader() {
        byte[] store = new byte[150_000];
        new Random(7).nextBytes(store);
        ByteBuffer.wrap(store).putInt(store.length).put("jumb".getBytes(StandardCharsets.US_ASCII));

        byte[] segments = JpegSegments.app11Segments(store);

        ByteArrayOutputStream reassembled = new ByteArrayOutputStream();
        int pos = 0;
        int expectedSequence = 1;
        while (pos < segments.length) {
            assertThat(segments[pos] & 0xFF).isEqualTo(0xFF);
            assertThat(segments[pos + 1] & 0xFF).as("APP11").isEqualTo(0xEB);
            ByteBuffer b = ByteBuffer.wrap(segments, pos + 2, segments.length - pos - 2);
            int length = b.getShort() & 0xFFFF;
            assertThat(length).isLessThanOrEqualTo(0xFFFF);
            assertThat(new String(segments, pos + 4, 2, StandardCharsets.US_ASCII)).isEqualTo("JP");
            b.getShort(); // "JP"
            assertThat(b.getShort()).as("box instance").isEqualTo((short) 1);
            assertThat(b.getInt()).as("packet sequence").isEqualTo(expectedSequence);
            int payload = pos + 2 + 10;
            int end = pos + 2 + length;
            if (expectedSequence > 1) {
                assertThat(java.util.Arrays.copyOfRange(segments, payload, payload + 8))
                        .as("continuations repeat LBox and TBox").isEqualTo(java.util.Arrays.copyOf(store, 8));
                payload += 8;
            }
            reassembled.write(segments, payload, end - payload);
            pos = end;
            expectedSequence++;
        }
        assertThat(expectedSequence - 1).isEqualTo(3);
        assertThat(reassembled.toByteArray()).isEqualTo(store);
    }
}

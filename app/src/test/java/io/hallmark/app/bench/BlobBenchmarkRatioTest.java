package io.hallmark.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ratios {@code bench blobs} prints keep three significant digits, however far apart the stores are. */
class BlobBenchmarkRatioTest {

    @Test
    void aDatabaseHundredsOfTimesSlowerThanThePageCacheIsNotPrintedAsZero() {
        // CI saw a local read of 2 MiB at about 20 GB/s against PostgreSQL at 60 MB/s: two decimals gave 0.0.
        assertThat(BlobBenchmark.ratio(61.2, 20_480.0)).isEqualTo(0.00299);
    }

    @Test
    void ordinaryRatiosKeepThreeDigits() {
        assertThat(BlobBenchmark.ratio(2.0, 3.0)).isEqualTo(0.667);
        assertThat(BlobBenchmark.ratio(1234.0, 10.0)).isEqualTo(123.0);
    }
}

package io.hallmark.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 test vectors (8 digits, 30 s steps, the ASCII key "12345678901234567890"). */
    @ParameterizedTest
    @CsvSource({"59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
            "2000000000, 69279037", "20000000000, 65353130"})
    void theRfc6238VectorsComeOut(long seconds, String expected) {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

        assertThat(Totp.hotp(key, Totp.step(Instant.ofEpochSecond(seconds)), 8, "HmacSHA1")).isEqualTo(expected);
    }

    /** RFC 4226 Appendix D: the HOTP values of counters 0 to 9 (6 digits, same key). */
    @Test
    void theRfc4226VectorsComeOut() {
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871",
                "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertThat(Totp.hotp(key, counter, 6, "HmacSHA1")).as("counter %d", counter).isEqualTo(expected[counter]);
        }
    }

    /** RFC 4648 section 10 vectors, without padding. */
    @ParameterizedTest
    @CsvSource({"f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI"})
    void base32FollowsRfc4648(String text, String encoded) {
        assertThat(Totp.base32(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
        assertThat(new String(Totp.decodeBase32(encoded + "=="), StandardCharsets.US_ASCII)).isEqualTo(text);
    }

    @Test
    void aCodeWorksWithinOneStepOfDriftAndOnlyOnce() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        String code = Totp.code(secret, now);

        assertThat(Totp.verify(secret, code, now.plusSeconds(30), -1)).hasValue(Totp.step(now));
        assertThat(Totp.verify(secret, code, now.plusSeconds(90), -1)).as("three steps later").isEmpty();
        assertThat(Totp.verify(secret, code, now, Totp.step(now))).as("used already").isEmpty();
        assertThat(Totp.verify(secret, "12345", now, -1)).isEmpty();
        assertThat(Totp.uri("ada", secret)).startsWith("otpauth://totp/Hallmark%3Aada?secret=" + secret + "&issuer=Hallmark");
    }
}

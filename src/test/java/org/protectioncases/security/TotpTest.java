package org.protectioncases.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    private static final byte[] SHA1_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_KEY = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);

    /** RFC 6238, Appendix B (8 digits, 30-second steps). */
    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246",
            "1111111109, 07081804, 68084774",
            "1111111111, 14050471, 67062674",
            "1234567890, 89005924, 91819424",
            "2000000000, 69279037, 90698825",
            "20000000000, 65353130, 77737706"})
    void rfc6238TestVectors(long seconds, String sha1, String sha256) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertThat(Totp.code(SHA1_KEY, step, 8, "HmacSHA1")).isEqualTo(sha1);
        assertThat(Totp.code(SHA256_KEY, step, 8, "HmacSHA256")).isEqualTo(sha256);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheRfcValues() {
        assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(SHA1_KEY, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
    }

    @Test
    void acceptsOneStepOfDriftEitherWayAndNoMore() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        for (int drift = -1; drift <= 1; drift++) {
            String code = Totp.code(SHA1_KEY, step + drift);
            assertThat(Totp.matchingStep(SHA1_KEY, code, now, 0)).as("drift " + drift).hasValue(step + drift);
        }
        assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, step - 2), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, step + 2), now, 0)).isEmpty();
    }

    @Test
    void aCodeIsUsableOnceAndNoOlderCodeAfterIt() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        long step = Totp.step(now);
        String current = Totp.code(SHA1_KEY, step);
        long used = Totp.matchingStep(SHA1_KEY, current, now, 0).orElseThrow();
        assertThat(Totp.matchingStep(SHA1_KEY, current, now, used)).as("the same code again").isEmpty();
        assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, step - 1), now, used)).as("an older code").isEmpty();
        assertThat(Totp.matchingStep(SHA1_KEY, Totp.code(SHA1_KEY, step + 1), now.plusSeconds(30), used)).as("the next code")
                .hasValue(step + 1);
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(Totp.matchingStep(SHA1_KEY, "", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_KEY, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(SHA1_KEY, "abcdef", now, 0)).isEmpty();
        String spaced = Totp.code(SHA1_KEY, Totp.step(now));
        assertThat(Totp.matchingStep(SHA1_KEY, spaced.substring(0, 3) + " " + spaced.substring(3), now, 0)).isPresent();
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(new String(Base32.decode("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(Base32.decode(Base32.encode(SHA1_KEY))).isEqualTo(SHA1_KEY);
    }
}

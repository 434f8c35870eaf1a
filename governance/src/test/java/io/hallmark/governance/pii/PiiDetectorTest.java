package io.hallmark.governance.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PiiDetectorTest {

    private final PiiDetector detector = new PiiDetector();
    private final PiiRedactor redactor = new PiiRedactor(detector);

    private List<PiiType> types(String text) {
        return detector.find(text).stream().map(PiiFinding::type).toList();
    }

    @Test
    void findsEachKindInProse() {
        String text = "Write to jane.doe+news@example.co.uk or call +44 20 7946 0958. Card 4111 1111 1111 1111, "
                + "IBAN GB82 WEST 1234 5698 7654 32, server 192.168.10.7 and 2001:db8::8a2e:370:7334, "
                + "SSN 123-45-6789, NINO AB 12 34 56 C.";

        assertThat(types(text)).containsExactly(PiiType.EMAIL, PiiType.PHONE, PiiType.PAYMENT_CARD, PiiType.IBAN,
                PiiType.IP_ADDRESS, PiiType.IP_ADDRESS, PiiType.US_SSN, PiiType.UK_NINO);
    }

    @Test
    void numbersThatFailTheirCheckDigitAreNotReported() {
        assertThat(types("Card 4111 1111 1111 1112 declined")).doesNotContain(PiiType.PAYMENT_CARD);
        assertThat(types("IBAN GB82 WEST 1234 5698 7654 33")).doesNotContain(PiiType.IBAN);
        assertThat(types("SSN 000-12-3456 and 666-12-3456")).doesNotContain(PiiType.US_SSN);
        assertThat(types("The meeting is on 2026-11-28 at 10:30:45 in room 42.")).isEmpty();
        assertThat(types("Version 1.2.3 of the tool, 256.1.1.1 is not an address")).isEmpty();
    }

    @Test
    void redactionReplacesEachFindingWithItsKind() {
        PiiRedactor.Redacted r = redactor.redact("Mail bob@example.com from 10.0.0.1 please");

        assertThat(r.text()).isEqualTo("Mail [EMAIL] from [IP_ADDRESS] please");
        assertThat(r.findings()).hasSize(2);
    }

    @Property(tries = 300)
    void everyLuhnValidCardIsFoundAndRedacted(@ForAll("cards") String card, @ForAll @AlphaChars @StringLength(max = 20) String before) {
        String text = before + " paid with " + card + " yesterday";

        PiiRedactor.Redacted r = redactor.redact(text);

        assertThat(r.text()).doesNotContain(card).contains("[PAYMENT_CARD]");
        assertThat(PiiDetector.luhn(card)).isTrue();
    }

    @Property(tries = 300)
    void redactionIsIdempotentAndLeavesNoFindings(@ForAll("prose") String text) {
        String once = redactor.redact(text).text();

        assertThat(redactor.redact(once).text()).isEqualTo(once);
        assertThat(detector.find(once)).isEmpty();
    }

    @Property(tries = 200)
    void textWithoutDigitsOrAtSignsHasNoFindings(@ForAll @AlphaChars @StringLength(max = 200) String letters) {
        assertThat(detector.find(letters.replace('@', ' '))).isEmpty();
    }

    @Provide
    Arbitrary<String> cards() {
        return Arbitraries.strings().numeric().ofLength(15).map(body -> {
            String digits = "4" + body;
            int check = luhnCheckDigit(digits);
            String full = digits + check;
            return full.substring(0, 4) + " " + full.substring(4, 8) + " " + full.substring(8, 12) + " " + full.substring(12);
        });
    }

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> words = Arbitraries.of("the", "report", "mail", "alice@example.org", "4111111111111111",
                "call", "+1 415 555 0100", "192.168.0.1", "and", "IBAN", "DE89 3704 0044 0532 0130 00", "42", "2026");
        return Combinators.combine(words.list().ofMaxSize(30), Arbitraries.just(" "))
                .as((list, sep) -> String.join(sep, list));
    }

    private static int luhnCheckDigit(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}

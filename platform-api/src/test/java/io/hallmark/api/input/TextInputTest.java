package io.hallmark.api.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.InvalidRequestException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextInputTest {

    @Test
    void aNulOrAnUnpairedSurrogateIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TextInput.checked("messages[0].content", "hi\u0000there", 100))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(p ->
                            assertThat(p.field()).isEqualTo("messages[0].content"));
                    assertThat(e.getMessage()).contains("NUL character (U+0000) at index 2");
                });
        assertThatThrownBy(() -> TextInput.checked("prompt", "x\ud800", 100)).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> TextInput.checked("prompt", "\udc00", 100)).hasMessageContaining("U+DC00");
        assertThat(TextInput.checked("prompt", "smile \ud83d\ude00\ttab\nline", 100)).endsWith("line");
    }

    @Test
    void tooLongIsRefusedWithTheMaximum() {
        assertThatThrownBy(() -> TextInput.checked("channel", "c".repeat(10_000), 64))
                .hasMessage("Field 'channel' has 10000 characters; the maximum is 64");
    }

    @Test
    void identifiersKeepToTheirAlphabet() {
        assertThat(TextInput.identifier("channel", "public-site", FieldLimits.IDENTIFIER, FieldLimits.IDENTIFIER_RULE))
                .isEqualTo("public-site");
        for (String bad : new String[] {"", "Public", "a b", "-x", "x\u0000", "x".repeat(65), "é"}) {
            assertThatThrownBy(() -> TextInput.identifier("channel", bad, FieldLimits.IDENTIFIER,
                    FieldLimits.IDENTIFIER_RULE)).as(bad).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Field 'channel' must be 1-64 lower-case letters");
        }
    }

    @Test
    void labelsRefuseControlCharactersAndBlanks() {
        assertThat(TextInput.label("name", "Queue backlog (EU)", 200)).isEqualTo("Queue backlog (EU)");
        assertThatThrownBy(() -> TextInput.label("name", "a\u0007b", 200)).hasMessageContaining("\\u0007");
        assertThatThrownBy(() -> TextInput.label("name", "  ", 200)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void cleaningRemovesWhatCannotBeStoredAndCountsIt() {
        TextInput.Cleaned cleaned = TextInput.clean("A light\u0000house\u0001 \ud83d\ude00 \ud800end\r\n\t\f");
        assertThat(cleaned.text()).isEqualTo("A lighthouse \ud83d\ude00 end\r\n\t\f");
        assertThat(cleaned.removed()).isEqualTo(3);
        assertThat(TextInput.clean("plain").changed()).isFalse();
    }

    @Property(tries = 2_000)
    void cleanedTextIsAlwaysStorableAndCleaningTwiceChangesNothing(
            @ForAll @StringLength(max = 40) @CharRange(from = '\u0000', to = '\u0040')
            @CharRange(from = '\ud7f0', to = '\ue010') String text) {
        TextInput.Cleaned once = TextInput.clean(text);

        assertThat(TextInput.storable(once.text())).isTrue();
        assertThat(TextInput.clean(once.text()).text()).isEqualTo(once.text());
        assertThat(once.text().length()).isEqualTo(text.length() - once.removed());
    }

    @Property(tries = 2_000)
    void checkedAcceptsExactlyWhatIsStorable(@ForAll @StringLength(max = 20) @CharRange(from = '\u0000', to = '\u0020')
            @CharRange(from = '\ud800', to = '\udfff') @CharRange(from = 'a', to = 'c') String text) {
        boolean storable = text.indexOf('\0') < 0 && TextInput.clean(text).text().length()
                + text.chars().filter(c -> c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\f' && c != '\r').count()
                == text.length();
        if (storable) {
            assertThat(TextInput.checked("f", text, 100)).isEqualTo(text);
        } else {
            assertThatThrownBy(() -> TextInput.checked("f", text, 100)).isInstanceOf(InvalidRequestException.class);
        }
    }
}

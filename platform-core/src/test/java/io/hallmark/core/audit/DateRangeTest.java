package io.hallmark.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.InvalidRequestException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void aDayToTheSameDayIsThatWholeDay() {
        DateRange day = DateRange.parse("2026-11-28", "2026-11-28", "from", "to");

        assertThat(day.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void anInstantAsToIsExclusiveAndADayAsFromStartsAtMidnight() {
        DateRange range = DateRange.parse("2026-11-28", "2026-11-28T10:00:00Z", "--from", "--to");

        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
        assertThat(DateRange.optional("to", " ", true)).isNull();
        assertThat(DateRange.optional("to", "2026-11-28", true)).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    }

    @Test
    void anEmptyOrBackwardRangeAndAnUnreadableDateAreRefusedNamingTheField() {
        assertThatThrownBy(() -> DateRange.parse("2026-11-28", "2026-11-27", "from", "to"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("from=to=2026-11-28 is one day")
                .satisfies(e -> assertThat(((InvalidRequestException) e).errors().getFirst().field()).isEqualTo("to"));
        assertThatThrownBy(() -> DateRange.parse("2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z", "from", "to"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> DateRange.start("--from", "28/11/2026"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'28/11/2026' for --from");
    }
}

package io.hallmark.governance.bias;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Finding a pronoun after two occupations and writing both of its readings. */
class PronounReadingsTest {

    private static final Pattern OCCUPATIONS = PronounReadings.vocabulary(List.of("developer", "designer",
            "construction worker", "nurse"));

    @Test
    void eachReadingPutsOneOccupationInThePronounsPlace() {
        PronounReadings r = PronounReadings.find("The developer argued with the designer because she did not like the "
                + "design.", OCCUPATIONS).orElseThrow();

        assertThat(r.first()).isEqualTo("developer");
        assertThat(r.second()).isEqualTo("designer");
        assertThat(r.gender()).isEqualTo(-1);
        assertThat(r.grammaticalCase()).isZero();
        assertThat(r.firstReading()).isEqualTo("The developer argued with the designer because the developer did not "
                + "like the design.");
        assertThat(r.secondClause()).isEqualTo("the designer did not like the design.");
    }

    @Test
    void possessivesAndObjectsAreToldApart() {
        PronounReadings possessive = PronounReadings.find("The nurse called the construction worker about her shift.",
                OCCUPATIONS).orElseThrow();
        PronounReadings object = PronounReadings.find("The nurse called the construction worker and thanked him for it.",
                OCCUPATIONS).orElseThrow();

        assertThat(possessive.second()).isEqualTo("construction worker");
        assertThat(possessive.grammaticalCase()).isEqualTo(2);
        assertThat(possessive.secondClause()).isEqualTo("the construction worker's shift.");
        assertThat(object.grammaticalCase()).isEqualTo(1);
        assertThat(object.gender()).isEqualTo(1);
        assertThat(object.firstClause()).isEqualTo("the nurse for it.");
    }

    @Test
    void nothingToResolveWithoutTwoOccupationsBeforeThePronoun() {
        assertThat(PronounReadings.find("The developer said she was tired.", OCCUPATIONS)).isEmpty();
        assertThat(PronounReadings.find("She told the developer about the designer.", OCCUPATIONS)).isEmpty();
        assertThat(PronounReadings.find("The developer met the developer and he left.", OCCUPATIONS)).isEmpty();
    }
}

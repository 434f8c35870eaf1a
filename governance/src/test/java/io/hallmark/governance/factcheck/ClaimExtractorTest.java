package io.hallmark.governance.factcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ClaimExtractorTest {

    private final ClaimExtractor extractor = new ClaimExtractor();

    @Test
    void splitsSentencesAndKeepsSpans() {
        String text = "The Eiffel Tower is in Paris. It was completed in 1889.";
        List<Claim> claims = extractor.extract(text);
        assertThat(claims).hasSize(2);
        assertThat(text.substring(claims.get(0).start(), claims.get(0).end())).isEqualTo("The Eiffel Tower is in Paris.");
        assertThat(claims.get(1).text()).isEqualTo("The Eiffel Tower was completed in 1889.");
        assertThat(text.substring(claims.get(1).start(), claims.get(1).end())).isEqualTo("It was completed in 1889.");
    }

    @Test
    void splitsCoordinatedStatementsAndBorrowsTheSubject() {
        String text = "The Amazon river is in South America and was explored by Orellana in 1542.";
        List<Claim> claims = extractor.extract(text);
        assertThat(claims).extracting(Claim::text).containsExactly("The Amazon river is in South America.",
                "The Amazon river was explored by Orellana in 1542.");
        assertThat(text.substring(claims.get(1).start(), claims.get(1).end())).isEqualTo("was explored by Orellana in 1542.");
    }

    @Test
    void splitsAtSemicolons() {
        List<Claim> claims = extractor.extract("Water boils at 100 degrees; ice melts at 0 degrees.");
        assertThat(claims).extracting(Claim::text).containsExactly("Water boils at 100 degrees.", "Ice melts at 0 degrees.");
    }

    @Test
    void keepsNounCoordinationsWhole() {
        List<Claim> claims = extractor.extract("Salt and pepper are common spices in Europe.");
        assertThat(claims).extracting(Claim::text).containsExactly("Salt and pepper are common spices in Europe.");
    }

    @Test
    void dropsQuestionsOpinionsAndInstructions() {
        String text = "Is Paris the capital of France? I think Paris is beautiful. Please check the map. "
                + "Paris is the capital of France.";
        assertThat(extractor.extract(text)).extracting(Claim::text).containsExactly("Paris is the capital of France.");
    }

    @Property(tries = 200)
    void spansLieInsideTheTextInOrderWithoutOverlap(@ForAll("texts") String text) {
        List<Claim> claims = extractor.extract(text);
        int previousEnd = 0;
        for (Claim c : claims) {
            assertThat(c.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(c.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(c.start());
            String span = text.substring(c.start(), c.end());
            assertThat(span).isEqualTo(span.strip());
            assertThat(span).isNotBlank();
            assertThat(c.text()).isNotBlank();
            previousEnd = c.end();
        }
    }

    @Property(tries = 100)
    void questionsNeverBecomeClaims(@ForAll("sentences") String sentence) {
        String question = sentence.substring(0, sentence.length() - 1) + "?";
        assertThat(extractor.extract(question)).isEmpty();
    }

    @Provide
    Arbitrary<String> sentences() {
        Arbitrary<String> subject = Arbitraries.of("The river", "It", "Paris", "The tower", "They", "Sea level", "This");
        Arbitrary<String> verb = Arbitraries.of("is", "was", "rose", "has", "increased", "won");
        Arbitrary<String> object = Arbitraries.of("long", "in 1889", "by 3 mm per year", "the prize", "very old",
                "and was built by Eiffel", "; the bridge is new", ", but it fell in 2010", "and and", "12.5 %");
        return net.jqwik.api.Combinators.combine(subject, verb, object).as((s, v, o) -> s + " " + v + " " + o + ".");
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> noise = Arbitraries.of("", " ", "  \n", "Why?", " Hm.", "\t", " Click here. ", "Ok!");
        Arbitrary<String> piece = Arbitraries.oneOf(sentences(), noise, Arbitraries.strings().ofMaxLength(20));
        return piece.list().ofMaxSize(8).map(l -> String.join(" ", l));
    }
}

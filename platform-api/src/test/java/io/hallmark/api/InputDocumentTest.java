package io.hallmark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.api.input.FieldLimits;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputDocumentTest {

    @Test
    void refusalsNameTheFieldAsTheClientSentIt() {
        assertField(() -> InputDocument.of(2, "", "text"), "documents[2].name");
        assertField(() -> InputDocument.of(2, "a\nb", "text"), "documents[2].name");
        assertField(() -> InputDocument.of(2, "x".repeat(FieldLimits.LABEL + 1), "text"), "documents[2].name");
        assertField(() -> InputDocument.of(0, "mail", "  "), "documents[0].text");
        assertField(() -> InputDocument.of(0, "mail", "a\u0000b"), "documents[0].text");
        assertField(() -> InputDocument.of(0, "mail", "x".repeat(FieldLimits.DOCUMENT_TEXT + 1)), "documents[0].text");
        assertThat(InputDocument.of(0, "mail", "Hi Bob.")).isEqualTo(new InputDocument("mail", "Hi Bob."));
    }

    @Test
    void aRequestHoldsAtMostSixteenUniquelyNamedDocumentsAndBoundedText() {
        List<InputDocument> many = new ArrayList<>();
        for (int i = 0; i <= FieldLimits.DOCUMENTS; i++) {
            many.add(new InputDocument("d" + i, "text"));
        }
        assertField(() -> InputDocument.checked(many), "documents");
        assertThat(InputDocument.checked(many.subList(0, FieldLimits.DOCUMENTS))).hasSize(FieldLimits.DOCUMENTS);
        assertField(() -> InputDocument.checked(List.of(new InputDocument("a", "x"), new InputDocument("a", "y"))),
                "documents[1].name");
        List<InputDocument> big = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            big.add(new InputDocument("d" + i, "x".repeat(FieldLimits.DOCUMENT_TEXT)));
        }
        assertField(() -> InputDocument.checked(big), "documents");
        assertThat(InputDocument.checked(big.subList(0, 4))).hasSize(4);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(ParameterError::field).containsExactly(field));
    }
}

package io.hallmark.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.api.InputDocument;
import io.hallmark.api.InvalidRequestException;
import io.hallmark.api.ParameterError;
import org.junit.jupiter.api.Test;

/** The {@code documents} of {@code POST /api/v1/generations}: read as sent, refused with the field named. */
class GenerationDocumentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void documentsAreReadInOrder() throws Exception {
        assertThat(GenerationRoutes.documents(body("{\"prompt\":\"p\"}"))).isEmpty();
        assertThat(GenerationRoutes.documents(body("{\"documents\":null}"))).isEmpty();
        assertThat(GenerationRoutes.documents(body("""
                {"documents": [{"name": "mail", "text": "Hi Bob."}, {"name": "table", "text": "a\\tb"}]}""")))
                .containsExactly(new InputDocument("mail", "Hi Bob."), new InputDocument("table", "a\tb"));
    }

    @Test
    void badDocumentsAreRefusedNamingTheField() {
        refused("{\"documents\": \"text\"}", "documents");
        refused("{\"documents\": [\"text\"]}", "documents[0]");
        refused("{\"documents\": [{\"name\": \"a\"}]}", "documents[0].text");
        refused("{\"documents\": [{\"name\": \"a\", \"text\": \"x\"}, {\"text\": \"y\"}]}", "documents[1].name");
        refused("{\"documents\": [{\"name\": \"a\", \"text\": 5}]}", "documents[0].text");
        refused("{\"documents\": [{\"name\": \"a\", \"text\": \"x\", \"role\": \"system\"}]}", "documents[0].role");
        refused("{\"documents\": [{\"name\": \"a\", \"text\": \"x\"}, {\"name\": \"a\", \"text\": \"y\"}]}",
                "documents[1].name");
        refused("{\"documents\": [{\"name\": \"a\\u0000\", \"text\": \"x\"}]}", "documents[0].name");
        StringBuilder many = new StringBuilder("{\"documents\": [");
        for (int i = 0; i < 17; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\": \"d").append(i).append("\", \"text\": \"x\"}");
        }
        refused(many.append("]}").toString(), "documents");
    }

    private static void refused(String json, String field) {
        assertThatThrownBy(() -> GenerationRoutes.documents(body(json))).as(json)
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(ParameterError::field).containsExactly(field));
    }

    private static JsonNode body(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

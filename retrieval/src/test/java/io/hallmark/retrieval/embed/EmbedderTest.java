package io.hallmark.retrieval.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hallmark.retrieval.testing.Shared;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EmbedderTest {

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void everyBundledModelEmbedsUnitVectorsThatPlaceRelatedTextCloser(EmbeddingModel model) {
        OnnxEmbedder embedder = model == EmbeddingModel.ALL_MINILM_L6_V2 ? Shared.miniLm() : new OnnxEmbedder(model, 2, 8);
        try {
            List<float[]> docs = embedder.embedDocuments(List.of(
                    "Glaciers are losing ice because summers are warmer.",
                    "Sourdough bread rises slowly because of wild yeast."));
            float[] query = embedder.embedQuery("Why are glaciers melting?");

            assertThat(docs).hasSize(2).allSatisfy(v -> assertThat(v).hasSize(embedder.dimension()));
            assertThat(Vectors.dot(query, query)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(Vectors.dot(query, docs.get(0))).isGreaterThan(Vectors.dot(query, docs.get(1)) + 0.02f);
        } finally {
            if (embedder != Shared.miniLm()) {
                embedder.close();
            }
        }
    }

    /**
     * Our one-thread sessions give LangChain4j's own models' vectors (so stored vectors stay valid), for a model with
     * mean pooling and one with CLS pooling.
     */
    @ParameterizedTest
    @EnumSource(value = EmbeddingModel.class, names = {"ALL_MINILM_L6_V2_Q", "BGE_SMALL_EN_V15_Q"})
    void oneThreadSessionsGiveTheVectorsOfLangChain4jsOwnModels(EmbeddingModel model) {
        dev.langchain4j.model.embedding.EmbeddingModel stock = model == EmbeddingModel.ALL_MINILM_L6_V2_Q
                ? new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel()
                : new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel();
        try (OnnxEmbedder ours = new OnnxEmbedder(model, 2, 8)) {
            List<String> texts = List.of("Glaciers are losing ice because summers are warmer.",
                    "The Eiffel Tower in Paris was completed in 1889.", "short");
            List<float[]> vectors = ours.embedDocuments(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] expected = Vectors.normalize(stock.embed(texts.get(i)).content().vector());
                assertThat(Vectors.dot(vectors.get(i), expected)).as(texts.get(i))
                        .isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void batchesLargerThanTheBatchSizeKeepTheirOrder() {
        List<String> texts = java.util.stream.IntStream.range(0, 70).mapToObj(i -> "sentence number " + i).toList();
        List<float[]> batched = Shared.miniLm().embedDocuments(texts);

        assertThat(batched).hasSize(70);
        assertThat(Vectors.dot(batched.get(69), Shared.miniLm().embedDocuments(List.of("sentence number 69")).get(0)))
                .isGreaterThan(0.999f);
    }

    @Test
    void anUnknownModelNameListsTheChoices() {
        assertThatThrownBy(() -> EmbeddingModel.byId("gpt-embed"))
                .hasMessageContaining("'gpt-embed'")
                .hasMessageContaining("all-minilm-l6-v2")
                .hasMessageContaining("e5-small-v2-q");
        assertThat(EmbeddingModel.byId("BGE-small-en-v15-q")).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15_Q);
    }
}

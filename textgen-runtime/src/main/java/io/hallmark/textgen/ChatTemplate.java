package io.hallmark.textgen;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.FatalTemplateErrorsException;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * A model's chat template ({@code tokenizer.chat_template}, Jinja) rendered with Jinjava the way Hugging Face and
 * llama.cpp render it: {@code messages} (role and content), {@code add_generation_prompt}, {@code bos_token},
 * {@code eos_token}, {@code raise_exception}, blocks trimmed and left-stripped.
 *
 * <p>{@link #encode} tokenizes the rendered conversation with the template's own control tokens parsed, while
 * control-token text inside a message's content stays literal text: a user cannot open a system turn by typing
 * {@code <|im_start|>system}. {@link #stopTokens()} are the tokens that end the assistant's turn.
 */
public final class ChatTemplate {

    /** One message: {@code system}, {@code user}, {@code assistant} (or any role the template knows), and its text. */
    public record Message(String role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    private final String source;
    private final GgufVocabulary vocabulary;
    private final Jinjava jinjava;

    /** Jinja's whitespace control ({@code {{-}, {@code -%}}, ...), applied to the source as Jinja defines it. */
    private static final java.util.regex.Pattern STRIP_BEFORE = java.util.regex.Pattern.compile("\\s*(\\{[{%#])-");
    private static final java.util.regex.Pattern STRIP_AFTER = java.util.regex.Pattern.compile("-([}%#]\\})\\s*");

    private final String prepared;

    private ChatTemplate(String source, GgufVocabulary vocabulary) {
        this.source = source;
        // Jinjava does not strip around '{{-' inside loops; the '-' markers strip the neighbouring template text,
        // so removing that text here is what Jinja does
        this.prepared = STRIP_AFTER.matcher(STRIP_BEFORE.matcher(source).replaceAll("$1")).replaceAll("$1");
        this.vocabulary = vocabulary;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
                "raiseException", String.class));
    }

    /** The chat template of a model's vocabulary, when its GGUF file has one. */
    public static Optional<ChatTemplate> of(Tokenizer tokenizer) {
        return tokenizer instanceof GgufVocabulary v && v.chatTemplate() != null
                ? Optional.of(new ChatTemplate(v.chatTemplate(), v)) : Optional.empty();
    }

    /** Called by templates ({@code raise_exception('...')}) to refuse a conversation. */
    public static String raiseException(String message) {
        throw new IllegalArgumentException("The chat template refused the conversation: " + message);
    }

    /** The template's Jinja source. */
    public String source() {
        return source;
    }

    /**
     * The conversation as the model reads it.
     *
     * @param addGenerationPrompt end with the opening of an assistant turn, for the model to write
     * @throws IllegalArgumentException when the template refuses the conversation or cannot be rendered
     */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        Map<String, Object> bindings = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("role", m.role());
            entry.put("content", m.content());
            list.add(entry);
        }
        bindings.put("messages", list);
        bindings.put("add_generation_prompt", addGenerationPrompt);
        SpecialTokenIds special = vocabulary.special();
        bindings.put("bos_token", vocabulary.tokenText(special.bos()));
        bindings.put("eos_token", vocabulary.tokenText(special.eos()));
        RenderResult result;
        try {
            result = jinjava.renderForResult(prepared, bindings);
        } catch (FatalTemplateErrorsException e) {
            throw new IllegalArgumentException("The model's chat template cannot be rendered: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw e;
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                for (Throwable t = error.getException(); t != null; t = t.getCause()) {
                    if (t instanceof IllegalArgumentException iae && String.valueOf(iae.getMessage()).startsWith("The chat template refused")) {
                        throw iae;
                    }
                }
                throw new IllegalArgumentException("The model's chat template cannot be rendered: " + error.getMessage()
                        + " (line " + error.getLineno() + ")");
            }
        }
        return result.getOutput();
    }

    /**
     * The tokens of the rendered conversation: the template's control tokens parsed, each message's content kept
     * literal, BOS added only when the template does not write it itself and the model asks for it.
     */
    public int[] encode(List<Message> messages, boolean addGenerationPrompt) {
        String text = render(messages, addGenerationPrompt);
        BitSet literal = new BitSet(text.length());
        int cursor = 0;
        for (Message m : messages) {
            String content = m.content();
            int at = content.isEmpty() ? -1 : text.indexOf(content, cursor);
            if (at < 0 && !content.strip().isEmpty()) {
                content = content.strip(); // templates often trim the content
                at = text.indexOf(content, cursor);
            }
            if (at >= 0) {
                literal.set(at, at + content.length());
                cursor = at + content.length();
            } else if (containsControlText(m.content())) {
                throw new IllegalArgumentException("A " + m.role() + " message writes a control token, and the chat "
                        + "template changes the content so it cannot be kept literal; refusing the conversation");
            }
        }
        SpecialTokenIds special = vocabulary.special();
        String bos = vocabulary.tokenText(special.bos());
        boolean templateWritesBos = !bos.isEmpty() && text.startsWith(bos);
        return vocabulary.encode(text, !templateWritesBos, literal);
    }

    private boolean containsControlText(String content) {
        return IntStream.range(0, vocabulary.vocabSize()).anyMatch(i -> {
            String t = vocabulary.tokenText(i);
            return t.length() > 1 && t.startsWith("<") && vocabulary.decode(-1, i).length == 0 && content.contains(t);
        });
    }

    /** The tokens that end the assistant's turn (end of turn, end of sequence), for a generator to stop at. */
    public int[] stopTokens() {
        return IntStream.range(0, vocabulary.vocabSize()).filter(vocabulary::endsGeneration).toArray();
    }
}

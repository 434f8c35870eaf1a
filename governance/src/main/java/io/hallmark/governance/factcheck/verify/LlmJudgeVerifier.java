package io.hallmark.governance.factcheck.verify;

import dev.langchain4j.model.chat.ChatModel;
import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a chat model (any LangChain4j {@link ChatModel}: a local model or an OpenAI-compatible endpoint) to judge
 * the claim against the numbered passages. Off by default: only a capable model judges better than the other
 * verifiers. An answer it cannot parse counts as not enough information.
 */
public final class LlmJudgeVerifier implements Verifier {

    private static final Pattern VERDICT = Pattern.compile("\\b(SUPPORTED|REFUTED|NOT_ENOUGH_INFO|NOT ENOUGH INFO)\\b");
    private static final Pattern CONFIDENCE = Pattern.compile("(?i)confidence\\W+([01](?:\\.\\d+)?)");

    private final ChatModel model;

    public LlmJudgeVerifier(ChatModel model) {
        this.model = model;
    }

    @Override
    public String name() {
        return "llm-judge";
    }

    /** The prompt for one claim. */
    static String prompt(Claim claim, List<Evidence> evidence) {
        StringBuilder p = new StringBuilder("""
                You check facts against evidence only, not against what you know.
                Answer with one line: VERDICT confidence=N, where VERDICT is SUPPORTED (the evidence says the claim \
                is true), REFUTED (the evidence says it is false) or NOT_ENOUGH_INFO, and N is between 0 and 1. \
                Then one sentence of reasons.

                Evidence:
                """);
        for (int i = 0; i < evidence.size(); i++) {
            p.append('[').append(i + 1).append("] ").append(evidence.get(i).text()).append('\n');
        }
        return p.append("\nClaim: ").append(claim.text()).append('\n').toString();
    }

    @Override
    public Vote verify(Claim claim, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            return Vote.notEnoughInfo(name(), "no evidence retrieved");
        }
        String answer = model.chat(prompt(claim, evidence));
        Matcher m = VERDICT.matcher(answer.toUpperCase(Locale.ROOT));
        if (!m.find()) {
            return Vote.notEnoughInfo(name(), "unparseable answer: " + abbreviate(answer));
        }
        Verdict verdict = Verdict.valueOf(m.group(1).replace(' ', '_'));
        Matcher c = CONFIDENCE.matcher(answer);
        double confidence = c.find() ? Math.min(1, Double.parseDouble(c.group(1))) : 0.7;
        return new Vote(name(), verdict, confidence, abbreviate(answer), evidence.get(0).id(),
                Map.of("confidence", confidence));
    }

    private static String abbreviate(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}

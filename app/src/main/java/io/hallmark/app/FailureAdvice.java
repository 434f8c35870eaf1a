package io.hallmark.app;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user can do about a failed job, from its reason: the command line prints it under the reason, so a failure
 * says why and what next where the user looks.
 */
final class FailureAdvice {

    private record Advice(Pattern when, String remedy) {}

    private static final List<Advice> ADVICE = List.of(
            new Advice(Pattern.compile("model '.*' not found|models-dir|model directory|no such model"),
                    "point the server at the folder with the models: ./hallmark serve --models-dir DIR (or "
                            + "HALLMARK_MODELS_DIR); ./hallmark models list shows what it finds"),
            new Advice(Pattern.compile("knowledge base"),
                    "ingest documents first: ./hallmark kb ingest --kb default FILE_OR_FOLDER"),
            new Advice(Pattern.compile("training|not trained|still training"),
                    "wait for the governance models (the dashboard shows the training), or train them ahead: "
                            + "./hallmark train safety and ./hallmark train bias"),
            new Advice(Pattern.compile("no active policy|policy"),
                    "activate a policy: ./hallmark policy apply FILE (./hallmark policy list shows them)"),
            new Advice(Pattern.compile("plugin|no generator"),
                    "check the plugins: ./hallmark plugins list (a failed plugin shows its cause)"),
            new Advice(Pattern.compile("timed out|timeout"),
                    "the server is busy or the request is large: try again, or ask for fewer tokens"),
            new Advice(Pattern.compile("cancel"),
                    "the job was cancelled; submit it again"));

    private FailureAdvice() {}

    /** A remedy for a failure reason; the server log is the fallback. */
    static String remedy(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        return ADVICE.stream().filter(a -> a.when().matcher(lower).find()).findFirst().map(Advice::remedy)
                .orElse("the server log has the details (./hallmark serve prints it; --json shows the whole job)");
    }
}

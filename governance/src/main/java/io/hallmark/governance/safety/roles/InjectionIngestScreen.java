package io.hallmark.governance.safety.roles;

import io.hallmark.governance.GovernanceModels;
import io.hallmark.governance.ModelUnavailableException;
import io.hallmark.governance.safety.SafetyAssessor;
import io.hallmark.governance.safety.SafetyScreen;
import io.hallmark.governance.safety.ScreenInput;
import io.hallmark.retrieval.ingest.IngestScreen;
import io.hallmark.retrieval.ingest.Quarantine;
import io.hallmark.retrieval.ingest.SourceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The injection screen over the documents a knowledge base ingests: each document's text ({@link #textOf}: title,
 * headings and sections) is read as data ({@link SafetyScreen#explain}: whole and by sentence, or by window for a
 * long one; all of it, however long: a document longer than one request's limit is read in overlapping parts of at
 * most {@link SafetyScreen#MAX_CHARACTERS}), one document at a time so that each gets the whole piece budget; a
 * document scoring
 * {@link SafetyAssessor#FLAGGED} or more is quarantined with the span that scored highest. When the safety model is
 * not ready the screen says so ({@link Result#unavailable}) and the knowledge base refuses the ingest (fail closed,
 * {@link io.hallmark.retrieval.ingest.ScreenUnavailableException}): on a server, which trains its models in the
 * background, the screen never trains one inside an ingest; a one-shot command ({@link #trainingOnFirstUse}) trains
 * a missing model first, as its other commands do.
 */
public final class InjectionIngestScreen implements IngestScreen {

    private final String knowledgeBase;
    private final Supplier<SafetyScreen> screen;
    private final Supplier<Boolean> ready;

    /** The screen of the platform's safety model for the knowledge base {@code knowledgeBase}. */
    public InjectionIngestScreen(GovernanceModels models, String knowledgeBase) {
        this(knowledgeBase, models::safety, () -> models.ready("safety"));
    }

    /**
     * The screen of a one-shot command: a missing safety model is trained first when the eval data is there (as
     * {@code hallmark check} does), else the screen is unavailable and the ingest refused.
     */
    public static InjectionIngestScreen trainingOnFirstUse(GovernanceModels models, String knowledgeBase) {
        return new InjectionIngestScreen(knowledgeBase, models::safety, () -> true);
    }

    /** A screen over a given safety screen (tests, evaluations). */
    public InjectionIngestScreen(String knowledgeBase, SafetyScreen screen) {
        this(knowledgeBase, () -> screen, () -> true);
    }

    private InjectionIngestScreen(String knowledgeBase, Supplier<SafetyScreen> screen, Supplier<Boolean> ready) {
        this.knowledgeBase = knowledgeBase;
        this.screen = screen;
        this.ready = ready;
    }

    /** The name of a knowledge-base document in screen findings: {@code kb:<knowledge base>/<source id>}. */
    public static String input(String knowledgeBase, String source) {
        return "kb:" + knowledgeBase + "/" + source;
    }

    /**
     * All the text of a document that retrieval may hand a model, as the screen reads it: its title, then each
     * section's heading and text, separated by blank lines (the offsets of a quarantine's span are in this text).
     */
    public static String textOf(SourceDocument document) {
        StringBuilder out = new StringBuilder(document.title().strip());
        for (io.hallmark.retrieval.ingest.Section section : document.sections()) {
            if (section.heading() != null && !section.heading().isBlank()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(section.heading().strip());
            }
            if (!section.text().isBlank()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(section.text());
            }
        }
        return out.toString();
    }

    @Override
    public Result screen(List<SourceDocument> documents) {
        SafetyScreen safety;
        try {
            if (!ready.get()) {
                return Result.unavailable("the safety model is not ready yet: a server trains it in the background "
                        + "at first start; or run `hallmark train safety`");
            }
            safety = screen.get();
        } catch (ModelUnavailableException e) {
            return Result.unavailable("the safety model is unavailable: " + e.getMessage());
        }
        List<Quarantine> flagged = new ArrayList<>();
        for (SourceDocument d : documents) {
            String input = input(knowledgeBase, d.id());
            String text = textOf(d);
            for (int[] part : partsOf(text)) {
                SafetyScreen.Explained explained = safety.explain(List.of(ScreenInput.data(input,
                        text.substring(part[0], part[1]))));
                java.util.Optional<SafetyScreen.InputTrigger> hit = explained.triggers().stream()
                        .filter(t -> t.score() >= SafetyAssessor.FLAGGED).findFirst();
                if (hit.isPresent()) {
                    SafetyScreen.InputTrigger t = hit.get();
                    flagged.add(new Quarantine(d.id(), input, t.screen(), t.score(), part[0] + t.start(),
                            part[0] + t.end(), t.text()));
                    break;
                }
            }
        }
        return Result.screened(flagged);
    }

    /** Characters two consecutive parts of a document longer than one request share. */
    static final int PART_OVERLAP = 2_000;

    /**
     * A document's text in parts the screen reads in one request each ({@link SafetyScreen#MAX_CHARACTERS}): the whole
     * text when it fits, else parts that end at a line break or space where one is near, overlapping by {@link
     * #PART_OVERLAP} characters, so that every character is read and a passage across a part's end is read whole in
     * the next part.
     */
    static List<int[]> partsOf(String text) {
        int max = SafetyScreen.MAX_CHARACTERS;
        if (text.length() <= max) {
            return List.of(new int[] {0, text.length()});
        }
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = Math.min(text.length(), start + max);
            if (end < text.length()) {
                int lineBreak = text.lastIndexOf('\n', end - 1);
                int space = text.lastIndexOf(' ', end - 1);
                int at = lineBreak > end - PART_OVERLAP ? lineBreak + 1 : space > end - PART_OVERLAP ? space + 1 : end;
                end = Math.max(at, start + PART_OVERLAP + 1);
            }
            parts.add(new int[] {start, end});
            if (end == text.length()) {
                return parts;
            }
            start = end - PART_OVERLAP;
        }
    }
}

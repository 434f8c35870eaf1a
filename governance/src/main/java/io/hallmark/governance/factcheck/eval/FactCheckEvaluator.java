package io.hallmark.governance.factcheck.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallmark.governance.factcheck.Claim;
import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.Evidence;
import io.hallmark.governance.factcheck.EvidenceSource;
import io.hallmark.governance.factcheck.FactChecker;
import io.hallmark.governance.factcheck.Verdict;
import io.hallmark.governance.factcheck.Verifier;
import io.hallmark.governance.factcheck.Vote;
import io.hallmark.governance.factcheck.VoteCombiner;
import io.hallmark.governance.factcheck.train.VerdictFeatures;
import io.hallmark.governance.factcheck.train.VerdictModel;
import io.hallmark.governance.factcheck.verify.TextSignals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import opennlp.tools.util.Span;
import org.jspecify.annotations.Nullable;

/**
 * Runs the verifiers over labelled claims once and scores every verifier alone, every combiner and two baselines
 * on the same votes: Climate-FEVER style 3-class verification (DISPUTED claims are reported apart, as the
 * distribution of what each system answered) and HaluEval-QA hallucination detection (balanced accuracy; an
 * answer counts as flagged when it is not SUPPORTED).
 */
public final class FactCheckEvaluator {

    /** The gold label of a hallucinated HaluEval answer. */
    public static final String HALLUCINATED = "HALLUCINATED";
    /** The share of a claim's words the BM25 baseline's top passage must contain to call it supported. */
    public static final double OVERLAP_BASELINE_COVERAGE = 0.5;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Claims judged per batch (each verifier embeds a batch's claims and passages in one call). */
    private static final int BATCH = 100;

    /** One scored claim: its evidence, the verifiers' votes and the overlap baseline's verdict. */
    public record Case(String id, Claim claim, List<Evidence> evidence, List<Vote> votes, String gold,
            Verdict overlapBaseline) {}

    private final List<Verifier> verifiers;
    private final Consumer<String> progress;

    public FactCheckEvaluator(List<Verifier> verifiers, Consumer<String> progress) {
        this.verifiers = List.copyOf(verifiers);
        this.progress = progress;
    }

    /** Retrieves evidence and collects the votes for labelled claims; {@code bm25} feeds the overlap baseline. */
    public List<Case> run(List<LabeledClaim> claims, EvidenceSource evidence, EvidenceSource bm25, int k) {
        List<Case> cases = new ArrayList<>();
        for (int from = 0; from < claims.size(); from += BATCH) {
            List<LabeledClaim> batch = claims.subList(from, Math.min(claims.size(), from + BATCH));
            List<Claim> texts = batch.stream().map(lc -> Claim.of(lc.text())).toList();
            List<List<Evidence>> found = evidence.findAll(texts, k);
            List<List<Evidence>> top = bm25.findAll(texts, 1);
            List<List<Vote>> votes = FactChecker.votes(verifiers, texts, found);
            for (int i = 0; i < batch.size(); i++) {
                cases.add(new Case(batch.get(i).id(), texts.get(i), found.get(i), votes.get(i), batch.get(i).label(),
                        overlap(texts.get(i), top.get(i))));
            }
            progress.accept(cases.size() + " of " + claims.size() + " claims");
        }
        return cases;
    }

    /**
     * HaluEval-QA: every item gives two cases, the right answer (gold SUPPORTED) and the hallucinated one (gold
     * {@link #HALLUCINATED}), each checked against the item's knowledge paragraph split into sentences.
     */
    public List<Case> runHaluEval(Path file, ClaimExtractor sentences) {
        List<String> ids = new ArrayList<>();
        List<Claim> claims = new ArrayList<>();
        List<List<Evidence>> evidence = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        try {
            for (String row : Files.readAllLines(file)) {
                if (row.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(row);
                String knowledge = n.path("knowledge").asText("");
                List<Evidence> passages = new ArrayList<>();
                int i = 0;
                for (Span s : sentences.sentences(knowledge)) {
                    String text = knowledge.substring(s.getStart(), s.getEnd()).strip();
                    if (!text.isEmpty()) {
                        passages.add(new Evidence(n.path("id").asText() + "#" + i, n.path("id").asText(), "", text,
                                1.0 / (1 + i)));
                        i++;
                    }
                }
                for (String field : List.of("right_answer", "hallucinated_answer")) {
                    String answer = n.path(field).asText("").strip();
                    if (answer.isEmpty()) {
                        continue;
                    }
                    ids.add(n.path("id").asText() + (field.startsWith("right") ? "/right" : "/hallucinated"));
                    claims.add(Claim.of(answer));
                    evidence.add(passages);
                    gold.add(field.startsWith("right") ? "SUPPORTED" : HALLUCINATED);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<Case> cases = new ArrayList<>();
        for (int from = 0; from < claims.size(); from += BATCH) {
            int to = Math.min(claims.size(), from + BATCH);
            List<List<Vote>> votes = FactChecker.votes(verifiers, claims.subList(from, to), evidence.subList(from, to));
            for (int i = from; i < to; i++) {
                cases.add(new Case(ids.get(i), claims.get(i), evidence.get(i), votes.get(i - from), gold.get(i),
                        overlap(claims.get(i), evidence.get(i))));
            }
            progress.accept(cases.size() + " of " + claims.size() + " answers");
        }
        return cases;
    }

    private static Verdict overlap(Claim claim, List<Evidence> evidence) {
        TextSignals c = TextSignals.of(claim.text());
        double best = 0;
        for (Evidence e : evidence) {
            best = Math.max(best, c.coverageBy(TextSignals.of(e.text())));
        }
        return best >= OVERLAP_BASELINE_COVERAGE ? Verdict.SUPPORTED : Verdict.NOT_ENOUGH_INFO;
    }

    /** Training examples for the verdict model (DISPUTED claims left out; hallucinated answers as REFUTED). */
    public static List<VerdictModel.Example> examples(List<Case> cases) {
        List<VerdictModel.Example> out = new ArrayList<>();
        for (Case c : cases) {
            Verdict label = gold(c.gold());
            if (label != null) {
                out.add(new VerdictModel.Example(VerdictFeatures.of(c.evidence(), c.votes()), label));
            }
        }
        return out;
    }

    /** The votes of the cases {@link #examples} keeps, in the same order (for tuning the weighted vote). */
    public static List<List<Vote>> exampleVotes(List<Case> cases) {
        return cases.stream().filter(c -> gold(c.gold()) != null).map(Case::votes).toList();
    }

    private static @Nullable Verdict gold(String label) {
        return switch (label) {
            case "SUPPORTED" -> Verdict.SUPPORTED;
            case "REFUTED", HALLUCINATED -> Verdict.REFUTED;
            case "NOT_ENOUGH_INFO" -> Verdict.NOT_ENOUGH_INFO;
            default -> null;
        };
    }

    /** Every system's predictions, by name: each verifier, each combiner, and the baselines. */
    public Map<String, List<Verdict>> predictions(List<Case> cases, List<VoteCombiner> combiners, Verdict majority) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        out.put("baseline-majority", cases.stream().map(c -> majority).toList());
        out.put("baseline-bm25-overlap", cases.stream().map(Case::overlapBaseline).toList());
        for (int i = 0; i < verifiers.size(); i++) {
            int at = i;
            out.put(verifiers.get(i).name(), cases.stream().map(c -> c.votes().get(at).verdict()).toList());
        }
        for (VoteCombiner combiner : combiners) {
            out.put("ensemble-" + combiner.name(), cases.stream()
                    .map(c -> combiner.combine(c.claim(), c.evidence(), c.votes()).verdict()).toList());
        }
        return out;
    }

    /** The Climate-FEVER report: 3-class scores per system, and what each answered on DISPUTED claims. */
    public Map<String, Object> climateFeverReport(List<Case> cases, List<VoteCombiner> combiners, Verdict majority) {
        Map<String, List<Verdict>> predicted = predictions(cases, combiners, majority);
        List<Integer> scored = new ArrayList<>();
        List<Integer> disputed = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            (gold(cases.get(i).gold()) == null ? disputed : scored).add(i);
        }
        List<Verdict> gold = scored.stream().map(i -> gold(cases.get(i).gold())).toList();
        Map<String, Object> systems = new LinkedHashMap<>();
        predicted.forEach((name, p) -> {
            Map<String, Object> m = new LinkedHashMap<>(ClassScores.of(gold, scored.stream().map(p::get).toList())
                    .describe());
            Map<String, Integer> onDisputed = new LinkedHashMap<>();
            for (Verdict v : Verdict.values()) {
                onDisputed.put(v.name(), (int) disputed.stream().filter(i -> p.get(i) == v).count());
            }
            m.put("onDisputed", onDisputed);
            systems.put(name, m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("claimsScored", scored.size());
        out.put("claimsDisputed", disputed.size());
        out.put("systems", systems);
        return out;
    }

    /** The HaluEval-QA report: balanced accuracy of flagging hallucinated answers, per system. */
    public Map<String, Object> haluEvalReport(List<Case> cases, List<VoteCombiner> combiners) {
        Map<String, List<Verdict>> predicted = predictions(cases, combiners, Verdict.SUPPORTED);
        predicted.remove("baseline-majority"); // a constant answer scores 0.5 by construction
        Map<String, Object> systems = new LinkedHashMap<>();
        predicted.forEach((name, p) -> {
            int tp = 0;
            int fn = 0;
            int tn = 0;
            int fp = 0;
            for (int i = 0; i < cases.size(); i++) {
                boolean hallucinated = cases.get(i).gold().equals(HALLUCINATED);
                boolean flagged = p.get(i) != Verdict.SUPPORTED;
                if (hallucinated) {
                    if (flagged) {
                        tp++;
                    } else {
                        fn++;
                    }
                } else if (flagged) {
                    fp++;
                } else {
                    tn++;
                }
            }
            double tpr = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double tnr = tn + fp == 0 ? 0 : (double) tn / (tn + fp);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("balancedAccuracy", ClassScores.round((tpr + tnr) / 2));
            m.put("hallucinationRecall", ClassScores.round(tpr));
            m.put("rightAnswerRecall", ClassScores.round(tnr));
            m.put("confusion", Map.of("tp", tp, "fn", fn, "tn", tn, "fp", fp));
            systems.put(name, m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answers", cases.size());
        out.put("systems", systems);
        return out;
    }

    /** The most common label of a claims file (the majority-class baseline is fitted on dev). */
    public static Verdict majority(List<LabeledClaim> claims) {
        Map<Verdict, Integer> counts = new LinkedHashMap<>();
        for (LabeledClaim c : claims) {
            Verdict v = gold(c.label());
            if (v != null) {
                counts.merge(v, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Verdict.NOT_ENOUGH_INFO);
    }
}

package io.hallmark.app;

import io.hallmark.governance.factcheck.ClaimExtractor;
import io.hallmark.governance.factcheck.eval.CheckWorthinessEvaluation;
import io.hallmark.governance.ml.EvalData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hallmark eval claims}: precision and recall of claim extraction as a check-worthiness detector
 * ({@link CheckWorthinessEvaluation}: Climate-FEVER claims and HaluEval-QA answers and knowledge sentences against
 * Tiny Shakespeare and written children's stories).
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Score claim extraction on the check-worthiness set: Climate-FEVER claims and HaluEval-QA "
                + "statements (check-worthy) against Tiny Shakespeare dialogue and children's stories (not).")
final class ClaimsEvalCommand implements Callable<Integer> {

    @Option(names = "--split", required = true, paramLabel = "dev|test", description = "Which split to score.")
    String split;

    @Option(names = "--eval-dir", paramLabel = "DIR",
            description = "The shared eval folder (default ../shared/eval, or HALLMARK_EVAL_DIR).")
    @Nullable Path evalDir;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!split.equals("dev") && !split.equals("test")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--split must be dev or test, not '" + split
                    + "'");
        }
        CheckWorthinessEvaluation evaluation = new CheckWorthinessEvaluation(new ClaimExtractor());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("split", split);
        doc.putAll(evaluation.evaluate(evaluation.items(new EvalData(EvalCommand.evalDir(evalDir)), split)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, doc);
        } else {
            doc.forEach((k, v) -> out.println(k + ": " + v));
            out.flush();
        }
        return 0;
    }
}

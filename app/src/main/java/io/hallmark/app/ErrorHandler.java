package io.hallmark.app;

import io.hallmark.api.HallmarkException;
import io.hallmark.core.config.ConfigException;
import io.hallmark.retrieval.InvalidRetrievalRequestException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one clear line on stderr and an exit code: 2 for a bad
 * setting (like a bad option value), 1 for everything else. Stack traces only with {@code HALLMARK_DEBUG=1}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int FAILURE = 1;
    static final int USAGE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("hallmark: error: " + message(e));
        if ("1".equals(System.getenv("HALLMARK_DEBUG"))) {
            e.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return e instanceof ConfigException || e instanceof IllegalArgumentException
                || e instanceof InvalidRetrievalRequestException ? USAGE : FAILURE;
    }

    private static String message(Exception e) {
        if (e instanceof HallmarkException || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}

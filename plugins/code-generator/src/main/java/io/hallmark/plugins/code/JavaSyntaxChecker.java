package io.hallmark.plugins.code;

import com.sun.source.util.JavacTask;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Checks that Java source parses, with the JDK's own compiler ({@code javax.tools}) in parse-only mode: syntax
 * errors are found without resolving imports or types, so a snippet needs no class path. A snippet that is not a
 * compilation unit (statements only) is also tried wrapped in a class and a method.
 */
public final class JavaSyntaxChecker {

    /** One syntax error: 1-based line and column in the checked code, and the compiler's message. */
    public record SyntaxError(long line, long column, String message) {}

    private JavaSyntaxChecker() {}

    /** The syntax errors of {@code code}; empty when it parses. */
    public static List<SyntaxError> check(String code) {
        List<SyntaxError> direct = parse(code, 0);
        if (direct.isEmpty()) {
            return direct;
        }
        List<SyntaxError> asMembers = parse("class Snippet {\n" + code + "\n}", 1);
        if (asMembers.isEmpty()) {
            return asMembers;
        }
        List<SyntaxError> asStatements = parse("class Snippet { void run() throws Exception {\n" + code + "\n} }", 1);
        return asStatements.isEmpty() ? asStatements : direct;
    }

    private static List<SyntaxError> parse(String code, int linesAdded) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("Java syntax checks need a JDK (javax.tools has no compiler in this runtime)");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        JavacTask task = (JavacTask) compiler.getTask(new StringWriter(), null, diagnostics,
                List.of("-proc:none", "-Xlint:none"), null, List.of(source));
        try {
            task.parse();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot parse the snippet: " + e.getMessage(), e);
        }
        List<SyntaxError> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(new SyntaxError(Math.max(1, d.getLineNumber() - linesAdded), d.getColumnNumber(),
                        d.getMessage(Locale.ROOT)));
            }
        }
        return errors;
    }
}

package io.hallmark.plugins.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CodeReviewTest {

    @Test
    void theFirstFencedBlockIsTheCode() {
        CodeExtractor.Extracted e = CodeExtractor.extract("Here you go:\n```java\nclass A {}\n```\nEnjoy.");
        assertThat(e.code()).isEqualTo("class A {}");
        assertThat(e.fenceLanguage()).isEqualTo("java");
        assertThat(CodeExtractor.extract("  x = 1\n\n").code()).isEqualTo("x = 1");
        assertThat(CodeExtractor.extract("```\nunterminated\nfence").code()).isEqualTo("unterminated\nfence");
    }

    @Test
    void languagesAreToldApartByTheirConstructs() {
        assertThat(LanguageDetector.detect("public class Hello {\n  public static void main(String[] a) {\n"
                + "    System.out.println(\"hi\");\n  }\n}")).isEqualTo("java");
        assertThat(LanguageDetector.detect("def add(a, b):\n    return a + b\nprint(add(1, 2))")).isEqualTo("python");
        assertThat(LanguageDetector.detect("const add = (a, b) => a + b;\nconsole.log(add(1, 2));")).isEqualTo("javascript");
        assertThat(LanguageDetector.detect("SELECT name FROM users WHERE id = 1;")).isEqualTo("sql");
        assertThat(LanguageDetector.detect("#!/bin/bash\necho \"$HOME\"")).isEqualTo("shell");
        assertThat(LanguageDetector.detect("Once upon a time")).isEqualTo("unknown");
    }

    @Test
    void javaSyntaxErrorsAreFoundWithTheirLineAndSnippetsOfStatementsParse() {
        assertThat(JavaSyntaxChecker.check("class A { int x = 1; }")).isEmpty();
        assertThat(JavaSyntaxChecker.check("int x = 1;\nSystem.out.println(x);")).isEmpty();
        assertThat(JavaSyntaxChecker.check("void f() { return; }")).isEmpty();
        List<JavaSyntaxChecker.SyntaxError> errors = JavaSyntaxChecker.check("class A {\n  void f() {\n    int x = ;\n  }\n}");
        assertThat(errors).isNotEmpty();
        assertThat(errors.getFirst().line()).isEqualTo(3);
    }

    @Test
    void findingsFlagSecretsDangerousApisSqlFromStringsAndLicenceHeaders() {
        String code = String.join("\n",
                "// SPDX-License-Identifier: GPL-3.0-only",
                "String password = \"hunter22secret\";",
                "String key = \"AKIAABCDEFGHIJKLMNOP\";",
                "Runtime.getRuntime().exec(cmd);",
                "var in = new ObjectInputStream(socket.getInputStream());",
                "stmt.executeQuery(\"SELECT * FROM users WHERE name = '\" + name + \"'\");",
                "int safe = 1;");
        List<CodeFindings.Finding> findings = CodeFindings.scan(code);
        assertThat(findings).extracting(CodeFindings.Finding::kind)
                .contains("licence-header", "secret", "dangerous-api", "sql-injection");
        assertThat(findings).filteredOn(f -> f.kind().equals("sql-injection")).extracting(CodeFindings.Finding::line)
                .containsOnly(6);
        assertThat(findings).noneMatch(f -> f.line() == 7);
        assertThat(CodeFindings.scan("f\"SELECT * FROM t WHERE id = {user_id}\"")).extracting(CodeFindings.Finding::kind)
                .containsExactly("sql-injection");
    }

    @Test
    void theCodePromptOpensAFencedBlockWithTheTaskAsAComment() {
        assertThat(LlamaCodeGenerator.codePrompt("add two numbers", "python")).isEqualTo("```python\n# add two numbers\n");
        assertThat(LlamaCodeGenerator.codePrompt("a\nb", "java")).isEqualTo("```java\n// a\n// b\n");
    }
}

package dev.descent.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One command-line run through {@link DescentCli#run(PrintWriter, PrintWriter, String...)}. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DescentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> outLines() {
        return Arrays.asList(out.split("\\R"));
    }

    /** Exit 2 with exactly one "error: ..." line that contains {@code fragment}, and no stack trace. */
    CliRun assertBadInput(String fragment) {
        assertEquals(DescentCli.EXIT_BAD_INPUT, code, "exit code; stderr: " + err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), "one stderr line, was: " + err);
        assertTrue(lines.get(0).startsWith("error: "), lines.get(0));
        assertTrue(lines.get(0).contains(fragment), "'" + fragment + "' in: " + lines.get(0));
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        return this;
    }

    CliRun assertOk() {
        assertEquals(0, code, "exit code; stderr: " + err);
        assertEquals("", err);
        return this;
    }
}

package dev.descent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return DescentCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void jsonHasTheIssuesShape() throws Exception {
        int code = run("bench", "--json", "--shape", "8x4x6", "--shape", "3x2x5x7", "--runs", "1",
                "--min-run-ms", "0", "--warmup-ms", "0");
        assertEquals(0, code, err.toString());
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(List.of("gemm", "training", "skipped"), iterate(root.fieldNames()));
        List<JsonNode> cpu = new java.util.ArrayList<>();
        root.get("gemm").forEach(row -> {
            if (row.get("backend").asText().equals("cpu")) {
                cpu.add(row);
            }
        });
        assertEquals(2, cpu.size(), root.toString());
        JsonNode first = cpu.get(0);
        assertEquals(List.of("backend", "m", "n", "k", "batch", "gflops"), iterate(first.fieldNames()));
        assertEquals(8, first.get("m").asInt());
        assertEquals(6, first.get("n").asInt());
        assertEquals(4, first.get("k").asInt());
        assertEquals(1, first.get("batch").asInt());
        assertTrue(first.get("gflops").asDouble() > 0);
        assertEquals(7, cpu.get(1).get("batch").asInt());
        assertTrue(root.get("training").isArray());
        assertTrue(root.get("skipped").isArray());
        root.get("skipped").forEach(row -> {
            assertEquals(List.of("backend", "reason"), iterate(row.fieldNames()));
            assertTrue(!row.get("reason").asText().isBlank(), row.toString());
        });
    }

    @Test
    void tableNamesTheBackendInUse() {
        assertEquals(0, run("bench", "--shape", "4x4x4", "--runs", "1", "--min-run-ms", "0", "--warmup-ms", "0"), err.toString());
        assertTrue(out.toString().startsWith("cpu (OpenBLAS 0.3.28, "), out.toString());
        assertTrue(out.toString().contains("[4x4]·[4x4]"), out.toString());
    }

    @Test
    void cpuTimeClockMeasuresToo() throws Exception {
        assertEquals(0, run("bench", "--json", "--cpu-time", "--shape", "16x16x16", "--runs", "1",
                "--min-run-ms", "1", "--warmup-ms", "1"), err.toString());
        JsonNode row = new ObjectMapper().readTree(out.toString()).get("gemm").get(0);
        assertTrue(row.get("gflops").asDouble() > 0, row.toString());
    }

    @Test
    void badShapeIsOneErrorLineAndExitTwo() {
        assertEquals(2, run("bench", "--shape", "4x4"));
        assertEquals("error: shape must be MxKxN or MxKxNxBATCH, was '4x4'", err.toString().strip());
        assertEquals("", out.toString());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

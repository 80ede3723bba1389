package dev.descent.core.bench;

import dev.descent.core.config.ConfigException;

import java.util.List;
import java.util.Locale;

/**
 * A benchmarked GEMM shape: {@code batch} products of an m x k by a k x n matrix, row-major.
 */
public record GemmShape(int m, int n, int k, int batch) {

    /** Square sizes and the MLP shapes of the issue: forward, wide forward, X^T dZ, batched forward, tiny batched. */
    public static final List<GemmShape> STANDARD = List.of(
            new GemmShape(128, 128, 128, 1),
            new GemmShape(256, 256, 256, 1),
            new GemmShape(512, 512, 512, 1),
            new GemmShape(1024, 1024, 1024, 1),
            new GemmShape(256, 64, 64, 1),
            new GemmShape(1024, 256, 256, 1),
            new GemmShape(64, 64, 1024, 1),
            new GemmShape(256, 64, 64, 64),
            new GemmShape(200, 16, 2, 4096));

    public GemmShape {
        if (m < 1 || n < 1 || k < 1) {
            throw new ConfigException("shape sizes must be >= 1, was m=" + m + " n=" + n + " k=" + k);
        }
        if (batch < 1) {
            throw new ConfigException("batch must be >= 1, was " + batch);
        }
        if ((long) batch * Math.max((long) m * k, Math.max((long) k * n, (long) m * n)) > Integer.MAX_VALUE) {
            throw new ConfigException("shape " + m + "x" + k + "x" + n + "x" + batch + " needs more than 2^31 floats per operand");
        }
    }

    /**
     * Parses {@code MxKxN} or {@code MxKxNxBATCH} (m x k times k x n), e.g. "256x64x64x64".
     *
     * @throws ConfigException naming the text when it is not such a shape
     */
    public static GemmShape parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 3 && parts.length != 4) {
            throw new ConfigException("shape must be MxKxN or MxKxNxBATCH, was '" + text + "'");
        }
        try {
            int m = Integer.parseInt(parts[0]);
            int k = Integer.parseInt(parts[1]);
            int n = Integer.parseInt(parts[2]);
            int batch = parts.length == 4 ? Integer.parseInt(parts[3]) : 1;
            return new GemmShape(m, n, k, batch);
        } catch (NumberFormatException e) {
            throw new ConfigException("shape must be MxKxN or MxKxNxBATCH with integers, was '" + text + "'");
        }
    }

    /** Multiply-adds times two for the whole batch. */
    public double flops() {
        return 2.0 * m * n * k * batch;
    }

    /** "[256x64]·[64x64] x64" style label. */
    public String label() {
        return "[" + m + "x" + k + "]·[" + k + "x" + n + "]" + (batch > 1 ? " x" + batch : "");
    }
}

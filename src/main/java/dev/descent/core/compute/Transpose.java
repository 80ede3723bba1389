package dev.descent.core.compute;

/** Whether a GEMM operand is used as stored or transposed. */
public enum Transpose {
    NO, YES;

    public boolean transposed() {
        return this == YES;
    }
}

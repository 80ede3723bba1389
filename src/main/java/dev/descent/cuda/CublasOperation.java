package dev.descent.cuda;

/** cuBLAS's {@code cublasOperation_t} for real matrices, with its numeric code. */
public enum CublasOperation {
    /** {@code CUBLAS_OP_N}: the operand as stored. */
    N(0),
    /** {@code CUBLAS_OP_T}: the operand transposed. */
    T(1);

    private final int code;

    CublasOperation(int code) {
        this.code = code;
    }

    /** The value of {@code cublasOperation.CUBLAS_OP_N} / {@code CUBLAS_OP_T}. */
    public int code() {
        return code;
    }
}

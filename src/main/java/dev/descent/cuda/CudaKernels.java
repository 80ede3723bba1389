package dev.descent.cuda;

import dev.descent.core.compute.Activation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** The kernels of {@code kernels.cu}: their names, the activation codes, the source and its compile options. */
final class CudaKernels {

    /** The CUDA C source, a class-path resource. */
    static final String RESOURCE = "/dev/descent/cuda/kernels.cu";

    /**
     * NVRTC options: no fused multiply-add contraction, so {@code a * b + c} rounds twice as
     * the CPU kernels do. No architecture option: NVRTC's default PTX target is JIT-compiled
     * by the driver for whatever device is present.
     */
    static final List<String> COMPILE_OPTIONS = List.of("--fmad=false");

    /** Bit of the bad-index flag set by {@code gather_rows} for a row index outside the source. */
    static final int BAD_ROW_INDEX = 1;
    /** Bit of the bad-index flag set by {@code softmax_cross_entropy} for a target class out of range. */
    static final int BAD_TARGET_CLASS = 2;

    /** One {@code extern "C" __global__} function each. */
    enum Kernel {
        SCALE_BATCHED, ADD_BIAS, ACTIVATION_FORWARD, ACTIVATION_BACKWARD, PRELU_SLOPE_GRADIENT,
        SOFTMAX_CROSS_ENTROPY, BINARY_CROSS_ENTROPY, SQUARED_ERROR, COLUMN_SUMS, BATCH_NORM_STATISTICS,
        BATCH_NORM_FORWARD, BATCH_NORM_BACKWARD, MULTIPLY_MASK, GATHER_ROWS;

        /** The function's name in the source ("add_bias"). */
        String cudaName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private CudaKernels() {
    }

    /** The source text of {@link #RESOURCE}. */
    static String source() {
        try (InputStream in = CudaKernels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + RESOURCE, e);
        }
    }

    /** The {@code ACT_*} code of {@code kernels.cu} for {@code f}. */
    static int activationCode(Activation f) {
        return switch (f) {
            case IDENTITY -> 0;
            case BINARY_STEP -> 1;
            case SIGMOID -> 2;
            case TANH -> 3;
            case ARCTAN -> 4;
            case SOFTSIGN -> 5;
            case RELU -> 6;
            case LEAKY_RELU -> 7;
            case PRELU -> 8;
            case RRELU -> 9;
            case ELU -> 10;
            case SELU -> 11;
            case SOFTPLUS -> 12;
            case HARDTANH -> 13;
            case GELU -> 14;
            case SILU -> 15;
        };
    }
}

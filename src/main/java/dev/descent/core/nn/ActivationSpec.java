package dev.descent.core.nn;

import dev.descent.core.compute.Activation;
import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The hidden-layer activation and its one scalar: alpha of leaky_relu (default 0.01, torch)
 * and elu (1.0), the initial alpha of prelu (0.25, torch). RReLU uses torch's bounds
 * lower = 1/8, upper = 1/3: slopes ~ U(lower, upper) in training, (lower+upper)/2 at inference.
 */
public record ActivationSpec(Activation function, double alpha) {

    public static final double RRELU_LOWER = 1.0 / 8;
    public static final double RRELU_UPPER = 1.0 / 3;

    public ActivationSpec {
        if (function == null) {
            throw new ConfigException("activation must not be null");
        }
        if (!Double.isFinite(alpha)) {
            throw new ConfigException("activation: alpha must be finite, was " + alpha);
        }
    }

    public static ActivationSpec of(Activation function) {
        return new ActivationSpec(function, defaultAlpha(function));
    }

    /** Parses {@code "relu"}, {@code "leaky_relu alpha=0.2"}, {@code "elu alpha=1"}, {@code "prelu alpha=0.25"}. */
    public static ActivationSpec parse(String text) {
        Spec spec = Spec.parse(text);
        Activation f = Arrays.stream(Activation.values()).filter(a -> a.cliName().equals(spec.name()))
                .findFirst().orElseThrow(() -> new ConfigException("unknown activation '" + spec.name()
                        + "'; known: " + Arrays.stream(Activation.values()).map(Activation::cliName)
                        .collect(Collectors.joining(", "))));
        Params p = Params.of(spec);
        double alpha = defaultAlpha(f);
        if (f == Activation.LEAKY_RELU || f == Activation.ELU || f == Activation.PRELU) {
            alpha = p.getDouble("alpha", alpha);
        }
        p.rejectUnknown();
        return new ActivationSpec(f, alpha);
    }

    private static double defaultAlpha(Activation f) {
        return switch (f) {
            case LEAKY_RELU -> 0.01;
            case ELU -> 1.0;
            case PRELU -> 0.25;
            case RRELU -> (RRELU_LOWER + RRELU_UPPER) / 2;
            default -> 0;
        };
    }

    /** The scalar the backend's {@code param} receives at inference. */
    public float param() {
        return (float) alpha;
    }

    @Override
    public String toString() {
        return function.cliName() + (alpha != defaultAlpha(function) ? " alpha=" + alpha : "");
    }
}

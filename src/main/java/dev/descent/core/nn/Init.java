package dev.descent.core.nn;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Params;
import dev.descent.core.config.Spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * How the weights of a dense layer (fan_in inputs, fan_out outputs) and its bias start.
 * <pre>
 *   zeros            W = 0                                    (the symmetry demo: hidden units stay equal)
 *   constant         W = value
 *   normal           W ~ N(0, std^2)
 *   uniform          W ~ U(-a, a)
 *   glorot_uniform   W ~ U(-a, a),  a = sqrt(6 / (fan_in + fan_out))    Glorot and Bengio 2010
 *   glorot_normal    W ~ N(0, 2 / (fan_in + fan_out))
 *   he_uniform       W ~ U(-a, a),  a = sqrt(6 / fan_in)                 He et al. 2015
 *   he_normal        W ~ N(0, 2 / fan_in)
 *   lecun_uniform    W ~ U(-a, a),  a = sqrt(3 / fan_in)                 LeCun et al. 1998
 *   lecun_normal     W ~ N(0, 1 / fan_in)
 *   torch            W ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))  (kaiming_uniform_ with a = sqrt 5),
 *                    b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))  (nn.Linear.reset_parameters)
 * </pre>
 * Every kind but {@code torch} sets the bias to the constant {@code bias} (default 0; 0.1 is
 * the usual choice with ReLU). Normals are not truncated. xavier_* are synonyms of glorot_*,
 * kaiming_* of he_*, default of torch.
 *
 * @param kind  the rule
 * @param value constant's value, normal's std, or uniform's a (ignored by the other kinds)
 * @param bias  the constant bias (ignored by {@code torch})
 */
public record Init(Kind kind, double value, double bias) {

    /** The initialisation rules. */
    public enum Kind {
        ZEROS, CONSTANT, NORMAL, UNIFORM, GLOROT_UNIFORM, GLOROT_NORMAL, HE_UNIFORM, HE_NORMAL,
        LECUN_UNIFORM, LECUN_NORMAL, TORCH;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Init {
        if (kind == null) {
            throw new ConfigException("init: kind must not be null");
        }
        if (!Double.isFinite(value)) {
            throw new ConfigException("init: value must be finite, was " + value);
        }
        if ((kind == Kind.NORMAL || kind == Kind.UNIFORM) && !(value >= 0)) {
            throw new ConfigException("init: " + (kind == Kind.NORMAL ? "std" : "a") + " must be >= 0, was " + value);
        }
        if (!Double.isFinite(bias)) {
            throw new ConfigException("init: bias must be finite, was " + bias);
        }
    }

    /** torch's default for nn.Linear. */
    public static Init torchDefault() {
        return new Init(Kind.TORCH, 0, 0);
    }

    /**
     * Parses {@code "he_normal bias=0.1"}, {@code "normal std=0.01"}, {@code "uniform a=0.05"},
     * {@code "constant value=0.5"}.
     */
    public static Init parse(String text) {
        Spec spec = Spec.parse(text);
        Kind kind = kindOf(spec.name());
        Params p = Params.of(spec);
        double value = switch (kind) {
            case CONSTANT -> p.getDouble("value", 0.1);
            case NORMAL -> p.getDouble("std", 0.01);
            case UNIFORM -> p.getDouble("a", 0.05);
            default -> 0;
        };
        double bias = kind == Kind.TORCH ? 0 : p.getDouble("bias", 0);
        p.rejectUnknown();
        return new Init(kind, value, bias);
    }

    private static Kind kindOf(String name) {
        String n = name.equals("default") ? "torch" : name.replace("xavier", "glorot").replace("kaiming", "he");
        for (Kind k : Kind.values()) {
            if (k.cliName().equals(n)) {
                return k;
            }
        }
        throw new ConfigException("unknown init '" + name + "'; known: "
                + Arrays.stream(Kind.values()).map(Kind::cliName).collect(Collectors.joining(", ")));
    }

    /** The variance of one weight under this rule (closed form; 0 for constants). */
    public double weightVariance(int fanIn, int fanOut) {
        return switch (kind) {
            case ZEROS, CONSTANT -> 0;
            case NORMAL -> value * value;
            case UNIFORM -> value * value / 3;
            case GLOROT_UNIFORM, GLOROT_NORMAL -> 2.0 / (fanIn + fanOut);
            case HE_UNIFORM, HE_NORMAL -> 2.0 / fanIn;
            case LECUN_UNIFORM, LECUN_NORMAL -> 1.0 / fanIn;
            case TORCH -> 1.0 / (3.0 * fanIn);
        };
    }

    /**
     * Fills a layer's weights and bias.
     *
     * @param weights fan_in x fan_out, row-major. Modified.
     * @param bias    fan_out. Modified.
     */
    public void fill(double[] weights, double[] bias, int fanIn, int fanOut, RandomGenerator random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sample(fanIn, fanOut, random);
        }
        double bound = 1 / Math.sqrt(fanIn);
        for (int j = 0; j < bias.length; j++) {
            bias[j] = kind == Kind.TORCH ? uniform(bound, random) : this.bias;
        }
    }

    private double sample(int fanIn, int fanOut, RandomGenerator random) {
        return switch (kind) {
            case ZEROS -> 0;
            case CONSTANT -> value;
            case NORMAL -> value * random.nextGaussian();
            case UNIFORM -> uniform(value, random);
            case GLOROT_UNIFORM, HE_UNIFORM, LECUN_UNIFORM, TORCH -> uniform(Math.sqrt(3 * weightVariance(fanIn, fanOut)), random);
            case GLOROT_NORMAL, HE_NORMAL, LECUN_NORMAL -> Math.sqrt(weightVariance(fanIn, fanOut)) * random.nextGaussian();
        };
    }

    private static double uniform(double a, RandomGenerator random) {
        return a * (2 * random.nextDouble() - 1);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> "constant value=" + value + " bias=" + bias;
            case NORMAL -> "normal std=" + value + " bias=" + bias;
            case UNIFORM -> "uniform a=" + value + " bias=" + bias;
            case TORCH -> "torch";
            default -> kind.cliName() + " bias=" + bias;
        };
    }
}

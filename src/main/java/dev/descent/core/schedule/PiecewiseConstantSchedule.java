package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.Arrays;
import java.util.List;

/**
 * Piecewise-constant rates given outright (Keras {@code PiecewiseConstantDecay}; torch has no
 * built-in): with boundaries b_1 < ... < b_n and values v_0 ... v_n,
 * <pre>
 *   lr_t = v_i   where i = number of boundaries b with b <= t
 * </pre>
 * so the switch happens at step index t = b, as {@code multistep}'s milestones. The values are
 * the rates themselves: the optimizer's own lr is not used.
 */
public final class PiecewiseConstantSchedule implements LearningRateSchedule {

    /** @param boundaries increasing steps >= 1; @param values one more than boundaries, each >= 0 */
    public record Config(int[] boundaries, double[] values) {
        public Config {
            boundaries = Checks.increasingSteps("piecewise", "boundaries", boundaries);
            if (values.length != boundaries.length + 1) {
                throw new ConfigException("piecewise: values must have one entry more than boundaries ("
                        + (boundaries.length + 1) + "), was " + values.length);
            }
            for (double v : values) {
                Checks.nonNegative("piecewise", "values", v);
            }
            values = values.clone();
        }

        /** A copy: the record stays immutable. */
        @Override
        public int[] boundaries() {
            return boundaries.clone();
        }

        /** A copy: the record stays immutable. */
        @Override
        public double[] values() {
            return values.clone();
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("piecewise",
            "piecewise: lr_t = values[i], i = boundaries passed by t",
            List.of(
                new HyperParameter("boundaries", Kind.LIST, null, "increasing steps >= 1, ';'-separated",
                        "steps at which the next value starts (\"100;200\")"),
                new HyperParameter("values", Kind.LIST, null, "boundaries+1 rates >= 0, ';'-separated",
                        "the rates themselves (\"0.1;0.01;0.001\")")),
            (p, baseLr, baseMomentum) -> {
                for (String key : new String[] {"boundaries", "values"}) {
                    if (!p.has(key)) {
                        throw new ConfigException("piecewise: " + key + " is required");
                    }
                }
                int[] boundaries = Checks.wholeSteps("piecewise", "boundaries", p.getDoubleList("boundaries"));
                return new PiecewiseConstantSchedule(new Config(boundaries, p.getDoubleList("values")));
            });

    private final int[] boundaries;
    private final double[] values;
    private int t;

    public PiecewiseConstantSchedule(Config config) {
        this.boundaries = config.boundaries();
        this.values = config.values();
    }

    @Override
    public String name() {
        return "piecewise";
    }

    @Override
    public double learningRate() {
        int found = Arrays.binarySearch(boundaries, t);
        int passed = found >= 0 ? found + 1 : -found - 1;
        return values[passed];
    }

    @Override
    public void advance(double monitoredLoss) {
        t++;
    }

    @Override
    public void reset() {
        t = 0;
    }
}

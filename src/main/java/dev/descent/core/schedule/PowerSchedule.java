package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;

/**
 * Power scheduling (Géron, "Hands-On Machine Learning", ch. 11; torch has no built-in,
 * {@code LambdaLR} with this formula gives the same numbers):
 * <pre>
 *   lr_t = lr_0 / (1 + t/s)^c
 * </pre>
 * After s steps the rate is lr_0 / 2^c, after 2s steps lr_0 / 3^c, and so on.
 */
public final class PowerSchedule implements LearningRateSchedule {

    /** @param s steps scale, > 0; @param c power, >= 0 */
    public record Config(double s, double c) {
        public Config {
            Checks.positive("power", "s", s);
            Checks.nonNegative("power", "c", c);
        }
    }

    public static final ScheduleFactory FACTORY = new Factory("power",
            "power: lr_t = lr / (1 + t/s)^c",
            List.of(
                new HyperParameter("s", Kind.DOUBLE, "100", "> 0", "steps until the rate is lr/2^c"),
                new HyperParameter("c", Kind.DOUBLE, "1", ">= 0", "power of the decay")),
            (p, baseLr, baseMomentum) ->
                    new PowerSchedule(baseLr, new Config(p.getDouble("s", 100), p.getDouble("c", 1))));

    private final double baseLr;
    private final Config config;
    private int t;

    public PowerSchedule(double baseLr, Config config) {
        this.baseLr = baseLr;
        this.config = config;
    }

    @Override
    public String name() {
        return "power";
    }

    @Override
    public double learningRate() {
        return baseLr / Math.pow(1 + t / config.s(), config.c());
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

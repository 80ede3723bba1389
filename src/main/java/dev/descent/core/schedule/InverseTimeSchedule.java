package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.HyperParameter.Kind;

import java.util.List;

/**
 * Inverse-time decay, the lecture's "1/t" and "1/t^2" schedules (torch has no built-in;
 * {@code LambdaLR} with this formula gives the same numbers):
 * <pre>
 *   invtime  ("1/t"):   lr_t = lr_0 / (1 + k*t)
 *   invtime2 ("1/t^2"): lr_t = lr_0 / (1 + k*t)^2
 * </pre>
 * With k = 1 and t counted from 1 these are the classic Robbins-Monro step sizes 1/t
 * (sum diverges, sum of squares converges) and the faster 1/t^2.
 */
public final class InverseTimeSchedule implements LearningRateSchedule {

    /**
     * @param k     decay rate per step, >= 0
     * @param power 1 for "1/t", 2 for "1/t^2"
     */
    public record Config(double k, int power) {
        public Config {
            Checks.nonNegative(power == 2 ? "invtime2" : "invtime", "k", k);
            if (power != 1 && power != 2) {
                throw new IllegalArgumentException("power must be 1 or 2, was " + power);
            }
        }
    }

    public static final ScheduleFactory FACTORY = factory("invtime", "1/t", 1);
    public static final ScheduleFactory SQUARED_FACTORY = factory("invtime2", "1/t^2", 2);

    private final double baseLr;
    private final Config config;
    private int t;

    public InverseTimeSchedule(double baseLr, Config config) {
        this.baseLr = baseLr;
        this.config = config;
    }

    @Override
    public String name() {
        return config.power() == 1 ? "invtime" : "invtime2";
    }

    @Override
    public double learningRate() {
        double d = 1 + config.k() * t;
        return config.power() == 1 ? baseLr / d : baseLr / (d * d);
    }

    @Override
    public void advance(double monitoredLoss) {
        t++;
    }

    @Override
    public void reset() {
        t = 0;
    }

    private static ScheduleFactory factory(String name, String alias, int power) {
        return new Factory(name, List.of(alias),
                name + " (\"" + alias + "\"): lr_t = lr / (1 + k*t)" + (power == 2 ? "^2" : ""),
                List.of(new HyperParameter("k", Kind.DOUBLE, "0.01", ">= 0",
                        "decay rate per step (the rate is lr/" + (power == 2 ? "4" : "2") + " at t = 1/k)")),
                (p, baseLr, baseMomentum) -> new InverseTimeSchedule(baseLr, new Config(p.getDouble("k", 0.01), power)));
    }
}

package dev.descent.ui.network;

import dev.descent.core.compute.Backend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.config.Spec;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.TraceSnapshot;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRacerSpec;
import dev.descent.ui.data.PreparedData;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning-rate range test (Smith 2017, "Cyclical Learning Rates for Training Neural
 * Networks", section 3.3): train a fresh copy of one racer for a short run while the rate
 * grows exponentially from {@code minLr} to {@code maxLr},
 * <pre>
 *   lr_t = minLr * (maxLr / minLr)^(t / (steps - 1)),   t = 0 .. steps-1
 * </pre>
 * (an {@code exponential} schedule with {@code gamma = (maxLr/minLr)^(1/(steps-1))}), and
 * record the minibatch loss at each rate. The losses are smoothed with a bias-corrected
 * exponential moving average ({@code beta = 0.9}) as in fastai's {@code lr_find}.
 *
 * <p>Suggestion (documented choice): the max rate for 1cycle is the rate at the lowest
 * smoothed loss divided by 10 (fastai's "lr_min" rule: at the minimum the loss is already about
 * to blow up, so back off by an order of magnitude); the min rate is max / 10. The
 * steepest-descent rule is not used: on short noisy runs its argmax jumps between neighbours.
 * The run stops early once the smoothed loss exceeds 4 times its minimum or is not finite.
 */
public final class LrRangeTest {
    private static final double BETA = 0.9;
    private static final double BLOW_UP = 4;

    private final double minLr;
    private final double maxLr;
    private final int steps;

    /**
     * @param minLr first rate, > 0
     * @param maxLr last rate, > minLr
     * @param steps number of steps, >= 5
     */
    public LrRangeTest(double minLr, double maxLr, int steps) {
        if (!(minLr > 0) || !(maxLr > minLr) || !Double.isFinite(maxLr)) {
            throw new ConfigException("LR range: need 0 < min lr < max lr, were " + minLr + " and " + maxLr);
        }
        if (steps < 5) {
            throw new ConfigException("LR range: steps must be >= 5, was " + steps);
        }
        this.minLr = minLr;
        this.maxLr = maxLr;
        this.steps = steps;
    }

    /** Runs the test for one racer (its optimizer with lr replaced; its init and activation kept). */
    public LrRangeResult run(Backend backend, MlpSpec spec, PreparedData data, SessionRacer racer,
                             TrainingRaceOptions options) {
        Map<String, String> values = new LinkedHashMap<>(racer.spec().optimizer().values());
        values.put("lr", Double.toString(minLr));
        Spec optimizer = new Spec(racer.spec().optimizer().name(), values);
        TrainingRacerSpec rs = new TrainingRacerSpec("lr range", optimizer, racer.spec().init(),
                racer.spec().clipNorm(), racer.spec().clipValue(), null, null);
        MlpSpec s = racer.activation() == null ? spec : spec.withActivation(racer.activation());
        int batch = Math.min(options.batch(), data.train().size());
        int perEpoch = (data.train().size() + batch - 1) / batch;
        double gamma = Math.pow(maxLr / minLr, 1.0 / (steps - 1));
        TrainingRaceOptions o = new TrainingRaceOptions((steps + perEpoch - 1) / perEpoch + 1, options.batch(),
                options.l1(), options.l2(), options.seed(), options.init(),
                Spec.parse("exponential gamma=" + gamma));
        double[] lrs = new double[steps];
        double[] losses = new double[steps];
        java.util.Arrays.fill(losses, Double.NaN);
        int taken = 0;
        try (TrainingRace race = new TrainingRace(backend, s, data.train(), data.validation(), java.util.List.of(rs),
                o, null)) {
            double avg = 0;
            double best = Double.POSITIVE_INFINITY;
            for (int t = 0; t < steps; t++) {
                boolean more = race.step();
                TraceSnapshot trace = race.snapshot().racers().get(0).trace();
                if (trace.size() <= t) {
                    break;
                }
                lrs[t] = trace.value("lr", trace.size() - 1);
                losses[t] = trace.value("loss", trace.size() - 1);
                taken = t + 1;
                avg = BETA * avg + (1 - BETA) * losses[t];
                double smooth = avg / (1 - Math.pow(BETA, t + 1));
                best = Math.min(best, smooth);
                if (!more || !Double.isFinite(smooth) || (t > 5 && smooth > BLOW_UP * best)) {
                    break;
                }
            }
        }
        return analyse(java.util.Arrays.copyOf(lrs, taken), java.util.Arrays.copyOf(losses, taken));
    }

    /** Smooths the losses and picks the suggestion (public for tests with known curves). */
    public static LrRangeResult analyse(double[] lrs, double[] losses) {
        double[] smoothed = new double[losses.length];
        double avg = 0;
        int minIndex = -1;
        for (int t = 0; t < losses.length; t++) {
            avg = BETA * avg + (1 - BETA) * losses[t];
            smoothed[t] = avg / (1 - Math.pow(BETA, t + 1));
            if (Double.isFinite(smoothed[t]) && (minIndex < 0 || smoothed[t] < smoothed[minIndex])) {
                minIndex = t;
            }
        }
        double max = minIndex < 0 ? Double.NaN : lrs[minIndex] / 10;
        return new LrRangeResult(lrs, losses, smoothed, minIndex, max, max / 10);
    }

    /** The 1cycle schedule spec for a suggestion: {@code onecycle max_lr=M total_steps=T}. */
    public static Spec oneCycle(double maxLr, int totalSteps) {
        return oneCycle(maxLr, totalSteps, true);
    }

    /** As {@link #oneCycle(double, int)}, with {@code cycle_momentum=false} when {@code cycleMomentum} is false. */
    public static Spec oneCycle(double maxLr, int totalSteps, boolean cycleMomentum) {
        return Spec.parse(String.format(java.util.Locale.ROOT, "onecycle max_lr=%.6g total_steps=%d div_factor=10%s",
                maxLr, totalSteps, cycleMomentum ? "" : " cycle_momentum=false"));
    }
}

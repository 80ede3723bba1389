package dev.descent.core.optim;

import dev.descent.core.config.Spec;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subnormal first moments and momentum buffers are flushed to a zero of their sign; other values pass through unchanged. */
class FlushSubnormalTest {

    @Test
    void subnormalsBecomeSignedZerosAndOtherValuesKeepTheirBits() {
        double[] kept = {Double.MIN_NORMAL, -Double.MIN_NORMAL, 1.5, -3e-300, 1e300, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 0.0, -0.0, Math.nextUp(Double.MIN_NORMAL)};
        for (double x : kept) {
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(TorchOps.flushSubnormal(x)), "x = " + x);
        }
        double[] flushed = {Double.MIN_VALUE, 4 * Double.MIN_VALUE, Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL / 3};
        for (double x : flushed) {
            assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(TorchOps.flushSubnormal(x)), "x = " + x);
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(TorchOps.flushSubnormal(-x)), "x = " + -x);
        }
    }

    /**
     * Without the flush, Adam's first moment under a gradient that became exactly 0 decays into
     * the subnormals and stays there (0.9 * 4 * 2^-1074 rounds back to 4 * 2^-1074). Second
     * moments are not flushed (they divide the step), so only the flushed state is checked.
     */
    @Test
    void momentsOfADeadWeightReachZeroInsteadOfStickingAmongTheSubnormals() throws Exception {
        String[][] cases = {{"adam", "m"}, {"nadam", "m"}, {"adamax", "m"}, {"sgd momentum=0.9", "buffer"},
                {"sgd momentum=0.9 nesterov=true", "buffer"}, {"rmsprop momentum=0.9 centered=true", "buffer"},
                {"rmsprop centered=true alpha=0.9", "gradAvg"}};
        for (String[] c : cases) {
            Optimizer optimizer = Optimizers.create(Spec.parse(c[0]), 1);
            double[] params = {0.5};
            StepContext context = new StepContext(0.01, 0.9);
            optimizer.stepWithoutTrace(params, new double[]{0.3}, context);
            for (int step = 0; step < 10_000; step++) {
                optimizer.stepWithoutTrace(params, new double[]{0.0}, context);
            }
            double x = state(optimizer, c[1])[0];
            assertEquals(0.0, x, c[0] + ": " + c[1] + " = " + x);
            assertTrue(Double.isFinite(params[0]), c[0]);
        }
    }

    private static double[] state(Optimizer optimizer, String name) throws Exception {
        for (Class<?> c = optimizer.getClass(); c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    field.setAccessible(true);
                    return (double[]) field.get(optimizer);
                }
            }
        }
        throw new AssertionError(optimizer.getClass() + " has no field " + name);
    }
}

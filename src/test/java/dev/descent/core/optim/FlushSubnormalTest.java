package dev.descent.core.optim;

import dev.descent.core.config.Spec;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Subnormal optimizer state is flushed to a zero of its sign; everything else passes through unchanged. */
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
     * the subnormals and stays there (0.9 * 4 * 2^-1074 rounds back to 4 * 2^-1074).
     */
    @Test
    void momentsOfADeadWeightReachZeroInsteadOfStickingAmongTheSubnormals() throws Exception {
        for (String name : new String[]{"adam", "adamw", "nadam", "adamax", "sgd momentum=0.9", "rmsprop momentum=0.9 centered=true", "adadelta"}) {
            Optimizer optimizer = Optimizers.create(Spec.parse(name), 1);
            double[] params = {0.5};
            StepContext context = new StepContext(0.01, 0.9);
            optimizer.stepWithoutTrace(params, new double[]{0.3}, context);
            for (int step = 0; step < 10_000; step++) {
                optimizer.stepWithoutTrace(params, new double[]{0.0}, context);
            }
            for (Class<?> c = optimizer.getClass(); c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getType() == double[].class) {
                        field.setAccessible(true);
                        for (double x : (double[]) field.get(optimizer)) {
                            assertTrue(x == 0 || Math.abs(x) >= Double.MIN_NORMAL || Double.isNaN(x),
                                    name + ": " + field.getName() + " = " + x + " is subnormal");
                        }
                    }
                }
            }
            assertTrue(Double.isFinite(params[0]), name);
        }
    }
}

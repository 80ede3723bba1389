package dev.descent.core.compute;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The branch-free ReLU of {@link CpuKernels} against the plain comparison, bit for bit. */
class CpuKernelsReluTest {

    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1f, -1f,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.intBitsToFloat(0x7FC00001), Float.intBitsToFloat(0xFFC00000), Float.intBitsToFloat(0x7F800001),
        Float.intBitsToFloat(0x7FFFFFFF), Float.intBitsToFloat(0xFFFFFFFF)};

    @Test
    void positiveMaskIsAllOnesExactlyForPositiveFloats() {
        for (float z : SPECIAL) {
            assertEquals(z > 0 ? -1 : 0, CpuKernels.positiveMask(z), "z bits " + Integer.toHexString(Float.floatToRawIntBits(z)));
        }
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            float z = Float.intBitsToFloat(random.nextInt());
            assertEquals(z > 0 ? -1 : 0, CpuKernels.positiveMask(z));
        }
    }

    @Test
    void reluForwardAndBackwardMatchTheComparisonBitForBit() {
        int n = SPECIAL.length * SPECIAL.length;
        float[] z = new float[n];
        float[] g = new float[n];
        for (int i = 0; i < SPECIAL.length; i++) {
            for (int j = 0; j < SPECIAL.length; j++) {
                z[i * SPECIAL.length + j] = SPECIAL[i];
                g[i * SPECIAL.length + j] = SPECIAL[j];
            }
        }
        CpuBuffer zb = buffer(z);
        CpuBuffer gb = buffer(g);
        CpuBuffer ab = new CpuBuffer(n);
        CpuBuffer dz = new CpuBuffer(n);
        CpuKernels.activationForward(Activation.RELU, 0f, 1, n, Strided.of(zb, n), null, Strided.of(ab, n));
        CpuKernels.activationBackward(Activation.RELU, 0f, 1, n, Strided.of(zb, n), null, Strided.of(gb, n),
                Strided.of(dz, n));
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(z[i] > 0 ? z[i] : 0f), Float.floatToRawIntBits(ab.data().get(i)));
            assertEquals(Float.floatToRawIntBits(g[i] * (z[i] > 0 ? 1f : 0f)), Float.floatToRawIntBits(dz.data().get(i)),
                    "z " + z[i] + " g " + g[i]);
        }
    }

    private static CpuBuffer buffer(float[] values) {
        CpuBuffer b = new CpuBuffer(values.length);
        b.data().put(0, values);
        return b;
    }
}

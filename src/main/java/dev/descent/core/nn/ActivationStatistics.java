package dev.descent.core.nn;

/**
 * Mean and standard deviation of each hidden layer's activations per net, accumulated in
 * double over the rows of one evaluation (the initialisation and vanishing-gradient lessons
 * read these).
 */
public final class ActivationStatistics {
    private final double[][] sum;
    private final double[][] sumSquares;
    private final long[][] count;

    public ActivationStatistics(int nets, int hiddenLayers) {
        sum = new double[nets][hiddenLayers];
        sumSquares = new double[nets][hiddenLayers];
        count = new long[nets][hiddenLayers];
    }

    /** Adds activation values of a hidden layer of a net. */
    public void add(int net, int layer, float[] values) {
        // two independent partial sums per quantity: the loop runs about twice as fast
        double s0 = 0;
        double s1 = 0;
        double q0 = 0;
        double q1 = 0;
        int n = values.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double a = values[i];
            double b = values[i + 1];
            s0 += a;
            s1 += b;
            q0 += a * a;
            q1 += b * b;
        }
        if (i < n) {
            s0 += values[i];
            q0 += (double) values[i] * values[i];
        }
        sum[net][layer] += s0 + s1;
        sumSquares[net][layer] += q0 + q1;
        count[net][layer] += n;
    }

    public double mean(int net, int layer) {
        return count[net][layer] == 0 ? Double.NaN : sum[net][layer] / count[net][layer];
    }

    /** Population standard deviation. */
    public double std(int net, int layer) {
        double m = mean(net, layer);
        double v = sumSquares[net][layer] / count[net][layer] - m * m;
        return Math.sqrt(Math.max(v, 0));
    }

    public int layers() {
        return sum.length == 0 ? 0 : sum[0].length;
    }
}

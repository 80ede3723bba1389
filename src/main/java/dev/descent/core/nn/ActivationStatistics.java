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
        for (float v : values) {
            sum[net][layer] += v;
            sumSquares[net][layer] += (double) v * v;
        }
        count[net][layer] += values.length;
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

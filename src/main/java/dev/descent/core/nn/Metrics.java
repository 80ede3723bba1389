package dev.descent.core.nn;

/**
 * Loss and accuracy of network outputs, in double on the host, with the same formulas as the
 * training losses ({@link Loss}): mean over rows (and outputs for mse). Accuracy is the share
 * of rows whose predicted class (argmax of the logits; logit > 0 for bce) equals the label;
 * NaN for regression.
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * @param outputs logits, rows x outs starting at {@code offset}
     * @param data    the encoded targets of the same rows
     */
    public static double loss(Loss loss, float[] outputs, int offset, int outs, NetworkData data) {
        double sum = 0;
        int rows = data.rows();
        for (int i = 0; i < rows; i++) {
            int o = offset + i * outs;
            switch (loss) {
                case CE -> {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < outs; j++) {
                        m = Math.max(m, outputs[o + j]);
                    }
                    double s = 0;
                    for (int j = 0; j < outs; j++) {
                        s += Math.exp(outputs[o + j] - m);
                    }
                    sum += m + Math.log(s) - outputs[o + (int) data.targets()[i]];
                }
                case BCE -> {
                    double z = outputs[o];
                    double y = data.targets()[i];
                    sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
                }
                case MSE -> {
                    for (int j = 0; j < outs; j++) {
                        double e = outputs[o + j] - data.targets()[i * outs + j];
                        sum += e * e / outs;
                    }
                }
            }
        }
        return rows == 0 ? Double.NaN : sum / rows;
    }

    /** Share of correctly classified rows; NaN for regression or no rows. */
    public static double accuracy(Loss loss, float[] outputs, int offset, int outs, NetworkData data) {
        if (data.labels() == null || data.rows() == 0) {
            return Double.NaN;
        }
        int correct = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (predictedClass(loss, outputs, offset + i * outs, outs) == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / data.rows();
    }

    /** The class a row of logits predicts. */
    public static int predictedClass(Loss loss, float[] outputs, int at, int outs) {
        if (loss == Loss.BCE) {
            return outputs[at] > 0 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < outs; j++) {
            if (outputs[at + j] > outputs[at + best]) {
                best = j;
            }
        }
        return best;
    }
}

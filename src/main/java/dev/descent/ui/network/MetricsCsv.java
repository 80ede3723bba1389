package dev.descent.ui.network;

import dev.descent.core.race.TrainingRaceEpoch;

import java.util.Locale;

/** The epoch metrics of every racer as CSV: one row per racer and epoch. */
public final class MetricsCsv {
    public static final String HEADER = "racer,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr";

    private MetricsCsv() {
    }

    public static String of(NetworkFrame frame) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (RacerFrame r : frame.racers()) {
            for (TrainingRaceEpoch e : r.epochs()) {
                sb.append(quote(r.label())).append(',').append(e.epoch()).append(',').append(e.step()).append(',')
                        .append(num(e.trainLoss())).append(',').append(num(e.valLoss())).append(',')
                        .append(num(e.trainAccuracy())).append(',').append(num(e.valAccuracy())).append(',')
                        .append(num(e.learningRate())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.9g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

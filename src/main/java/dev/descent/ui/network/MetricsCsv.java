package dev.descent.ui.network;

import dev.descent.core.race.TrainingRaceEpoch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The epoch metrics of every racer as CSV, in the format of {@code run}'s {@code epochs.csv}:
 * header {@value #HEADER}, one row per racer and epoch, ordered by epoch and then racer
 * (racer = its index in the race), numbers as {@link Double#toString}. {@code val_loss} is
 * empty without a validation split, the accuracies are empty for regression, and
 * {@code grad_norms} holds the epoch's mean ||dL/dW|| of every dense layer, first layer first,
 * separated by ';'.
 */
public final class MetricsCsv {
    public static final String HEADER =
            "racer,label,epoch,step,train_loss,val_loss,train_accuracy,val_accuracy,lr,grad_norms";

    private MetricsCsv() {
    }

    /**
     * @param hasValidation  whether the race has validation rows
     * @param classification whether accuracies apply
     */
    public static String of(NetworkFrame frame, boolean hasValidation, boolean classification) {
        record Row(int racer, String label, TrainingRaceEpoch e) {
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < frame.racers().size(); r++) {
            RacerFrame racer = frame.racers().get(r);
            for (TrainingRaceEpoch e : racer.epochs()) {
                rows.add(new Row(r, racer.label(), e));
            }
        }
        rows.sort(Comparator.comparingInt((Row row) -> row.e().epoch()).thenComparingInt(Row::racer));
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Row row : rows) {
            TrainingRaceEpoch e = row.e();
            sb.append(row.racer()).append(',').append(quote(row.label())).append(',').append(e.epoch()).append(',')
                    .append(e.step()).append(',').append(e.trainLoss()).append(',')
                    .append(hasValidation ? Double.toString(e.valLoss()) : "").append(',')
                    .append(classification ? Double.toString(e.trainAccuracy()) : "").append(',')
                    .append(hasValidation && classification ? Double.toString(e.valAccuracy()) : "").append(',')
                    .append(e.learningRate()).append(',').append(gradNorms(e)).append('\n');
        }
        return sb.toString();
    }

    private static String gradNorms(TrainingRaceEpoch e) {
        if (e.gradientNorms() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (double g : e.gradientNorms()) {
            b.append(b.length() == 0 ? "" : ";").append(g);
        }
        return b.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}

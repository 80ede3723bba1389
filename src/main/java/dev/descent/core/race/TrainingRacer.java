package dev.descent.core.race;

import dev.descent.core.nn.ActivationStatistics;
import dev.descent.core.optim.Optimizer;
import dev.descent.core.schedule.LearningRateSchedule;

/** One racer's optimizer, schedule, master weights and bookkeeping. */
final class TrainingRacer {
    final TrainingRacerSpec spec;
    final Optimizer optimizer;
    final LearningRateSchedule schedule;
    final double[] params;
    final double[] gradNormSums;
    final EarlyStopping monitor;
    final Trace trace = new Trace(TrainingRace.TRACE_CAPACITY, TrainingRace.TRACE_COLUMNS);
    String divergenceReason;
    double[] pending;
    long steps;
    double lastLr;
    Long divergedAt;
    Integer stoppedAt;
    boolean activeThisEpoch;
    double epochLoss;
    long epochRows;
    double epochCorrect;
    int epochSteps;
    double bestMonitored = Double.POSITIVE_INFINITY;
    double[] bestParams;
    double[] bestStats;
    TrainingRaceEpoch best;
    TrainingRaceEpoch last;
    boolean restoredBest;

    TrainingRacer(TrainingRacerSpec spec, Optimizer optimizer, LearningRateSchedule schedule, double[] params, int layers,
          EarlyStopping monitor) {
        this.spec = spec;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.params = params;
        this.gradNormSums = new double[layers];
        this.monitor = monitor;
        this.lastLr = schedule.learningRate();
    }

    void diverge(long step, String reason) {
        divergedAt = step;
        divergenceReason = reason;
    }

    double[] tracePoint(double loss, double gradNorm, double lr) {
        TrainingRaceEpoch e = last;
        return new double[] {loss, gradNorm, lr, e == null ? 0 : e.epoch(),
                e == null ? Double.NaN : e.trainLoss(), e == null ? Double.NaN : e.valLoss(),
                e == null ? Double.NaN : e.trainAccuracy(), e == null ? Double.NaN : e.valAccuracy()};
    }

    boolean running() {
        return divergedAt == null && stoppedAt == null;
    }

    boolean epochSchedule() {
        return schedule.name().equals("plateau");
    }

    void startEpoch() {
        activeThisEpoch = running();
        epochLoss = 0;
        epochRows = 0;
        epochCorrect = 0;
        epochSteps = 0;
        java.util.Arrays.fill(gradNormSums, 0);
    }

    TrainingRaceEpoch record(int index, int epoch, double valLoss, double valAccuracy, ActivationStatistics stats,
                             boolean classification) {
        double[] norms = new double[gradNormSums.length];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = epochSteps == 0 ? Double.NaN : gradNormSums[l] / epochSteps;
        }
        double[] mean = new double[stats.layers()];
        double[] std = new double[stats.layers()];
        for (int l = 0; l < mean.length; l++) {
            mean[l] = stats.mean(index, l);
            std[l] = stats.std(index, l);
        }
        return new TrainingRaceEpoch(index, spec.label(), epoch, steps, epochLoss / epochRows, valLoss,
                classification ? epochCorrect / epochRows : Double.NaN, valAccuracy, lastLr, norms, mean, std);
    }
}

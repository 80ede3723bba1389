package dev.descent.core.schedule;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;

import java.util.List;

/** The optimizer's own learning rate at every step: {@code lr_t = lr}. */
public final class ConstantSchedule implements LearningRateSchedule {

    public static final ScheduleFactory FACTORY = new ScheduleFactory() {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public String description() {
            return "constant: lr_t = lr";
        }

        @Override
        public List<HyperParameter> hyperParameters() {
            return List.of();
        }

        @Override
        public LearningRateSchedule create(Params params, double baseLr, double baseMomentum) {
            return new ConstantSchedule(baseLr);
        }
    };

    private final double lr;

    public ConstantSchedule(double lr) {
        this.lr = lr;
    }

    @Override
    public String name() {
        return "constant";
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void advance(double monitoredLoss) {
        // nothing changes
    }

    @Override
    public void reset() {
        // stateless
    }
}

package dev.descent.core.schedule;

import java.util.List;

/** The optimizer's own learning rate at every step: {@code lr_t = lr}. */
public final class ConstantSchedule implements LearningRateSchedule {

    public static final ScheduleFactory FACTORY = new Factory("constant",
            "constant: lr_t = lr",
            List.of(),
            (params, baseLr, baseMomentum) -> new ConstantSchedule(baseLr));

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

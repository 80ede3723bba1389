package dev.descent.ui.racers;

import dev.descent.core.race.RacerConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RacerViewModelTest {

    private static RacerViewModel sgd() {
        return RacerViewModel.of("SGD", "#ff0000", "sgd", "0.01");
    }

    @Test
    void negativeLearningRateIsRefusedWithTheRangeAndChangesNothing() {
        RacerViewModel r = sgd();
        ParameterGroup before = r.optimizerProperty().get();
        assertFalse(r.setOptimizerValue("lr", "-0.5"));
        assertTrue(r.errorProperty().get().contains("lr"), r.errorProperty().get());
        assertTrue(r.errorProperty().get().contains("-0.5"), r.errorProperty().get());
        assertEquals(before, r.optimizerProperty().get());
        assertEquals("0.01", r.optimizerProperty().get().value("lr"));
    }

    @Test
    void textThatIsNotANumberIsRefused() {
        RacerViewModel r = sgd();
        assertFalse(r.setOptimizerValue("momentum", "fast"));
        assertTrue(r.errorProperty().get().contains("momentum"), r.errorProperty().get());
        assertFalse(r.setOptimizerValue("lr", "0.1 momentum=0.9"));
        assertEquals("0.01", r.optimizerProperty().get().value("lr"));
    }

    @Test
    void acceptedValueEntersTheConfigAndClearsTheError() {
        RacerViewModel r = sgd();
        r.setOptimizerValue("lr", "-1");
        assertTrue(r.setOptimizerValue("momentum", "0.9"));
        assertEquals("", r.errorProperty().get());
        RacerConfig c = r.toConfig();
        assertTrue(c.optimizer().contains("momentum=0.9"), c.optimizer());
        assertTrue(c.optimizer().contains("lr=0.01"), c.optimizer());
        assertNull(c.schedule());
        assertEquals("sgd lr=0.01 momentum=0.9", r.optimizerProperty().get().shortText());
    }

    @Test
    void switchingOptimizerKeepsTheLearningRate() {
        RacerViewModel r = sgd();
        r.chooseOptimizer("adam");
        assertEquals("adam", r.optimizerProperty().get().name());
        assertEquals("0.01", r.optimizerProperty().get().value("lr"));
        assertTrue(r.toConfig().optimizer().startsWith("adam "));
    }

    @Test
    void scheduleWithARequiredValueSaysWhatItNeedsUntilGiven() {
        RacerViewModel r = sgd();
        r.chooseSchedule("step");
        assertFalse(r.errorProperty().get().isEmpty(), "step_size is required");
        assertTrue(r.setScheduleValue("step_size", "10"));
        assertEquals("", r.errorProperty().get());
        assertTrue(r.toConfig().schedule().startsWith("step "), r.toConfig().schedule());
    }

    @Test
    void negativeClipIsRefusedAndZeroMeansOff() {
        RacerViewModel r = sgd();
        assertFalse(r.setClip(true, "-1"));
        assertTrue(r.errorProperty().get().contains("clip_norm"), r.errorProperty().get());
        assertTrue(r.setClip(true, "2.5"));
        assertEquals(2.5, r.toConfig().clipNorm());
        assertTrue(r.setClip(false, "0"));
        assertEquals(0, r.toConfig().clipValue());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        RacerViewModel r = sgd();
        RacerViewModel c = r.copy("copy", "#00ff00");
        c.setOptimizerValue("lr", "0.5");
        assertEquals("0.01", r.optimizerProperty().get().value("lr"));
        assertEquals("0.5", c.optimizerProperty().get().value("lr"));
    }

    @Test
    void aCyclicPresetRacerKeepsADescriptiveDefaultOutOfItsSpec() {
        RacerViewModel r = RacerViewModel.fromConfig(new RacerConfig("cyclic", "#00ff00", "sgd lr=0.01",
                "cyclic max_lr=0.1 step_size_up=10", 0, 0, true));
        String schedule = r.toConfig().schedule();
        assertFalse(schedule.contains("base_lr"), schedule);
        assertFalse(schedule.contains("step_size_down"), schedule);
        assertTrue(schedule.contains("max_lr=0.1"), schedule);
        dev.descent.core.schedule.Schedules.create(schedule, 0.01, 0.9);
    }

    @Test
    void choosingCyclicAndGivingMaxLrMakesAValidSchedule() {
        RacerViewModel r = sgd();
        r.chooseSchedule("cyclic");
        assertTrue(r.setScheduleValue("max_lr", "0.1"), r.errorProperty().get());
        assertEquals("", r.errorProperty().get());
        assertNull(r.scheduleProperty().get().value("base_lr"));
        dev.descent.core.schedule.Schedules.create(r.toConfig().schedule(), 0.01, 0.9);
    }
}

package dev.descent.core.schedule;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry: names, descriptions, hyper-parameters, and the messages bad specs get. */
class ScheduleCatalogueTest {

    @Test
    void everyScheduleOfTheIssueIsRegistered() {
        Set<String> names = new HashSet<>();
        Schedules.all().forEach(f -> names.add(f.name()));
        assertEquals(Set.of("constant", "step", "multistep", "exponential", "power", "invtime", "invtime2",
                "piecewise", "cosine", "cyclic", "onecycle", "plateau"), names);
        assertEquals("invtime", Schedules.factory("1/t").name());
        assertEquals("invtime2", Schedules.factory("1/t^2").name());
    }

    @Test
    void everyScheduleHasADescriptionAndDescribedHyperParameters() {
        for (ScheduleFactory f : Schedules.all()) {
            assertTrue(f.description().startsWith(f.name()), f.name() + ": description names it");
            assertTrue(f.description().length() > f.name().length() + 10, f.name() + ": description says what");
            Set<String> seen = new HashSet<>();
            for (HyperParameter h : f.hyperParameters()) {
                assertTrue(seen.add(h.name()), f.name() + ": " + h.name() + " listed twice");
                assertNotNull(h.kind(), f.name() + "." + h.name());
                assertFalse(h.range().isBlank(), f.name() + "." + h.name() + " range");
                assertFalse(h.help().isBlank(), f.name() + "." + h.name() + " help");
            }
            assertEquals(f.name().equals("constant"), f.hyperParameters().isEmpty(),
                    f.name() + ": hyper-parameters listed");
        }
    }

    @Test
    void listedHyperParametersAreExactlyTheKeysTheFactoryReads() {
        for (ScheduleFactory f : Schedules.all()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (HyperParameter h : f.hyperParameters()) {
                if (h.required()) {
                    values.put(h.name(), sample(h.name()));
                }
            }
            values.put("no_such_key", "1");
            Params params = new Params(f.name(), values);
            f.create(params, 0.1, 0.9);
            ConfigException e = assertThrows(ConfigException.class, params::rejectUnknown);
            String allowed = e.getMessage().substring(e.getMessage().indexOf("allowed:") + 8).trim();
            Set<String> read = allowed.isEmpty() ? Set.of() : Set.of(allowed.split(",\\s*"));
            Set<String> listed = new HashSet<>();
            f.hyperParameters().forEach(h -> listed.add(h.name()));
            assertEquals(listed, read, f.name());
        }
    }

    @Test
    void requiredParametersAreReportedByName() {
        for (ScheduleFactory f : Schedules.all()) {
            List<HyperParameter> required = f.hyperParameters().stream().filter(HyperParameter::required).toList();
            if (!required.isEmpty()) {
                ConfigException e = assertThrows(ConfigException.class,
                        () -> f.create(new Params(f.name(), Map.of()), 0.1, 0.9), f.name());
                assertTrue(e.getMessage().contains(required.get(0).name() + " is required"), e.getMessage());
            } else {
                assertNotNull(f.create(new Params(f.name(), Map.of()), 0.1, 0.9));
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "step step_size=0 | step: step_size must be >= 1, was 0",
        "step step_size=5 gamma=-1 | step: gamma must be in (0, inf), was -1.0",
        "multistep milestones=50;20 | multistep: milestones must be strictly increasing, was 50 then 20",
        "multistep milestones=2.5 | multistep: milestones must be whole numbers >= 1, was 2.5",
        "multistep gamma=0.5 | multistep: milestones is required",
        "exponential | exponential: gamma is required",
        "power s=0 | power: s must be in (0, inf), was 0.0",
        "1/t k=-0.1 | invtime: k must be in [0, inf), was -0.1",
        "piecewise boundaries=10 values=0.1 | piecewise: values must have one entry more than boundaries (2), was 1",
        "piecewise boundaries=10 | piecewise: values is required",
        "cosine t_max=0 | cosine: t_max must be >= 1, was 0",
        "cosine t_max=10 eta_min=-1 | cosine: eta_min must be in [0, inf), was -1.0",
        "cyclic step_size_up=10 | cyclic: max_lr is required",
        "cyclic max_lr=0.1 mode=sine | cyclic: mode must be one of triangular|triangular2|exp_range, was 'sine'",
        "cyclic max_lr=0.1 step_size_down=0 | cyclic: step_size_down must be >= 1, was 0",
        "cyclic max_lr=0.1 base_momentum=1.5 | cyclic: base_momentum must be in [0, 1], was 1.5",
        "onecycle max_lr=0.1 | onecycle: total_steps is required",
        "onecycle max_lr=0.1 total_steps=0 | onecycle: total_steps must be >= 1, was 0",
        "onecycle max_lr=0.1 total_steps=10 pct_start=1.2 | onecycle: pct_start must be in [0, 1], was 1.2",
        "onecycle max_lr=0.1 total_steps=10 anneal_strategy=exp | onecycle: anneal_strategy must be one of cos|linear",
        "plateau factor=1 | plateau: factor must be in [0, 1), was 1.0",
        "plateau patience=-1 | plateau: patience must be >= 0, was -1",
        "plateau mode=best | plateau: mode must be one of min|max, was 'best'",
        "plateau threshold_mode=pct | plateau: threshold_mode must be one of rel|abs",
        "plateau patience=3 gama=0.1 | plateau: unknown parameter 'gama'; allowed: mode, factor, patience",
        "warmup | unknown schedule 'warmup'; known: constant, step, multistep, exponential, power, invtime (1/t), "
            + "invtime2 (1/t^2), piecewise, cosine, cyclic, onecycle, plateau"})
    void badSpecsAreRejectedNamingFieldAndRange(String spec, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> Schedules.create(spec.trim(), 0.1, 0.9));
        assertTrue(e.getMessage().startsWith(message.trim()), "got: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"cyclic max_lr=0.1", "onecycle max_lr=0.1 total_steps=100"})
    void cyclingMomentumOfAnOptimizerWithoutMomentumIsAnErrorAsInTorch(String spec) {
        ConfigException e = assertThrows(ConfigException.class, () -> Schedules.create(spec, 0.1, Double.NaN));
        assertTrue(e.getMessage().contains("cycle_momentum=true needs an optimizer with momentum or beta1"),
                e.getMessage());
        LearningRateSchedule off = Schedules.create(spec + " cycle_momentum=false", 0.1, Double.NaN);
        assertTrue(Double.isNaN(off.momentum()));
    }

    @Test
    void sgdWithoutMomentumCanStillHaveItsMomentumCycled() {
        // torch: SGD(momentum=0) has a 'momentum' entry, so CyclicLR/OneCycleLR cycle it
        LearningRateSchedule s = Schedules.create("onecycle max_lr=0.1 total_steps=100", 0.1, 0.0);
        assertEquals(0.95, s.momentum(), 1e-15);
    }

    private static String sample(String key) {
        switch (key) {
            case "milestones": case "boundaries":
                return "10;20";
            case "values":
                return "0.1;0.01;0.001";
            case "step_size": case "t_max": case "total_steps":
                return "50";
            default:
                return "0.5";
        }
    }
}

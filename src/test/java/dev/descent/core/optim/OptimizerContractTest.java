package dev.descent.core.optim;

import dev.descent.core.config.ConfigException;
import dev.descent.core.config.HyperParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registry, validation, reset and hand-computed steps of every optimizer. */
class OptimizerContractTest {

    /** A config per optimizer that uses its state (momentum, amsgrad, ...), for the reset test. */
    static final String[] STATEFUL = {
        "sgd lr=0.01 momentum=0.9 nesterov=true", "adagrad lr=0.1 lr_decay=0.01 initial_accumulator_value=0.1",
        "rmsprop lr=0.01 momentum=0.5 centered=true", "adadelta rho=0.8", "adam lr=0.05 amsgrad=true",
        "adamw lr=0.05", "nadam lr=0.05", "adamax lr=0.05", "rprop lr=0.05", "rprop variant=backtracking"};

    @Test
    void registryListsEveryOptimizerInOrderOfIncreasingComplexity() {
        assertEquals(List.of("sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "adamax", "rprop"),
                Optimizers.all().stream().map(OptimizerFactory::name).collect(Collectors.toList()));
    }

    @ParameterizedTest
    @CsvSource({"sgd,0.001", "adagrad,0.01", "rmsprop,0.01", "adadelta,1.0", "adam,0.001", "adamw,0.001",
            "nadam,0.002", "adamax,0.002", "rprop,0.01"})
    void defaultLearningRatesAreTorchs(String name, double lr) {
        assertEquals(lr, Optimizers.create(name, 2).baseLearningRate());
        assertEquals(String.valueOf(lr), String.valueOf(Double.parseDouble(
                Optimizers.factory(name).hyperParameters().get(0).defaultValue())));
    }

    @Test
    void listedDefaultsWrittenOutGiveTheSameRunAsNoParameters() {
        for (OptimizerFactory f : Optimizers.all()) {
            StringBuilder spec = new StringBuilder(f.name());
            for (HyperParameter h : f.hyperParameters()) {
                spec.append(' ').append(h.name()).append('=').append(h.defaultValue());
            }
            assertArrayEquals(run(f.name(), 30), run(spec.toString(), 30), 0.0, spec.toString());
        }
    }

    @Test
    void baseMomentumIsMomentumOrBeta1AndNaNWithoutEither() {
        assertEquals(0.8, Optimizers.create("sgd momentum=0.8", 1).baseMomentum());
        assertEquals(0.7, Optimizers.create("rmsprop momentum=0.7", 1).baseMomentum());
        for (String name : new String[] {"adam", "adamw", "nadam", "adamax"}) {
            assertEquals(0.85, Optimizers.create(name + " beta1=0.85", 1).baseMomentum(), name);
        }
        for (String name : new String[] {"adagrad", "adadelta", "rprop"}) {
            assertTrue(Double.isNaN(Optimizers.create(name, 1).baseMomentum()), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"adagrad", "adadelta", "rprop"})
    void aMomentumOverrideIsIgnoredWithoutMomentum(String name) {
        Optimizer plain = Optimizers.create(name, 2);
        Optimizer overridden = Optimizers.create(name, 2);
        double[] a = {1.0, -0.5};
        double[] b = {1.0, -0.5};
        for (int t = 0; t < 20; t++) {
            plain.step(a, bowlGradient(a), StepContext.of(plain.baseLearningRate()));
            overridden.step(b, bowlGradient(b), new StepContext(overridden.baseLearningRate(), 0.5));
        }
        assertArrayEquals(a, b, 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd lr=0.01 momentum=0.9", "rmsprop momentum=0.9", "adam", "nadam", "adamax"})
    void aMomentumOverrideChangesTheRun(String spec) {
        double[] own = run(spec, 20);
        Optimizer o = Optimizers.create(spec, 2);
        double[] p = {1.0, -0.5};
        for (int t = 0; t < 20; t++) {
            o.step(p, bowlGradient(p), new StepContext(o.baseLearningRate(), 0.5));
        }
        assertFalse(own[0] == p[0] && own[1] == p[1], spec);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "adam beta1=1.0 => adam: beta1 must be in [0, 1), was 1.0",
        "adam beta2=-0.1 => adam: beta2 must be in [0, 1), was -0.1",
        "adam lr=-1 => adam: lr must be in [0, inf), was -1.0",
        "adamw eps=-1e-8 => adamw: eps must be in [0, inf), was -1.0E-8",
        "adamw weight_decay=-0.01 => adamw: weight_decay must be in [0, inf), was -0.01",
        "nadam momentum_decay=-1 => nadam: momentum_decay must be in [0, inf), was -1.0",
        "nadam beta1=1 => nadam: beta1 must be in [0, 1), was 1.0",
        "adamax beta2=1 => adamax: beta2 must be in [0, 1), was 1.0",
        "sgd momentum=-0.5 => sgd: momentum must be in [0, inf), was -0.5",
        "sgd lr=Infinity => sgd: lr must be in [0, inf), was Infinity",
        "sgd nesterov=true => sgd: nesterov requires momentum > 0 and dampening = 0, was momentum 0.0, dampening 0.0",
        "sgd momentum=0.9 dampening=0.1 nesterov=true => sgd: nesterov requires momentum > 0 and dampening = 0, was momentum 0.9, dampening 0.1",
        "adagrad lr_decay=-1 => adagrad: lr_decay must be in [0, inf), was -1.0",
        "adagrad initial_accumulator_value=-1 => adagrad: initial_accumulator_value must be in [0, inf), was -1.0",
        "rmsprop alpha=1.5 => rmsprop: alpha must be in [0, 1], was 1.5",
        "rmsprop momentum=-1 => rmsprop: momentum must be in [0, inf), was -1.0",
        "adadelta rho=1.1 => adadelta: rho must be in [0, 1], was 1.1",
        "rprop eta_minus=1 => rprop: eta_minus must be in (0, 1), was 1.0",
        "rprop eta_plus=1 => rprop: eta_plus must be in (1, inf), was 1.0",
        "rprop step_min=0.1 step_max=0.01 => rprop: step_max must be in [0.1, inf), was 0.01",
        "rprop variant=plus => rprop: variant must be one of irprop-|backtracking, was 'plus'",
        "adam betta1=0.9 => adam: unknown parameter 'betta1'; allowed: lr, beta1, beta2, eps, weight_decay, amsgrad",
        "adam amsgrad=maybe => adam: amsgrad must be true or false, was 'maybe'",
        "lion lr=0.1 => unknown optimizer 'lion'; known: sgd, adagrad, rmsprop, adadelta, adam, adamw, nadam, adamax, rprop"})
    void invalidValuesAreRejectedWithFieldAndRange(String spec, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> Optimizers.create(spec, 2));
        assertEquals(message, e.getMessage());
    }

    @Test
    void resetGivesTheRunOfAFreshOptimizer() {
        for (String spec : STATEFUL) {
            Optimizer o = Optimizers.create(spec, 2);
            double[] first = runWith(o, 25);
            o.reset();
            double[] again = runWith(o, 25);
            assertArrayEquals(first, again, 0.0, spec);
        }
    }

    @Test
    void traceDeltaIsTheAppliedChangeAndArraysAreSnapshots() {
        for (String spec : STATEFUL) {
            Optimizer o = Optimizers.create(spec, 2);
            double[] p = {1.0, -0.5};
            List<StepTrace> traces = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                double[] before = p.clone();
                StepTrace trace = o.step(p, bowlGradient(p), StepContext.of(o.baseLearningRate()));
                assertArrayEquals(new double[] {p[0] - before[0], p[1] - before[1]}, trace.delta(), 0.0, spec);
                traces.add(trace);
            }
            if (traces.get(0).secondMoment() != null) {
                assertFalse(traces.get(0).secondMoment() == traces.get(1).secondMoment(), spec);
            }
            assertTrue(o.updateRule().contains("theta"), spec);
        }
    }

    @Test
    void aStepWithoutTraceUpdatesExactlyAsATracedStep() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (String spec : STATEFUL) {
            for (String decay : new String[] {"", " weight_decay=0.05"}) {
                if (spec.startsWith("rprop") && !decay.isEmpty()) {
                    continue;
                }
                Optimizer traced = Optimizers.create(spec + decay, 6);
                Optimizer untraced = Optimizers.create(spec + decay, 6);
                double[] p = {1.0, -0.5, 0.25, 2.0, -3.0, 0.0};
                double[] q = p.clone();
                for (int t = 0; t < 30; t++) {
                    double[] g = new double[6];
                    for (int i = 0; i < g.length; i++) {
                        g[i] = p[i] + random.nextDouble(-0.5, 0.5);
                    }
                    StepContext context = new StepContext(0.9 * traced.baseLearningRate(), 0.8);
                    traced.step(p, g, context);
                    untraced.stepWithoutTrace(q, g, context);
                    assertArrayEquals(p, q, 0.0, spec + decay + " step " + t);
                }
            }
        }
    }

    @Test
    void anUntracedStepWithTheWrongNumberOfParametersIsRefused() {
        for (OptimizerFactory f : Optimizers.all()) {
            Optimizer o = Optimizers.create(f.name(), 2);
            assertThrows(IllegalArgumentException.class,
                    () -> o.stepWithoutTrace(new double[3], new double[3], StepContext.of(0.1)));
        }
    }

    @Test
    void aStepWithTheWrongNumberOfParametersIsRefused() {
        for (OptimizerFactory f : Optimizers.all()) {
            Optimizer o = Optimizers.create(f.name(), 2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> o.step(new double[3], new double[3], StepContext.of(0.1)));
            assertEquals(f.name() + " was built for 2 parameters, got 3 parameters and 3 gradient components",
                    e.getMessage());
        }
    }

    @Test
    void adamFirstStepMovesByLearningRateTimesSign() {
        Optimizer adam = Optimizers.create("adam lr=0.1", 2);
        double[] p = {0, 0};
        StepTrace trace = adam.step(p, new double[] {3.0, -0.5}, StepContext.of(0.1));
        // m_hat = g, v_hat = g^2: the step is lr * g / (|g| + eps)
        assertEquals(-0.1 * 3.0 / (3.0 + 1e-8), p[0], 1e-16);
        assertEquals(0.1 * 0.5 / (0.5 + 1e-8), p[1], 1e-16);
        assertEquals(0.1, trace.scalars().get("bias_correction1"), 1e-15);
        assertEquals(0.001, trace.scalars().get("bias_correction2"), 1e-15);
    }

    @Test
    void adamwDecaysTheWeightsBeforeTheAdamStep() {
        Optimizer adamw = Optimizers.create("adamw lr=0.1 weight_decay=0.5", 1);
        double[] p = {2.0};
        adamw.step(p, new double[] {0.0}, StepContext.of(0.1));
        assertEquals(2.0 * (1 - 0.1 * 0.5), p[0], 1e-15);  // zero gradient: only the decay moves it
    }

    @Test
    void rpropBacktrackingUndoesTheMoveThatCrossedTheMinimum() {
        // f = x^2 from x = 1, Delta_0 = 0.6: 0.4, -0.32 (crossed), back to 0.4, then 0.4 - 0.36.
        assertArrayEquals(new double[] {0.4, -0.32, 0.4, 0.04}, rprop1d("rprop lr=0.6 variant=backtracking"), 1e-15);
    }

    @Test
    void irpropMinusStaysPutAfterASignChange() {
        assertArrayEquals(new double[] {0.4, -0.32, -0.32, 0.04}, rprop1d("rprop lr=0.6"), 1e-15);
    }

    @Test
    void rpropTakesItsInitialStepSizeFromTheFirstStepsRateOnly() {
        Optimizer rprop = Optimizers.create("rprop", 1);
        double[] x = {1.0};
        rprop.step(x, new double[] {2.0}, StepContext.of(0.25));
        rprop.step(x, new double[] {2.0}, StepContext.of(100));  // later rates are ignored, as in torch
        assertEquals(1.0 - 0.25 - 0.25 * 1.2, x[0], 1e-15);
    }

    private static double[] rprop1d(String spec) {
        Optimizer rprop = Optimizers.create(spec, 1);
        double[] x = {1.0};
        double[] path = new double[4];
        for (int t = 0; t < 4; t++) {
            rprop.step(x, new double[] {2 * x[0]}, StepContext.of(rprop.baseLearningRate()));
            path[t] = x[0];
        }
        return path;
    }

    private static double[] bowlGradient(double[] p) {
        return new double[] {2 * p[0], 20 * p[1]};
    }

    private static double[] run(String spec, int steps) {
        return runWith(Optimizers.create(spec, 2), steps);
    }

    private static double[] runWith(Optimizer o, int steps) {
        double[] p = {1.0, -0.5};
        double[] path = new double[2 * steps];
        for (int t = 0; t < steps; t++) {
            o.step(p, bowlGradient(p), StepContext.of(o.baseLearningRate()));
            path[2 * t] = p[0];
            path[2 * t + 1] = p[1];
        }
        return path;
    }
}

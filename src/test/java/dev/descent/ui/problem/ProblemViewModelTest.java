package dev.descent.ui.problem;

import dev.descent.core.surface.CriticalPoint;
import dev.descent.core.surface.Surface;
import dev.descent.ui.main.Startup;
import dev.descent.core.preset.PresetFiles;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemViewModelTest {

    private static ProblemViewModel model() {
        return new ProblemViewModel(Startup.expressionCompiler());
    }

    @Test
    void brokenExpressionKeepsTheOldSurfaceAndPointsAtTheCharacter() {
        ProblemViewModel m = model();
        m.expressionProperty().set("x^2 + y^2");
        m.choose(ProblemViewModel.TYPED);
        Surface good = m.surfaceProperty().get();
        assertEquals("x^2 + y^2", good.formula());
        m.expressionProperty().set("x^2 + * y");
        assertFalse(m.applyExpression());
        assertSame(good, m.surfaceProperty().get());
        assertEquals(6, m.errorPositionProperty().get(), m.errorProperty().get());
        assertFalse(m.errorProperty().get().isEmpty());
        m.expressionProperty().set("x^2 + * y, still typing");
        assertEquals("x^2 + * y", m.failedExpressionProperty().get(), "the text the position belongs to");
        m.expressionProperty().set("x^2 + 3*y^2");
        assertTrue(m.applyExpression());
        assertEquals(-1, m.errorPositionProperty().get());
        assertEquals("", m.errorProperty().get());
        assertEquals("", m.failedExpressionProperty().get());
    }

    @Test
    void refusedSurfaceParameterKeepsTheSurface() {
        ProblemViewModel m = model();
        m.choose("ravine");
        Surface before = m.surfaceProperty().get();
        assertFalse(m.setParameter("kappa", 0.5));
        assertTrue(m.errorProperty().get().contains("kappa"), m.errorProperty().get());
        assertSame(before, m.surfaceProperty().get());
        assertTrue(m.setParameter("kappa", 25));
        assertNotSame(before, m.surfaceProperty().get());
        assertEquals(25.0, m.surfaceProperty().get().parameters().get("kappa"));
    }

    @Test
    void aPresetOnTheSurfaceShownGivesSlidersThatReachItsParameters() throws Exception {
        ProblemViewModel m = model();
        m.choose("ravine");
        m.load(PresetFiles.load(Path.of("presets/ravine-momentum.json")).problem().surface()); // kappa=50 angle=20
        assertEquals(List.of("kappa", "angle"), m.parameters().stream().map(SurfaceParameter::name).toList());
        assertEquals(List.of(50.0, 20.0), m.parameters().stream().map(SurfaceParameter::value).toList());
        for (SurfaceParameter p : m.parameters()) {
            assertTrue(p.range().min() <= p.value() && p.value() <= p.range().max(),
                    p.name() + " = " + p.value() + " is outside its slider " + p.range());
        }
    }

    @Test
    void movingOneSliderReplacesThatParameterOnlyInOneChange() {
        ProblemViewModel m = model();
        m.choose("ravine");
        List<String> changes = new ArrayList<>();
        m.parameters().addListener((ListChangeListener<SurfaceParameter>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + ".." + c.getTo() + " " + c.getAddedSubList());
            }
        });
        assertTrue(m.setParameter("angle", 15));
        assertEquals(1, changes.size(), changes.toString());
        assertTrue(changes.get(0).startsWith("1..2 "), changes.toString());
        assertEquals(List.of(10.0, 15.0), m.parameters().stream().map(SurfaceParameter::value).toList());
    }

    @Test
    void choosingASurfaceTakesItsWindowAndAStartInsideIt() {
        ProblemViewModel m = model();
        m.choose("himmelblau");
        var w = m.windowProperty().get();
        assertEquals(m.surfaceProperty().get().window(), w);
        double[] s = m.startProperty().get();
        assertTrue(s[0] > w.xMin() && s[0] < w.xMax() && s[1] > w.yMin() && s[1] < w.yMax());
    }

    @Test
    void rosenbrockGetsTheLogColourScaleAndTheBowlDoesNot() {
        ProblemViewModel m = model();
        m.choose("rosenbrock");
        assertTrue(m.logScaleProperty().get());
        m.choose("bowl");
        assertFalse(m.logScaleProperty().get());
    }

    @Test
    void problemForAPresetIsTheShownSurfaceEvenWhileABrokenTextIsTyped() {
        ProblemViewModel m = model();
        m.choose("rosenbrock");
        m.expressionProperty().set("x +");
        m.choose(ProblemViewModel.TYPED);
        assertEquals("rosenbrock a=1 b=100", m.toProblem().surface());
        m.expressionProperty().set("x^2 + y^2");
        assertTrue(m.applyExpression());
        assertEquals("x^2 + y^2", m.toProblem().expression());
    }

    @Test
    void typedEntryIsHiddenWithoutAParser() {
        assertFalse(new ProblemViewModel(null).choices().contains(ProblemViewModel.TYPED));
        assertTrue(model().choices().contains(ProblemViewModel.TYPED));
    }

    /** A model whose critical-point searches and their results wait in queues until the test runs them. */
    private static ProblemViewModel queued(ArrayDeque<Runnable> searches, ArrayDeque<Runnable> ui) {
        return new ProblemViewModel(Startup.expressionCompiler(), searches::add, ui::add);
    }

    private static void typeAndApply(ProblemViewModel m, String formula) {
        m.expressionProperty().set(formula);
        if (m.typed()) {
            assertTrue(m.applyExpression(), m.errorProperty().get());
        } else {
            m.choose(ProblemViewModel.TYPED);
        }
        assertEquals(formula, m.surfaceProperty().get().formula());
    }

    private static void runAll(ArrayDeque<Runnable> tasks) {
        while (!tasks.isEmpty()) {
            tasks.poll().run();
        }
    }

    @Test
    void aTypedSurfaceIsShownAtOnceAndItsCriticalPointsArriveFromTheBackgroundSearch() {
        ArrayDeque<Runnable> searches = new ArrayDeque<>();
        ArrayDeque<Runnable> ui = new ArrayDeque<>();
        ProblemViewModel m = queued(searches, ui);
        m.choose("bowl");
        assertEquals(m.surfaceProperty().get().criticalPoints(), m.criticalPointsProperty().get(),
                "a catalogue surface's points at once");
        assertTrue(searches.isEmpty(), "nothing to search for a catalogue surface");

        typeAndApply(m, "(x - 1)^2 + (y + 2)^2");
        Surface typed = m.surfaceProperty().get();
        assertEquals(List.of(), m.criticalPointsProperty().get(), "none while the search runs");
        assertEquals(Optional.empty(), typed.knownCriticalPoints(), "not searched on the calling (UI) thread");
        assertEquals(1, searches.size());
        searches.poll().run();
        assertEquals(List.of(), m.criticalPointsProperty().get(), "the result is applied on the UI thread");
        assertEquals(1, ui.size());
        ui.poll().run();
        List<CriticalPoint> points = m.criticalPointsProperty().get();
        assertEquals(1, points.size(), points.toString());
        assertEquals(CriticalPoint.Kind.GLOBAL_MINIMUM, points.get(0).kind());
        assertEquals(1, points.get(0).x(), 1e-9);
        assertEquals(-2, points.get(0).y(), 1e-9);
    }

    @Test
    void theSearchOfASurfaceReplacedBeforeItsResultArrivesIsNotShown() {
        ArrayDeque<Runnable> searches = new ArrayDeque<>();
        ArrayDeque<Runnable> ui = new ArrayDeque<>();
        ProblemViewModel m = queued(searches, ui);
        typeAndApply(m, "(x - 1)^2 + y^2");
        runAll(searches); // found, but not yet back on the UI thread
        typeAndApply(m, "(x + 1)^2 + y^2");
        runAll(ui);
        assertEquals(List.of(), m.criticalPointsProperty().get(), "the first surface's minimum at (1, 0) is not shown");
        runAll(searches);
        runAll(ui);
        assertEquals(1, m.criticalPointsProperty().get().size());
        assertEquals(-1, m.criticalPointsProperty().get().get(0).x(), 1e-9, "the shown surface's own minimum");

        typeAndApply(m, "(x - 2)^2 + y^2");
        Surface replaced = m.surfaceProperty().get();
        m.choose("himmelblau");
        List<CriticalPoint> himmelblau = m.surfaceProperty().get().criticalPoints();
        assertEquals(himmelblau, m.criticalPointsProperty().get());
        runAll(searches);
        runAll(ui);
        assertEquals(himmelblau, m.criticalPointsProperty().get(), "a late result does not replace the catalogue's");
        assertEquals(Optional.empty(), replaced.knownCriticalPoints(), "a search still queued when replaced is skipped");
    }

    @Test
    void withoutExecutorsTheSearchRunsAtOnce() {
        ProblemViewModel m = model();
        typeAndApply(m, "(x - 1)^2 + y^2");
        assertEquals(1, m.criticalPointsProperty().get().size());
    }
}

package dev.descent.ui.problem;

import dev.descent.core.surface.Surface;
import dev.descent.ui.main.Startup;
import org.junit.jupiter.api.Test;

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
}

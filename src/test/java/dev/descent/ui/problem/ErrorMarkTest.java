package dev.descent.ui.problem;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorMarkTest {

    @Test
    void marksTheCharacterAtThePosition() {
        assertEquals(new ErrorMark("sin(x) ", ")", " y", 7), ErrorMark.of("sin(x) ) y", 7));
    }

    @Test
    void anErrorAtTheEndMarksTheGapAfterTheLastCharacter() {
        ErrorMark m = ErrorMark.of("sin(x) + ", 9);
        assertEquals("sin(x) + ", m.before());
        assertTrue(m.atEnd());
    }

    @Test
    void aLongExpressionIsCutAroundTheSpotWithEllipses() {
        String text = "x".repeat(100) + "#" + "y".repeat(100);
        ErrorMark m = ErrorMark.of(text, 100);
        assertEquals("#", m.bad());
        assertEquals("…" + "x".repeat(ErrorMark.CONTEXT), m.before());
        assertEquals("y".repeat(ErrorMark.CONTEXT) + "…", m.after());
        assertEquals(100, m.index());
    }
}

package dev.descent.ui.presentation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RevealStateTest {

    @Test
    void curvesAreShownUnlessPredictModeIsOn() {
        RevealState s = new RevealState();
        s.startedOver();
        assertFalse(s.hiddenProperty().get());
    }

    @Test
    void predictModeHidesTheCurvesAtEveryStartUntilRevealed() {
        RevealState s = new RevealState();
        s.togglePredictMode();
        assertTrue(s.hiddenProperty().get(), "switching it on hides them");
        s.reveal();
        assertFalse(s.hiddenProperty().get());
        s.startedOver();
        assertTrue(s.hiddenProperty().get(), "a reset or a new preset hides them again");
        s.togglePredictMode();
        assertFalse(s.hiddenProperty().get(), "switching it off shows them");
    }
}

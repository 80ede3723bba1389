package dev.descent.ui.racers;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RacersViewModelTest {

    @Test
    void addGivesEachRacerItsOwnColourUpToTwelve() {
        RacersViewModel m = new RacersViewModel();
        for (int i = 0; i < RacersViewModel.MAX_RACERS; i++) {
            assertTrue(m.add());
        }
        assertFalse(m.add());
        var colours = new HashSet<String>();
        m.racers().forEach(r -> colours.add(r.colourProperty().get()));
        assertEquals(RacersViewModel.MAX_RACERS, colours.size());
    }

    @Test
    void duplicatePutsACopyUnderTheSelectedAndSelectsIt() {
        RacersViewModel m = new RacersViewModel();
        m.add();
        m.add();
        RacerViewModel first = m.racers().get(0);
        m.selectedProperty().set(first);
        assertTrue(m.duplicate());
        assertEquals(3, m.racers().size());
        RacerViewModel copy = m.racers().get(1);
        assertSame(copy, m.selectedProperty().get());
        assertEquals(first.optimizerProperty().get(), copy.optimizerProperty().get());
        assertFalse(first.colourProperty().get().equals(copy.colourProperty().get()));
    }

    @Test
    void removeSelectsTheNeighbour() {
        RacersViewModel m = new RacersViewModel();
        m.add();
        m.add();
        m.selectedProperty().set(m.racers().get(1));
        assertTrue(m.remove());
        assertSame(m.racers().get(0), m.selectedProperty().get());
        assertTrue(m.remove());
        assertFalse(m.remove());
    }

    @Test
    void racerWhoseScheduleIsIncompleteIsLeftOutWithItsReason() {
        RacersViewModel m = new RacersViewModel();
        m.add();
        m.add();
        m.racers().get(1).chooseSchedule("step");
        List<String> problems = new ArrayList<>();
        assertEquals(1, m.configs(problems).size());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(m.racers().get(1).labelProperty().get()), problems.get(0));
    }
}

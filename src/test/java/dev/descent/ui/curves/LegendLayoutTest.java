package dev.descent.ui.curves;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LegendLayoutTest {

    @Test
    void entriesFlowIntoRowsThatFitTheWidth() {
        // widths 100, 80, 120, 50 with 10 between, in 300: [0, 110] fit (ends 190), 120 would end
        // at 320 -> wraps; [0 (120), 130 (50)]
        LegendLayout l = LegendLayout.of(new double[] {100, 80, 120, 50}, 10, 300);
        assertArrayEquals(new double[] {0, 110, 0, 130}, l.xs());
        assertArrayEquals(new int[] {0, 0, 1, 1}, l.rows());
        assertEquals(2, l.rowCount());
    }

    @Test
    void aTooWideEntryGetsItsOwnRowAndNoEntriesNoRows() {
        LegendLayout l = LegendLayout.of(new double[] {50, 400, 50}, 10, 300);
        assertArrayEquals(new int[] {0, 1, 2}, l.rows());
        assertEquals(3, l.rowCount());
        assertEquals(0, LegendLayout.of(new double[0], 10, 300).rowCount());
    }
}

package dev.descent.ui.curves;

/**
 * Where the entries of a legend go: left to right in rows, an entry's width being its swatch,
 * a gap and its text; a row wraps when the next entry would pass the available width (an entry
 * wider than the width gets a row of its own).
 *
 * @param xs   left edge of each entry, from the legend's left
 * @param rows row of each entry, from 0
 * @param rowCount number of rows (0 for no entries)
 */
public record LegendLayout(double[] xs, int[] rows, int rowCount) {

    /**
     * @param entryWidths each entry's full width (swatch, gap and text)
     * @param spacing     space between two entries in a row
     * @param available   the legend's width
     */
    public static LegendLayout of(double[] entryWidths, double spacing, double available) {
        double[] xs = new double[entryWidths.length];
        int[] rows = new int[entryWidths.length];
        double x = 0;
        int row = 0;
        for (int i = 0; i < entryWidths.length; i++) {
            if (x > 0 && x + entryWidths[i] > available) {
                row++;
                x = 0;
            }
            xs[i] = x;
            rows[i] = row;
            x += entryWidths[i] + spacing;
        }
        return new LegendLayout(xs, rows, entryWidths.length == 0 ? 0 : row + 1);
    }
}

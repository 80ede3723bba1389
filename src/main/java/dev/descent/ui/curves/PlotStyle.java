package dev.descent.ui.curves;

import javafx.scene.paint.Color;

/**
 * Colours and sizes of a plot, chosen by theme (canvas drawing cannot read CSS).
 *
 * @param background plot area fill
 * @param foreground axes and text
 * @param grid       grid lines
 * @param scale      1 normally, larger in presentation mode
 */
public record PlotStyle(Color background, Color foreground, Color grid, double scale) {

    public static PlotStyle light(double scale) {
        return new PlotStyle(Color.web("#ffffff"), Color.web("#24292f"), Color.web("#d0d7de"), scale);
    }

    public static PlotStyle dark(double scale) {
        return new PlotStyle(Color.web("#0d1117"), Color.web("#c9d1d9"), Color.web("#30363d"), scale);
    }
}

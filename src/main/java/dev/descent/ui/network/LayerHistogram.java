package dev.descent.ui.network;

/**
 * The distribution of one hidden layer's activations over the evaluation rows.
 *
 * @param lo     left edge of the first bin
 * @param hi     right edge of the last bin
 * @param counts values per bin (equal widths)
 * @param mean   mean of all values
 * @param std    population standard deviation
 */
public record LayerHistogram(double lo, double hi, int[] counts, double mean, double std) {
}

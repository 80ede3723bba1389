package dev.descent.ui.export;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One export the user asked for.
 *
 * @param format  PNG figure, CSV trajectories or animated GIF
 * @param figure  what the figure shows and its scale (PNG; a GIF always shows both at 1x)
 * @param file    the target file
 */
public record ExportRequest(Format format, FigureOptions figure, Path file) {

    /** The kinds of file the app exports. */
    public enum Format {
        PNG("PNG figure", "png"), CSV("CSV of all trajectories", "csv"), GIF("Animated GIF of the race", "gif");

        private final String text;
        private final String extension;

        Format(String text, String extension) {
            this.text = text;
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** {@code file} with this format's extension in place of any of the three. */
        public String withExtension(String file) {
            String base = file.replaceFirst("(?i)\\.(png|csv|gif)$", "");
            return base + "." + extension;
        }

        @Override
        public String toString() {
            return text;
        }

        public String lowerName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ExportRequest {
        if (format == null || figure == null || file == null) {
            throw new IllegalArgumentException("format, figure and file are required");
        }
    }
}

package dev.descent.ui;

/** Style-class names used by the views; the rules live in descent.css. */
public final class Styles {
    public static final String STYLESHEET = "/dev/descent/ui/descent.css";

    public static final String ROOT = "dsc-root";
    public static final String PRESENTATION = "dsc-presentation";
    public static final String TOP_BAR = "dsc-top-bar";
    public static final String SIDE_PANEL = "dsc-side-panel";
    public static final String SECTION_TITLE = "dsc-section-title";
    public static final String HINT = "dsc-hint";
    public static final String ERROR_TEXT = "dsc-error-text";
    public static final String INVALID = "dsc-invalid";
    public static final String EXPRESSION_FIELD = "dsc-expression-field";
    public static final String EXPRESSION_MARK = "dsc-expression-mark";
    public static final String SWATCH = "dsc-swatch";
    public static final String RACER_CELL = "dsc-racer-cell";
    public static final String PLOT = "dsc-plot";
    public static final String INSPECTOR = "dsc-inspector";
    public static final String INSPECTOR_GRID = "dsc-inspector-grid";
    public static final String FORMULA = "dsc-formula";
    public static final String WARNING = "dsc-warning";
    public static final String STATUS_BAR = "dsc-status-bar";
    public static final String FORMULA_NOTE = "dsc-formula-note";
    public static final String CAPTION = "dsc-caption";
    public static final String REVEAL_HINT = "dsc-reveal-hint";
    public static final String TOPIC_HEADING = "dsc-topic-heading";
    public static final String PRESET_PICKER = "dsc-preset-picker";
    public static final String PENDING = "dsc-pending";
    public static final String PENDING_BADGE = "dsc-pending-badge";
    public static final String EXPRESSION_ECHO = "dsc-expression-echo";
    public static final String EXPRESSION_BAD_CHAR = "dsc-expression-bad-char";

    private Styles() {
    }
}

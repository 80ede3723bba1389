package dev.descent.ui.problem;

/**
 * The piece of a typed f(x, y) shown under the field when it does not parse: the character
 * the error points at, with up to {@link #CONTEXT} characters either side (an ellipsis marks
 * what is cut off), so a long expression still shows the right spot.
 *
 * @param before the text before the bad character ("…" first when cut)
 * @param bad    the bad character, or {@link #END} when the error is at the end of the text
 * @param after  the text after it ("…" last when cut)
 * @param index  the 0-based position in the whole text
 */
public record ErrorMark(String before, String bad, String after, int index) {
    /** Characters kept on each side of the bad one. */
    public static final int CONTEXT = 20;
    /** Stands for "here, after the last character" (something is missing). */
    public static final String END = "␣";

    /** @param position the 0-based error position; at or past the end marks the end */
    public static ErrorMark of(String text, int position) {
        int p = Math.max(0, Math.min(position, text.length()));
        int from = Math.max(0, p - CONTEXT);
        int to = Math.min(text.length(), p + 1 + CONTEXT);
        String before = (from > 0 ? "…" : "") + text.substring(from, p);
        if (p >= text.length()) {
            return new ErrorMark(before, END, "", p);
        }
        String after = text.substring(p + 1, to) + (to < text.length() ? "…" : "");
        return new ErrorMark(before, text.substring(p, p + 1), after, p);
    }

    public boolean atEnd() {
        return END.equals(bad) && index >= 0 && after.isEmpty();
    }
}

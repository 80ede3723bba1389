package dev.descent.ui.presets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders presets by lesson topic for the picker. A topic may start with its place in the
 * course ("7 Learning-rate schedules"): topics sort by that number, then by name; presets
 * without a topic come last under {@link #OTHER}. Within a topic the catalogue order (file
 * name) is kept.
 */
public final class PresetTopics {
    /** The heading of presets without a topic. */
    public static final String OTHER = "Other";

    private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\s+(.*)");

    private PresetTopics() {
    }

    /** The entries grouped by topic (a stable sort: file order within a topic). */
    public static List<PresetEntry> grouped(List<PresetEntry> entries) {
        List<PresetEntry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparingInt((PresetEntry e) -> order(e.preset().topic()))
                .thenComparing(e -> heading(e.preset().topic())));
        return out;
    }

    /** The topic as shown: without its number; {@link #OTHER} when blank. */
    public static String heading(String topic) {
        if (topic == null || topic.isBlank()) {
            return OTHER;
        }
        Matcher m = NUMBERED.matcher(topic.strip());
        return m.matches() ? m.group(2) : topic.strip();
    }

    /** True when entry {@code index} is the first of its topic in {@code grouped}. */
    public static boolean startsTopic(List<PresetEntry> grouped, int index) {
        return index == 0 || !heading(grouped.get(index - 1).preset().topic())
                .equals(heading(grouped.get(index).preset().topic()));
    }

    private static int order(String topic) {
        if (topic == null || topic.isBlank()) {
            return Integer.MAX_VALUE;
        }
        Matcher m = NUMBERED.matcher(topic.strip());
        if (!m.matches()) {
            return Integer.MAX_VALUE - 1;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE - 1;
        }
    }
}

package dev.descent.ui.presets;

import dev.descent.core.preset.Preset;
import dev.descent.core.config.Spec;
import dev.descent.core.preset.PresetFiles;
import dev.descent.core.race.RaceOptions;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.main.Startup;
import dev.descent.ui.racers.RacerViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetTopicsTest {

    private static PresetEntry entry(String title, String topic) {
        Preset p = PresetFiles.parse("{\"title\": \"" + title + "\", \"topic\": \"" + topic + "\"}", "");
        return new PresetEntry(p, "test");
    }

    @Test
    void topicsSortByTheirCourseNumberThenNameAndUntitledComeLast() {
        List<PresetEntry> grouped = PresetTopics.grouped(List.of(entry("a", "10 Deep networks"), entry("b", ""),
                entry("c", "2 Learning rate"), entry("d", "Misc"), entry("e", "2 Learning rate"),
                entry("f", "1 Gradient descent")));
        assertEquals(List.of("f", "c", "e", "a", "d", "b"), grouped.stream().map(e -> e.preset().title()).toList());
        assertEquals("Learning rate", PresetTopics.heading("2 Learning rate"));
        assertEquals(PresetTopics.OTHER, PresetTopics.heading(""));
        List<Boolean> starts = new ArrayList<>();
        for (int i = 0; i < grouped.size(); i++) {
            starts.add(PresetTopics.startsTopic(grouped, i));
        }
        assertEquals(List.of(true, true, false, true, true, true), starts);
    }

    @Test
    void everySurfaceLessonLoadsInTheAppWithEveryRacerAsWritten() {
        List<String> problems = new ArrayList<>();
        for (PresetEntry e : PresetCatalog.load(List.of(Path.of("presets")), problems)) {
            Preset p = e.preset();
            if (!p.problem().isSurface()) {
                continue;
            }
            MainViewModel model = new MainViewModel(Startup.expressionCompiler(), RaceOptions.DEFAULT, System::nanoTime);
            try {
                model.apply(p);
                assertEquals(p.racers().size(), model.racers().racers().size(), p.title());
                for (int i = 0; i < p.racers().size(); i++) {
                    RacerViewModel r = model.racers().racers().get(i);
                    // a racer whose spec does not survive the app's editors would silently sit out the race
                    assertEquals(Spec.parse(p.racers().get(i).optimizer()).values().keySet().stream()
                            .allMatch(k -> r.toConfig().optimizer().contains(k + "=")), true, p.title() + " racer " + i);
                    assertEquals(p.racers().get(i).schedule() == null, r.toConfig().schedule() == null, p.title());
                }
            } finally {
                model.close();
            }
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void theBundledLessonsFormAtLeastTenTopics() {
        List<String> problems = new ArrayList<>();
        List<PresetEntry> grouped = PresetTopics.grouped(PresetCatalog.load(List.of(Path.of("presets")), problems));
        assertTrue(problems.isEmpty(), problems.toString());
        long topics = grouped.stream().map(e -> PresetTopics.heading(e.preset().topic())).distinct().count();
        assertTrue(topics >= 10, "topics: " + topics);
        assertTrue(grouped.stream().noneMatch(e -> PresetTopics.heading(e.preset().topic()).equals(PresetTopics.OTHER)));
    }
}

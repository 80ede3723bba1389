package dev.descent.ui.export;

import dev.descent.core.preset.Preset;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.main.MainView;
import dev.descent.ui.main.MainViewModel;
import dev.descent.ui.network.DataModeViewModel;
import javafx.stage.Stage;

/**
 * Puts the Export button into the app's top bar. In surface mode it exports the surface race
 * ({@link ExportAction}); in data-set mode the data-set race ({@link DataSetExportAction}: its
 * boundaries, curves and insides, its epoch metrics, a GIF of it), never the hidden surface race.
 */
public final class AppExport {
    /** Steps of a GIF made before the race has run. */
    static final long DEFAULT_GIF_STEPS = 300;
    private static final int TRACE_CAPACITY = 10_000;

    private AppExport() {
    }

    public static ExportAction install(Stage stage, MainView view, MainViewModel model) {
        ExportAction action = new ExportAction(stage, () -> figure(model), () -> animation(model), model::report);
        DataSetExportAction data = model.dataModel() == null ? null
                : new DataSetExportAction(stage, model.dataModel(), dataTitle(model), model::report);
        action.button().setOnAction(e -> {
            if (data != null && model.dataModeProperty().get()) {
                data.open();
            } else {
                action.open();
            }
        });
        view.topBar().extras().getChildren().add(action.button());
        return action;
    }

    /**
     * The data-set figure's heading: the title of the data-set preset loaded last (a title that
     * came with a surface preset is not used), else the data set's name.
     */
    static java.util.function.Supplier<String> dataTitle(MainViewModel model) {
        String[] presetTitle = {model.dataModeProperty().get() ? model.titleProperty().get() : ""};
        model.titleProperty().addListener((o, a, b) -> presetTitle[0] = model.dataModeProperty().get() ? b : "");
        DataModeViewModel data = model.dataModel();
        return () -> {
            if (!presetTitle[0].isBlank()) {
                return presetTitle[0];
            }
            var s = data.session();
            return s == null ? "Data sets" : "Data set: " + s.data().source().name();
        };
    }

    static Figure figure(MainViewModel model) {
        var problem = model.problem();
        double[] start = problem.startProperty().get();
        RaceSnapshot frame = model.frameProperty().get();
        String title = model.titleProperty().get();
        return new Figure(title.isBlank() ? problem.surfaceProperty().get().displayName() : title,
                problem.surfaceProperty().get(), problem.windowProperty().get(), problem.logScaleProperty().get(),
                frame, start[0], start[1]);
    }

    /** The race on screen again from its start, for as many steps as it has run (or its budget). */
    static ExportAction.Animation animation(MainViewModel model) {
        Preset preset = model.toPreset("export");
        RaceSnapshot frame = model.frameProperty().get();
        long steps = frame.stepsRun() > 0 ? frame.stepsRun() : preset.steps() > 0 ? preset.steps() : DEFAULT_GIF_STEPS;
        return new ExportAction.Animation(preset.withSteps(steps).createSurfaceRace(TRACE_CAPACITY), steps);
    }
}

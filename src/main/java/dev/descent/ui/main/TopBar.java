package dev.descent.ui.main;

import dev.descent.ui.Styles;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** Mode, playback (Play/Pause, Step, Reset, speed), theme and presentation mode. */
public final class TopBar extends HBox {
    public static final String PLAY_ID = "play";
    public static final String SURFACES_ID = "modeSurfaces";
    public static final String DATASETS_ID = "modeDatasets";
    public static final String STEP_ID = "step";
    public static final String RESET_ID = "reset";
    public static final String SPEED_ID = "speed";
    public static final String THEME_ID = "theme";
    public static final String PRESENTATION_ID = "presentation";
    public static final String PENDING_BADGE_ID = "pendingBadge";
    static final String RESET_TIP = "Start over with the current racers (R)";
    static final String PENDING_TIP = "Edits apply at Reset (R): the race under way still runs the old settings";

    private final MainViewModel model;
    private final ToggleButton surfaces = new ToggleButton("Surfaces");
    private final ToggleButton datasets = new ToggleButton("Data sets");
    private final Button play = new Button();
    private final Button step = new Button("Step", new FontIcon("mdi2s-step-forward"));
    private final Button reset = new Button("Reset", new FontIcon("mdi2r-restart"));
    private final Slider speed = new Slider(0, 4, 0);
    private final Label speedText = new Label();
    private final ToggleButton theme = new ToggleButton("", new FontIcon("mdi2t-theme-light-dark"));
    private final ToggleButton presentation = new ToggleButton("", new FontIcon("mdi2p-projector-screen"));
    private final HBox extras = new HBox(8);
    private final Label pendingBadge = new Label();

    private final PresetBar presets;

    /** The preset picker (number keys select its entries). */
    public PresetBar presetBar() {
        return presets;
    }

    public TopBar(MainViewModel model, java.util.List<dev.descent.ui.presets.PresetEntry> presetEntries) {
        this.model = model;
        this.presets = new PresetBar(model, presetEntries);
        createView();
        bindViewModel();
    }

    /** A place for buttons other parts add (export). */
    public HBox extras() {
        return extras;
    }

    private void createView() {
        getStyleClass().add(Styles.TOP_BAR);
        ToggleGroup mode = new ToggleGroup();
        surfaces.setToggleGroup(mode);
        datasets.setToggleGroup(mode);
        surfaces.setSelected(true);
        surfaces.getStyleClass().add("left-pill");
        datasets.getStyleClass().add("right-pill");
        datasets.setId(DATASETS_ID);
        surfaces.setId(SURFACES_ID);
        datasets.setDisable(model.dataModel() == null);
        datasets.setTooltip(new Tooltip("Data-set mode: networks on XOR, moons, spirals, iris, a CSV file ..."));
        StackPane datasetsTip = new StackPane(datasets);
        play.setId(PLAY_ID);
        step.setId(STEP_ID);
        reset.setId(RESET_ID);
        speed.setId(SPEED_ID);
        theme.setId(THEME_ID);
        presentation.setId(PRESENTATION_ID);
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        step.setTooltip(new Tooltip("One step (Right arrow)"));
        reset.setTooltip(new Tooltip(RESET_TIP));
        pendingBadge.setId(PENDING_BADGE_ID);
        pendingBadge.getStyleClass().add(Styles.PENDING_BADGE);
        pendingBadge.setMouseTransparent(true);
        StackPane resetBox = new StackPane(reset, pendingBadge);
        StackPane.setAlignment(pendingBadge, javafx.geometry.Pos.TOP_RIGHT);
        speed.setTooltip(new Tooltip("Steps per second (1 to 10,000, logarithmic)"));
        theme.setTooltip(new Tooltip("Dark theme"));
        presentation.setTooltip(new Tooltip("Presentation mode: full screen, larger text and lines (F11)"));
        play.getStyleClass().add("accent");
        speed.setPrefWidth(160);
        speedText.setMinWidth(90);
        Label title = new Label("Descent");
        title.getStyleClass().addAll("title-4");
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox modes = new HBox(0, surfaces, datasetsTip);
        getChildren().addAll(title, modes, presets, play, step, resetBox, new Label("Speed"), speed, speedText, spacer,
                extras, theme, presentation);
    }

    private void showPending(boolean pending) {
        reset.getStyleClass().remove(Styles.PENDING);
        if (pending) {
            reset.getStyleClass().add(Styles.PENDING);
        }
        reset.getTooltip().setText(pending ? PENDING_TIP : RESET_TIP);
    }

    private void bindViewModel() {
        play.textProperty().bind(Bindings.when(model.runningProperty()).then("Pause").otherwise("Play"));
        play.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.runningProperty().get() ? "mdi2p-pause" : "mdi2p-play"),
                model.runningProperty()));
        play.setOnAction(e -> model.togglePlay());
        step.setOnAction(e -> model.step());
        reset.setOnAction(e -> model.reset());
        // edits to a race under way wait for Reset: say so on the button itself
        pendingBadge.visibleProperty().bind(model.pendingEditsProperty());
        model.pendingEditsProperty().addListener((o, a, b) -> showPending(b));
        showPending(model.pendingEditsProperty().get());
        speed.setValue(Math.log10(model.stepsPerSecondProperty().get()));
        speed.valueProperty().addListener((o, a, b) ->
                model.stepsPerSecondProperty().set(Math.round(Math.pow(10, b.doubleValue()))));
        model.stepsPerSecondProperty().addListener((o, a, b) -> {
            if (Math.abs(Math.log10(b.doubleValue()) - speed.getValue()) > 1e-3) {
                speed.setValue(Math.log10(b.doubleValue()));
            }
        });
        speedText.textProperty().bind(Bindings.createStringBinding(
                () -> String.format(Locale.ROOT, "%,.0f steps/s", model.stepsPerSecondProperty().get()),
                model.stepsPerSecondProperty()));
        theme.selectedProperty().bindBidirectional(model.darkProperty());
        presentation.selectedProperty().bindBidirectional(model.presentationProperty());
        surfaces.setOnAction(e -> {
            surfaces.setSelected(true);
            model.dataModeProperty().set(false);
        });
        datasets.setOnAction(e -> {
            datasets.setSelected(true);
            model.dataModeProperty().set(true);
        });
        model.dataModeProperty().addListener((o, a, b) -> (b ? datasets : surfaces).setSelected(true));
        (model.dataModeProperty().get() ? datasets : surfaces).setSelected(true);
    }
}

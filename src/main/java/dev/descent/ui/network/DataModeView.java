package dev.descent.ui.network;

import dev.descent.core.nn.MlpSpec;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.Styles;
import dev.descent.ui.curves.PlotStyle;
import dev.descent.ui.data.DataProblemView;
import dev.descent.ui.data.PreparedData;
import dev.descent.ui.racers.RacersView;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * Data-set mode's window content: problem, network and racers on the left; decision
 * boundaries and metric curves in the middle; the selected racer's insides and the LR range
 * test below. {@link #frame(long)} is called once per animation frame by the window's timer.
 * Export goes through the top bar's Export button (PNG of boundaries, curves, insides or all;
 * CSV of the metrics; GIF of the race).
 */
public final class DataModeView extends SplitPane {
    public static final String LR_TEST_ID = "lrRangeTest";
    public static final String LR_APPLY_ID = "lrApply";
    public static final String SELECTED_ID = "selectedRacer";
    public static final String STEP_EPOCH_ID = "stepEpoch";
    public static final String REVEAL_HINT_ID = "dataRevealHint";
    /** Least time between two redraws of the curves while racing (5 a second). */
    static final long PLOTS_NANOS = 200_000_000L;
    /**
     * Least time between two redraws of the insides while racing (4 a second): the weight
     * drawing alone is about 700 separately coloured lines for the software renderer.
     */
    static final long INSIDE_NANOS = 250_000_000L;

    private final DataModeViewModel model;
    private final BoundaryView boundaries = new BoundaryView();
    private final MetricCurvesView curves = new MetricCurvesView();
    private final InsideViews.GradientNorms gradients = new InsideViews.GradientNorms();
    private final InsideViews.Activations activations = new InsideViews.Activations();
    private final InsideViews.NetworkDrawing drawing = new InsideViews.NetworkDrawing();
    private final InsideViews.LrRange lrRange = new InsideViews.LrRange();
    private final dev.descent.ui.inspector.InspectorView inspector = new dev.descent.ui.inspector.InspectorView();
    private final Label revealHint = new Label("Predict: how will the curves look?\nPress V to reveal them.");
    private long inspectorShownAt;
    private final Button stepEpoch = new Button("Step epoch");
    private final Button lrTest = new Button("LR range test");
    private final Button lrApply = new Button("Apply 1cycle");
    private final Label selected = new Label();
    private final SplitPane centre = new SplitPane();
    private final FrameTimes frameTimes = new FrameTimes(600);
    private final FrameTimes frameWork = new FrameTimes(600);
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private final FrameTimeLog frameLog = FrameTimeLog.fromSystemProperty();
    private long lastPlots;
    private long lastInside;
    private RaceSnapshot lastSnapshot;
    private TrainingSession subtitlesOf;
    private List<String> subtitles = List.of();

    public DataModeView(DataModeViewModel model) {
        this.model = model;
        createView();
        bindViewModel();
    }

    private void createView() {
        VBox left = new VBox(12, new DataProblemView(model.data()), new NetworkEditorView(model.network()),
                new RacersView(model.racers()));
        left.getStyleClass().add(Styles.SIDE_PANEL);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(300);
        leftScroll.setPrefWidth(350);
        lrTest.setId(LR_TEST_ID);
        lrApply.setId(LR_APPLY_ID);
        selected.setId(SELECTED_ID);
        stepEpoch.setId(STEP_EPOCH_ID);
        stepEpoch.setTooltip(new Tooltip("Train to the end of the current epoch, then pause"));
        lrTest.setTooltip(new Tooltip("Smith's LR range test for the selected racer: the rate grows from 1e-5 to 10 "
                + "over a short run; the plot appears beside the insides"));
        HBox tools = new HBox(8, selected, stepEpoch, lrTest, lrApply);
        tools.getStyleClass().add(Styles.SIDE_PANEL);
        inspector.setMinHeight(120);
        revealHint.setId(REVEAL_HINT_ID);
        revealHint.getStyleClass().add(Styles.REVEAL_HINT);
        revealHint.setVisible(false);
        StackPane curvesPane = new StackPane(curves, revealHint);
        VBox right = new VBox(curvesPane, inspector);
        VBox.setVgrow(curvesPane, Priority.ALWAYS);
        SplitPane top = new SplitPane(boundaries, right);
        top.setDividerPositions(0.55);
        HBox inside = new HBox(4, gradients, activations, drawing, lrRange);
        for (Node n : inside.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Region) n).setPrefWidth(300);
        }
        // the LR range plot takes room only once a test has been started
        lrRange.visibleProperty().bind(model.lrResultProperty().isNotNull().or(model.lrRunningProperty()));
        lrRange.managedProperty().bind(lrRange.visibleProperty());
        BorderPane bottom = new BorderPane(inside);
        bottom.setTop(tools);
        centre.setOrientation(Orientation.VERTICAL);
        centre.getItems().addAll(top, bottom);
        centre.setDividerPositions(0.66);
        getItems().addAll(leftScroll, centre);
        setDividerPositions(0.2);
        SplitPane.setResizableWithParent(leftScroll, false);
    }

    private void bindViewModel() {
        boundaries.setOnSelect(i -> model.selectedIndexProperty().set(i));
        lrTest.disableProperty().bind(model.lrRunningProperty());
        lrTest.setOnAction(e -> model.runLrRangeTest());
        lrApply.disableProperty().bind(model.lrResultProperty().isNull());
        lrApply.setOnAction(e -> model.applyLrSuggestion());
        stepEpoch.setOnAction(e -> model.stepEpoch());
    }

    /** Theme colours and the text/line scale of every plot (presentation mode: larger). */
    public void setPlotStyle(PlotStyle style) {
        for (CanvasPane p : List.of(boundaries, curves, gradients, activations, drawing, lrRange)) {
            p.setPlotStyle(style);
        }
    }

    /** Predict, then reveal: the metric curves are hidden while {@code hidden} is true. */
    public void bindReveal(ObservableBooleanValue hidden) {
        curves.visibleProperty().bind(javafx.beans.binding.Bindings.not(hidden));
        revealHint.visibleProperty().bind(hidden);
    }

    /** Called once per animation frame. */
    public void frame(long now) {
        frameTimes.tick(now);
        long start = cpuNanos();
        draw(now);
        long work = cpuNanos() - start;
        frameWork.record(work);
        frameLog.frame(now, work, lastSnapshot == null ? 0 : lastSnapshot.stepsRun());
    }

    private long cpuNanos() {
        return cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private void draw(long now) {
        RaceSnapshot s = model.pollFrame();
        lastSnapshot = s;
        NetworkFrame f = model.networkFrame();
        TrainingSession session = model.session();
        PreparedData d = session == null ? null : session.data();
        if (f == null || d == null) {
            return;
        }
        int sel = Math.min(model.selectedIndexProperty().get(), f.racers().size() - 1);
        boundaries.show(f, d, model.data().showValidationProperty().get(), sel, subtitles(session));
        RacerFrame r = sel < 0 ? null : f.racers().get(sel);
        // curves and insides change slowly on screen: while racing, 8 redraws a second are enough
        if (!s.running() || now - lastPlots >= PLOTS_NANOS) {
            lastPlots = now;
            curves.show(f, d.classification());
        }
        if (!s.running() || now - lastInside >= INSIDE_NANOS) {
            lastInside = now;
            gradients.show(r);
            activations.show(r);
            drawing.show(r);
        }
        lrRange.show(model.lrResultProperty().get());
        if (System.nanoTime() - inspectorShownAt > 250_000_000L && r != null && sel < s.racers().size()) {
            inspectorShownAt = System.nanoTime();
            inspector.show(UpdateStatistics.of(r.label(), session.racers().get(sel).spec().optimizer().name(),
                    model.updateRule(sel), s.racers().get(sel).lastStep(), r.parameters()));
        }
        selected.setText(r == null ? "" : "Inside: " + r.label() + (r.divergedMessage() == null ? ""
                : " (" + r.divergedMessage() + ")"));
    }

    /** Per racer a second caption line for its tile: optimizer, schedule, and what the racer changes. */
    private List<String> subtitles(TrainingSession session) {
        if (session != subtitlesOf) {
            subtitlesOf = session;
            subtitles = subtitles(session.racers(), session::specOf);
        }
        return subtitles;
    }

    static List<String> subtitles(List<SessionRacer> racers, java.util.function.IntFunction<MlpSpec> specOf) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            SessionRacer r = racers.get(i);
            StringBuilder b = new StringBuilder(shortText(r.spec().optimizer()));
            if (r.schedule() != null) {
                b.append(" · ").append(r.schedule().name());
            }
            if (r.spec().init() != null) {
                b.append(" · init ").append(r.spec().init());
            }
            if (r.activation() != null) {
                b.append(" · ").append(r.activation().function().cliName());
            }
            if (r.network() != null) {
                MlpSpec spec = specOf.apply(i);
                b.append(" · net ").append(spec.inputs());
                spec.hidden().forEach(h -> b.append('-').append(h));
                b.append('-').append(spec.outputs());
            }
            if (r.normalization() != null) {
                b.append(" · ").append(r.normalization().toString().toLowerCase(java.util.Locale.ROOT));
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The optimizer as "adam lr=0.01": only the values that differ from the defaults. */
    static String shortText(dev.descent.core.config.Spec optimizer) {
        try {
            return dev.descent.ui.racers.ParameterGroup.withDefaults(optimizer.name(),
                    dev.descent.core.optim.Optimizers.factory(optimizer.name()).hyperParameters())
                    .withAll(optimizer.values()).shortText();
        } catch (RuntimeException unknown) {
            return optimizer.toString();
        }
    }

    /** The newest snapshot the frame loop read (for the status bar). */
    public RaceSnapshot lastSnapshot() {
        return lastSnapshot;
    }

    /** CPU time of the UI thread spent in {@link #frame(long)} (this view's share of each frame), independent of machine load. */
    public FrameTimes frameWork() {
        return frameWork;
    }

    /** Animation-frame intervals of the last frames. */
    public FrameTimes frameTimes() {
        return frameTimes;
    }
}

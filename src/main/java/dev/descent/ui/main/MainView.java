package dev.descent.ui.main;

import dev.descent.core.surface.QuadraticAnalysis;
import dev.descent.core.surface.Surface;
import dev.descent.ui.Styles;
import dev.descent.ui.curves.CurvesView;
import dev.descent.ui.curves.PlotStyle;
import dev.descent.ui.inspector.InspectorText;
import dev.descent.ui.inspector.InspectorView;
import dev.descent.ui.map.MapView;
import dev.descent.ui.problem.ProblemView;
import dev.descent.core.race.RaceSnapshot;
import dev.descent.core.race.RacerSnapshot;
import dev.descent.ui.racers.RacerViewModel;
import dev.descent.ui.racers.RacersView;
import javafx.animation.AnimationTimer;
import javafx.geometry.Orientation;
import dev.descent.ui.presentation.RevealState;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The window's layout: top bar; problem and racers on the left; map and curves side by side
 * with the inspector under them; status bar. One {@link AnimationTimer} reads the newest race
 * frame and redraws what changed.
 */
public final class MainView extends BorderPane {
    public static final String LOG_Y_ID = "logY";
    private static final long STATUS_NANOS = 250_000_000L;
    private static final long CURVES_NANOS = 100_000_000L;

    private final MainViewModel model;
    private final TopBar topBar;
    private final MapView map;
    private dev.descent.ui.view3d.MapTabs mapTabs;
    private final CurvesView curves = new CurvesView();
    private final InspectorView inspector = new InspectorView();
    private final StatusBarView status;
    private final CheckBox logY = new CheckBox("Log y");
    private final Label caption = new Label();
    private final Label revealHint = new Label("Predict: how will the curves look?\nPress V to reveal them.");
    private final RevealState reveal = new RevealState();
    private long lastSteps;
    private ScrollPane leftScroll;
    private dev.descent.ui.network.DataModeView dataView;
    private javafx.scene.Node surfaceCentre;
    private final StepRate dataRate = new StepRate();
    private final FrameClock clock = new FrameClock();
    private FpsLog fpsLog;
    private Optional<QuadraticAnalysis> quadratic = Optional.empty();
    private long lastStatus;
    private long lastCurves;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame(now);
        }
    };

    public MainView(MainViewModel model, List<dev.descent.ui.presets.PresetEntry> presets) {
        this.model = model;
        this.topBar = new TopBar(model, presets);
        this.map = new MapView(model.problem());
        this.status = new StatusBarView(model);
        createView();
        bindViewModel();
    }

    public TopBar topBar() {
        return topBar;
    }

    public MapView map() {
        return map;
    }

    public CurvesView curves() {
        return curves;
    }

    /** Predict-then-reveal state of the curves (keys P and V). */
    public RevealState reveal() {
        return reveal;
    }

    /** Frames per second over the last second of the frame loop. */
    public double framesPerSecond() {
        return clock.framesPerSecond();
    }

    public void start() {
        try {
            fpsLog = FpsLog.open(System.getProperty(FpsLog.PROPERTY));
        } catch (IOException e) {
            model.report("frame-rate log not written: " + e.getMessage());
        }
        timer.start();
    }

    public void stop() {
        timer.stop();
        closeFpsLog();
    }

    private void closeFpsLog() {
        if (fpsLog != null) {
            try {
                fpsLog.close();
            } catch (IOException e) {
                // the log is a measurement aid: losing its tail is not worth more than this
            }
            fpsLog = null;
        }
    }

    private void createView() {
        getStyleClass().add(Styles.ROOT);
        VBox left = new VBox(10, new ProblemView(model.problem()), new RacersView(model.racers()));
        left.getStyleClass().add(Styles.SIDE_PANEL);
        left.setPrefWidth(340);
        leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(300);
        leftScroll.setPrefWidth(350);
        logY.setId(LOG_Y_ID);
        HBox curveTools = new HBox(8, logY);
        curveTools.getStyleClass().add(Styles.SIDE_PANEL);
        revealHint.getStyleClass().add(Styles.REVEAL_HINT);
        StackPane curvesPane = new StackPane(curves, revealHint);
        VBox right = new VBox(curveTools, curvesPane);
        VBox.setVgrow(curvesPane, Priority.ALWAYS);
        mapTabs = new dev.descent.ui.view3d.MapTabs(map, model.problem());
        SplitPane plots = new SplitPane(mapTabs, right);
        plots.setDividerPositions(0.6);
        SplitPane centre = new SplitPane(plots, inspector);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.78);
        SplitPane.setResizableWithParent(inspector, false);
        setTop(topBar);
        setCenter(new SplitPane(leftScroll, centre));
        ((SplitPane) getCenter()).setDividerPositions(0.2);
        SplitPane.setResizableWithParent(leftScroll, false);
        caption.getStyleClass().add(Styles.CAPTION);
        caption.setMaxWidth(Double.MAX_VALUE);
        setBottom(new VBox(caption, status));
        surfaceCentre = getCenter();
        if (model.dataModel() != null) {
            dataView = new dev.descent.ui.network.DataModeView(model.dataModel());
        }
    }

    /** The data-set mode's content, or null when this window has none. */
    public dev.descent.ui.network.DataModeView dataView() {
        return dataView;
    }

    private void showMode(boolean data) {
        setCenter(data && dataView != null ? dataView : surfaceCentre);
        status.setBackend(data && dataView != null ? model.dataModel().backendText() : "");
    }

    private void bindViewModel() {
        model.dataModeProperty().addListener((o, a, b) -> showMode(b));
        caption.textProperty().bind(model.lessonProperty());
        caption.visibleProperty().bind(model.presentationProperty().and(model.lessonProperty().isNotEmpty()));
        caption.managedProperty().bind(caption.visibleProperty());
        curves.visibleProperty().bind(reveal.hiddenProperty().not());
        revealHint.visibleProperty().bind(reveal.hiddenProperty());
        model.titleProperty().addListener((o, a, b) -> reveal.startedOver());
        logY.selectedProperty().addListener((o, a, b) -> curves.setLogY(b));
        // surfaces whose values span decades get log colours; their loss curves want a log axis too
        logY.setSelected(model.problem().logScaleProperty().get());
        model.problem().logScaleProperty().addListener((o, a, b) -> logY.setSelected(b));
        model.racers().selectedProperty().addListener((o, a, b) -> map.invalidate());
        model.problem().surfaceProperty().addListener((o, a, b) -> quadratic = analyse(b));
        quadratic = analyse(model.problem().surfaceProperty().get());
        model.darkProperty().addListener(o -> applyPlotStyle());
        model.presentationProperty().addListener((o, a, b) -> {
            if (b) {
                getStyleClass().add(Styles.PRESENTATION);
            } else {
                getStyleClass().remove(Styles.PRESENTATION);
            }
            map.setLineScale(b ? 1.8 : 1);
            leftScroll.setPrefWidth(b ? 470 : 350);
            applyPlotStyle();
        });
        applyPlotStyle();
    }

    private void applyPlotStyle() {
        double scale = model.presentationProperty().get() ? 1.6 : 1;
        curves.setStyle(model.darkProperty().get() ? PlotStyle.dark(scale) : PlotStyle.light(scale));
    }

    private static Optional<QuadraticAnalysis> analyse(Surface s) {
        return s == null ? Optional.empty() : QuadraticAnalysis.of(s);
    }

    private void frame(long now) {
        clock.tick(now);
        if (dataView != null && model.dataModeProperty().get()) {
            dataView.frame(now);
            if (now - lastStatus > STATUS_NANOS && dataView.lastSnapshot() != null) {
                lastStatus = now;
                dataRate.observe(dataView.lastSnapshot().stepsRun(), now);
                status.update(dataView.lastSnapshot(), dataRate.perSecond(), clock.framesPerSecond());
            }
            return;
        }
        RaceSnapshot f = model.pollFrame();
        if (f.stepsRun() < lastSteps) {
            reveal.startedOver();
        }
        lastSteps = f.stepsRun();
        if (fpsLog != null) {
            try {
                fpsLog.frame(now, f.stepsRun());
            } catch (IOException e) {
                model.report("frame-rate log stopped: " + e.getMessage());
                closeFpsLog();
            }
        }
        map.redraw(f, () -> selectedIndex(f), curves.cursorStep(), now);
        mapTabs.redraw(f, now);
        // curves move slowly on screen: while racing, 10 updates a second are enough. Each
        // strokes only the new columns, but any change repaints the whole curves canvas in the
        // software pipeline; the step cursor is nodes and follows the mouse on every frame
        if (!f.running() || now - lastCurves >= CURVES_NANOS) {
            lastCurves = now;
            curves.redraw(f);
        }
        if (now - lastStatus > STATUS_NANOS) {
            lastStatus = now;
            status.update(f, model.measuredStepsPerSecond(), clock.framesPerSecond());
            updateInspector(f);
        }
    }

    private int selectedIndex(RaceSnapshot f) {
        RacerViewModel s = model.racers().selectedProperty().get();
        if (s == null) {
            return -1;
        }
        List<RacerSnapshot> racers = f.racers();
        for (int i = 0; i < racers.size(); i++) {
            if (racers.get(i).label().equals(s.labelProperty().get())
                    && racers.get(i).colour().equals(s.colourProperty().get())) {
                return i;
            }
        }
        return -1;
    }

    private void updateInspector(RaceSnapshot f) {
        int i = selectedIndex(f);
        if (i < 0) {
            inspector.show(null);
            return;
        }
        RacerViewModel r = model.racers().selectedProperty().get();
        var opt = r.optimizerProperty().get();
        double momentum = Double.NaN;
        if ("sgd".equals(opt.name()) && !"true".equals(opt.value("nesterov"))) {
            try {
                momentum = Double.parseDouble(opt.value("momentum"));
            } catch (RuntimeException e) {
                momentum = Double.NaN;
            }
        }
        inspector.show(InspectorText.of(f.racers().get(i), opt.shortText(), r.updateRule(), quadratic, momentum));
    }
}

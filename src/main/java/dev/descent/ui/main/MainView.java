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
    /** The scrolling panel with the problem and the racers. */
    public static final String LEFT_PANEL_ID = "leftPanel";
    private static final long STATUS_NANOS = 250_000_000L;
    private static final long CURVES_NANOS = 100_000_000L;
    /** Width of the problem and racers panel: its longest labels and the racer specs fit without clipping. */
    static final double LEFT_WIDTH = 400;
    static final double LEFT_WIDTH_PRESENTATION = 560;
    /** Heights at which the inspector shows the longest rule (Adam's, about a dozen lines) without scrolling. */
    static final double INSPECTOR_HEIGHT = 235;
    static final double INSPECTOR_HEIGHT_PRESENTATION = 300;

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
    private long lastDataSteps;
    private ScrollPane leftScroll;
    private SplitPane body;
    private SplitPane centre;
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
        leftScroll = new ScrollPane(left);
        leftScroll.setId(LEFT_PANEL_ID);
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        leftScroll.setMinWidth(LEFT_WIDTH);
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
        centre = new SplitPane(plots, inspector);
        centre.setOrientation(Orientation.VERTICAL);
        inspector.setMinHeight(INSPECTOR_HEIGHT);
        centre.heightProperty().addListener((o, a, b) -> {
            if (a.doubleValue() <= 0) {
                fitInspector();
            }
        });
        SplitPane.setResizableWithParent(inspector, false);
        setTop(topBar);
        body = new SplitPane(leftScroll, centre);
        setCenter(body);
        SplitPane.setResizableWithParent(leftScroll, false);
        // a SplitPane ignores its items' preferred widths: the divider sets the panel's width
        body.widthProperty().addListener((o, a, b) -> {
            if (a.doubleValue() <= 0) {
                fitLeftPanel();
            }
        });
        caption.getStyleClass().add(Styles.CAPTION);
        caption.setMaxWidth(Double.MAX_VALUE);
        setBottom(new VBox(caption, status));
        surfaceCentre = getCenter();
        if (model.dataModel() != null) {
            dataView = new dev.descent.ui.network.DataModeView(model.dataModel());
            dataView.bindReveal(reveal.hiddenProperty());
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
        logY.selectedProperty().bindBidirectional(model.curvesLogYProperty());
        curves.setLogY(logY.isSelected());
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
            leftScroll.setMinWidth(b ? LEFT_WIDTH_PRESENTATION : LEFT_WIDTH);
            fitLeftPanel();
            inspector.setMinHeight(b ? INSPECTOR_HEIGHT_PRESENTATION : INSPECTOR_HEIGHT);
            fitInspector();
            applyPlotStyle();
        });
        applyPlotStyle();
        // a session restored before the window existed may already be in data-set mode
        showMode(model.dataModeProperty().get());
    }

    /** Moves the divider so the left panel is as wide as its mode needs; later resizes keep its width. */
    private void fitLeftPanel() {
        double width = body.getWidth();
        if (width > 0) {
            double wanted = Math.min(leftScroll.getMinWidth(), width / 2);
            body.setDividerPositions(wanted / width);
        }
    }

    /** Moves the divider so the inspector is as tall as its mode needs; the plots take the rest. */
    private void fitInspector() {
        double height = centre.getHeight();
        if (height > 0) {
            centre.setDividerPositions(1 - Math.min(inspector.getMinHeight(), height / 2) / height);
        }
    }

    private void applyPlotStyle() {
        double scale = model.presentationProperty().get() ? 1.6 : 1;
        PlotStyle style = model.darkProperty().get() ? PlotStyle.dark(scale) : PlotStyle.light(scale);
        curves.setStyle(style);
        if (dataView != null) {
            dataView.setPlotStyle(style);
        }
    }

    private static Optional<QuadraticAnalysis> analyse(Surface s) {
        return s == null ? Optional.empty() : QuadraticAnalysis.of(s);
    }

    private void frame(long now) {
        clock.tick(now);
        if (dataView != null && model.dataModeProperty().get()) {
            dataView.frame(now);
            RaceSnapshot d = dataView.lastSnapshot();
            if (d != null) {
                if (d.stepsRun() < lastDataSteps) {
                    reveal.startedOver();
                }
                lastDataSteps = d.stepsRun();
                logFps(now, d.stepsRun());
            }
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

    private void logFps(long now, long steps) {
        if (fpsLog != null) {
            try {
                fpsLog.frame(now, steps);
            } catch (IOException e) {
                model.report("frame-rate log stopped: " + e.getMessage());
                closeFpsLog();
            }
        }
    }

    private int selectedIndex(RaceSnapshot f) {
        return model.selectedIndex(f);
    }

    private void updateInspector(RaceSnapshot f) {
        int i = selectedIndex(f);
        inspector.show(i < 0 ? null : InspectorText.of(f.racers().get(i), quadratic));
    }
}

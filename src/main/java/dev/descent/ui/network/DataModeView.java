package dev.descent.ui.network;

import dev.descent.core.race.RaceSnapshot;
import dev.descent.ui.Styles;
import dev.descent.ui.data.DataProblemView;
import dev.descent.ui.data.PreparedData;
import dev.descent.ui.racers.RacersView;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Data-set mode's window content: problem, network and racers on the left; decision
 * boundaries and metric curves in the middle; the selected racer's insides and the LR range
 * test below. {@link #frame(long)} is called once per animation frame by the window's timer.
 */
public final class DataModeView extends SplitPane {
    public static final String EXPORT_ID = "exportData";
    public static final String LR_TEST_ID = "lrRangeTest";
    public static final String LR_APPLY_ID = "lrApply";
    public static final String SELECTED_ID = "selectedRacer";
    public static final String STEP_EPOCH_ID = "stepEpoch";

    private final DataModeViewModel model;
    private final BoundaryView boundaries = new BoundaryView();
    private final MetricCurvesView curves = new MetricCurvesView();
    private final InsideViews.GradientNorms gradients = new InsideViews.GradientNorms();
    private final InsideViews.Activations activations = new InsideViews.Activations();
    private final InsideViews.NetworkDrawing drawing = new InsideViews.NetworkDrawing();
    private final InsideViews.LrRange lrRange = new InsideViews.LrRange();
    private final dev.descent.ui.inspector.InspectorView inspector = new dev.descent.ui.inspector.InspectorView();
    private long inspectorShownAt;
    private final Button export = new Button("Export PNG");
    private final Button exportCsv = new Button("Export CSV");
    private final Button stepEpoch = new Button("Step epoch");
    private final Button lrTest = new Button("LR range test");
    private final Button lrApply = new Button("Apply 1cycle");
    private final Label selected = new Label();
    private final SplitPane centre = new SplitPane();
    private final FrameTimes frameTimes = new FrameTimes(600);
    private final FrameTimes frameWork = new FrameTimes(600);
    private final java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    private int curveFrame;
    private RaceSnapshot lastSnapshot;

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
        export.setId(EXPORT_ID);
        lrTest.setId(LR_TEST_ID);
        lrApply.setId(LR_APPLY_ID);
        selected.setId(SELECTED_ID);
        stepEpoch.setId(STEP_EPOCH_ID);
        stepEpoch.setTooltip(new javafx.scene.control.Tooltip("Train to the end of the current epoch, then pause"));
        HBox tools = new HBox(8, selected, stepEpoch, lrTest, lrApply, export, exportCsv);
        tools.getStyleClass().add(Styles.SIDE_PANEL);
        inspector.setMinHeight(150);
        VBox right = new VBox(curves, inspector);
        VBox.setVgrow(curves, Priority.ALWAYS);
        SplitPane top = new SplitPane(boundaries, right);
        top.setDividerPositions(0.55);
        HBox inside = new HBox(4, gradients, activations, drawing, lrRange);
        for (Node n : inside.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((javafx.scene.layout.Region) n).setPrefWidth(300);
        }
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
        exportCsv.setOnAction(e -> saveCsv());
        stepEpoch.setOnAction(e -> model.stepEpoch());
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("descent-datasets.png");
            File f = chooser.showSaveDialog(getScene().getWindow());
            if (f != null) {
                model.report(exportPng(f.toPath(), 2) ? "saved " + f : "not saved: " + f);
            }
        });
    }

    private void saveCsv() {
        NetworkFrame f = model.networkFrame();
        if (f == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("descent-metrics.csv");
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            try {
                dev.descent.core.preset.AtomicFiles.write(file.toPath(), MetricsCsv.of(f));
                model.report("saved " + file);
            } catch (IOException e) {
                model.report("not saved: " + file + ": " + e.getMessage());
            }
        }
    }

    /** Called once per animation frame. */
    public void frame(long now) {
        frameTimes.tick(now);
        long start = cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime();
        draw();
        frameWork.record((cpu.isCurrentThreadCpuTimeSupported() ? cpu.getCurrentThreadCpuTime() : System.nanoTime()) - start);
    }

    private void draw() {
        RaceSnapshot s = model.pollFrame();
        lastSnapshot = s;
        NetworkFrame f = model.networkFrame();
        PreparedData d = model.session() == null ? null : model.session().data();
        if (f == null || d == null) {
            return;
        }
        int sel = Math.min(model.selectedIndexProperty().get(), f.racers().size() - 1);
        boundaries.show(f, d, model.data().showValidationProperty().get(), sel);
        if (!s.running() || ++curveFrame % 3 == 0) {
            curves.show(f, model.network().epochsProperty().get(), d.classification(), s.finished());
        }
        RacerFrame r = sel < 0 ? null : f.racers().get(sel);
        // the insides change slowly: while racing, every sixth frame is enough
        if (!s.running() || curveFrame % 6 == 0) {
            gradients.show(r);
            activations.show(r);
            drawing.show(r);
        }
        lrRange.show(model.lrResultProperty().get());
        if (System.nanoTime() - inspectorShownAt > 250_000_000L && r != null && sel < s.racers().size()) {
            inspectorShownAt = System.nanoTime();
            inspector.show(UpdateStatistics.of(r.label(), model.session().racers().get(sel).spec().optimizer().name(),
                    model.updateRule(sel), s.racers().get(sel).lastStep(), r.parameters()));
        }
        selected.setText(r == null ? "" : "Inside: " + r.label() + (r.divergedMessage() == null ? ""
                : " (" + r.divergedMessage() + ")"));
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

    /** Writes the plots (boundaries, curves and insides) as a PNG at {@code scale}x; false on an I/O error. */
    public boolean exportPng(Path file, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        WritableImage img = centre.snapshot(p, null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

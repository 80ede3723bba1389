package dev.descent.ui.tools;

import dev.descent.ui.DescentApp;
import dev.descent.ui.main.MainView;
import dev.descent.ui.network.DataModeView;
import dev.descent.ui.network.DataModeViewModel;
import dev.descent.ui.network.RaceKind;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.File;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Not a test: drives the real window (run it under Xvfb) through data-set mode scenes, writes
 * a PNG of the window after each and prints frame-time statistics while 8 racers train a
 * 2-64-64-3 net. Usage: {@code DataModeScreenshots$Main OUTPUT_DIR}.
 */
public final class DataModeScreenshots extends Application {
    private static String out;
    private DescentApp app;
    private Stage stage;

    /** The entry point (a class that does not extend Application, so the JavaFX modules need not be on the module path). */
    public static final class Main {
        public static void main(String[] args) {
            out = args.length > 0 ? args[0] : "assets";
            System.setProperty("descent.session", "none");
            Application.launch(DataModeScreenshots.class, args);
        }
    }

    @Override
    public void start(Stage s) {
        stage = s;
        app = new DescentApp();
        app.start(s);
        Thread script = new Thread(this::script, "screenshot-script");
        script.setDaemon(true);
        script.start();
    }

    private void script() {
        try {
            fx(v -> app.model().dataModeProperty().set(true));
            DataModeViewModel m = app.model().dataModel();
            if (!Boolean.getBoolean("screenshots.perfOnly")) {
                scenes(m);
            }
            performance(m);
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                app.stop();
                Platform.exit();
            });
        }
    }

    private void scenes(DataModeViewModel m) throws Exception {
        {
            // 1: moons, three optimizers, trained a while
            fx(v -> {
                m.network().epochsProperty().set(60);
                m.network().earlyStoppingProperty().set(true);
                m.network().patienceProperty().set(8);
                m.reset();
            });
            fx(v -> m.play());
            m.awaitFrame(f -> f.finished(), java.time.Duration.ofSeconds(120));
            pause(1500);
            fx(v -> m.runLrRangeTest());
            waitUntil(() -> m.lrResultProperty().get() != null, 60_000);
            pause(800);
            shot("screenshot-datasets.png");
            // 2: racing initialisations on spirals with a deep sigmoid net (vanishing gradients)
            fx(v -> {
                m.data().generatorProperty().set("spiral");
                m.data().noiseProperty().set(0.05);
                m.network().hiddenProperty().set("16, 16, 16, 16");
                m.network().activationProperty().set("sigmoid");
                m.network().earlyStoppingProperty().set(false);
                m.network().epochsProperty().set(40);
                m.network().racedInitsProperty().set("normal std=0.01; glorot_uniform; he_normal; normal std=2");
                m.network().raceKindProperty().set(RaceKind.INITS);
                m.reset();
                m.selectedIndexProperty().set(0);
            });
            fx(v -> m.play());
            m.awaitFrame(f -> f.finished(), java.time.Duration.ofSeconds(120));
            pause(1500);
            shot("screenshot-datasets-inits.png");
            // 3: iris (4 features, two shown), regression on sine
            fx(v -> {
                m.network().raceKindProperty().set(RaceKind.OPTIMIZERS);
                m.network().activationProperty().set("tanh");
                m.network().hiddenProperty().set("16, 16");
                m.data().kindProperty().set(dev.descent.ui.data.DataSourceKind.BUNDLED);
                m.data().bundledProperty().set("iris");
                m.data().featureXProperty().set(2);
                m.data().featureYProperty().set(3);
                m.reset();
            });
            fx(v -> m.play());
            m.awaitFrame(f -> f.finished(), java.time.Duration.ofSeconds(120));
            pause(1500);
            shot("screenshot-datasets-iris.png");
            fx(v -> {
                m.data().kindProperty().set(dev.descent.ui.data.DataSourceKind.GENERATOR);
                m.data().generatorProperty().set("sine");
                m.network().epochsProperty().set(150);
                m.reset();
            });
            fx(v -> m.play());
            m.awaitFrame(f -> f.finished(), java.time.Duration.ofSeconds(120));
            pause(1500);
            shot("screenshot-datasets-regression.png");
        }
    }

    private void performance(DataModeViewModel m) throws Exception {
        {
            // 4: frame times while 8 racers train a 2-64-64-3 net
            fx(v -> {
                m.data().generatorProperty().set("spiral3");
                m.data().samplesProperty().set(600);
                m.network().hiddenProperty().set("64, 64");
                m.network().activationProperty().set("relu");
                m.network().epochsProperty().set(100000);
                while (m.racers().racers().size() < 8) {
                    m.racers().add();
                }
                m.reset();
                app.model().stepsPerSecondProperty().set(10_000);
            });
            DataModeView view = ((MainView) stage.getScene().getRoot()).dataView();
            fx(v -> {
                view.frameTimes().clear();
                view.frameWork().clear();
                app.model().play();
            });
            pause(15_000);
            long steps = m.pollFrame().stepsRun();
            fx(v -> System.out.printf(Locale.ROOT,
                    "8 racers 2-64-64-3 on spiral3: %d frames in 15 s of play, %d steps; frame interval ms: "
                            + "median %.1f, p90 %.1f, p99 %.1f, max %.1f; backend %s%n",
                    view.frameTimes().frames(), steps, view.frameTimes().quantileMillis(0.5),
                    view.frameTimes().quantileMillis(0.9), view.frameTimes().quantileMillis(0.99),
                    view.frameTimes().quantileMillis(1), m.backendText()));
            fx(v -> System.out.printf(Locale.ROOT, "UI-thread CPU time in DataModeView.frame ms: median %.1f, p90 %.1f, p99 %.1f, max %.1f%n",
                    view.frameWork().quantileMillis(0.5), view.frameWork().quantileMillis(0.9),
                    view.frameWork().quantileMillis(0.99), view.frameWork().quantileMillis(1)));
            shot("screenshot-datasets-8racers.png");
            fx(v -> app.model().pause());
        }
    }

    private void shot(String name) throws Exception {
        fx(v -> {
            WritableImage img = stage.getScene().snapshot(null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", new File(out, name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + name);
    }

    private static void fx(Consumer<Void> action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.accept(null);
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    private static void waitUntil(java.util.function.BooleanSupplier c, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!c.getAsBoolean() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }
}

package dev.descent.ui.export;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the JavaFX toolkit without a display, for rendering figures from the command line:
 * Monocle's headless glass platform with the software renderer (no DISPLAY, no GPU, no GTK
 * window). The properties must be set before the toolkit starts; when it already runs (a
 * test, the app) it is used as it is.
 */
public final class HeadlessFx {
    private static final Object LOCK = new Object();
    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");

    private HeadlessFx() {
    }

    /** Starts the toolkit headless unless it already runs; returns when it accepts work. */
    public static void start() {
        synchronized (LOCK) {
            if (running()) {
                return;
            }
            setIfAbsent("glass.platform", "Monocle");
            setIfAbsent("monocle.platform", "Headless");
            setIfAbsent("prism.order", "sw");
            setIfAbsent("prism.text", "t2k");
            setIfAbsent("java.awt.headless", "true");
            // JavaFX warns "Unsupported JavaFX configuration" for a class-path jar; a CLI run says nothing on success
            PLATFORM_LOG.setLevel(Level.SEVERE);
            CountDownLatch started = new CountDownLatch(1);
            try {
                Platform.startup(started::countDown);
                Platform.setImplicitExit(false);
            } catch (IllegalStateException alreadyRunning) {
                started.countDown();
            }
            try {
                started.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting JavaFX", e);
            }
        }
    }

    private static boolean running() {
        try {
            Platform.runLater(() -> { });
            return true;
        } catch (IllegalStateException notStarted) {
            return false;
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

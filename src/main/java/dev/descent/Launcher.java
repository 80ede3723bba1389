package dev.descent;

import dev.descent.cli.DescentCli;
import dev.descent.ui.DescentApp;

/**
 * Entry point of the fat jar. No arguments opens the window; any argument runs the
 * command line headless.
 *
 * <p>This class must not extend {@code javafx.application.Application}: {@code java -jar}
 * on a shaded JavaFX jar refuses such a main class (STACK.md, trap 1).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            DescentApp.launchApp(args);
        } else {
            System.exit(DescentCli.run(args));
        }
    }
}

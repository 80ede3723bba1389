package dev.descent.ui.main;

import dev.descent.ui.Styles;
import dev.descent.core.race.RaceSnapshot;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;

import java.util.Locale;

/** Steps per second, frame rate, racers running/diverged, and the last message. */
public final class StatusBarView extends HBox {
    public static final String ID = "statusBar";
    public static final String MESSAGE_ID = "statusMessage";

    private final Label rates = new Label();
    private final Label racers = new Label();
    private final Label message = new Label();

    public StatusBarView(MainViewModel model) {
        setId(ID);
        getStyleClass().add(Styles.STATUS_BAR);
        setSpacing(18);
        message.setId(MESSAGE_ID);
        message.getStyleClass().add(Styles.HINT);
        Pane spacer = new Pane();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(rates, racers, spacer, message);
        message.textProperty().bind(model.messageProperty());
    }

    /** Called a few times per second by the frame loop. */
    public void update(RaceSnapshot frame, double stepsPerSecond, double framesPerSecond) {
        rates.setText(String.format(Locale.ROOT, "step %,d  |  %,.0f steps/s  |  %.0f fps",
                frame.stepsRun(), stepsPerSecond, framesPerSecond));
        long diverged = frame.divergedCount();
        racers.setText(String.format(Locale.ROOT, "%d %s, %d diverged",
                frame.racers().size() - diverged, frame.finished() ? "finished" : "racing", diverged));
    }
}

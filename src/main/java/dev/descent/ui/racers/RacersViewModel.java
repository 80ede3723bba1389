package dev.descent.ui.racers;

import dev.descent.core.config.ConfigException;
import dev.descent.core.race.RacerConfig;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/** The list of racers with add, duplicate and remove, and the selected racer. */
public final class RacersViewModel {
    public static final int MAX_RACERS = 12;

    private final ObservableList<RacerViewModel> racers = FXCollections.observableArrayList();
    private final ObjectProperty<RacerViewModel> selected = new SimpleObjectProperty<>();
    private int created;
    private long lastId;

    public RacersViewModel() {
        // every racer that joins gets an id no other racer of this list has had, so a race
        // started before an edit or a removal never mistakes one racer for another
        racers.addListener((javafx.collections.ListChangeListener<RacerViewModel>) c -> {
            while (c.next()) {
                for (RacerViewModel r : c.getAddedSubList()) {
                    if (r.id() == 0 || racers.stream().filter(o -> o.id() == r.id()).count() > 1) {
                        r.assignId(++lastId);
                    }
                    lastId = Math.max(lastId, r.id());
                }
            }
        });
    }

    // Properties

    public ObservableList<RacerViewModel> racers() {
        return racers;
    }

    public ObjectProperty<RacerViewModel> selectedProperty() {
        return selected;
    }

    /** The racer with this {@link RacerViewModel#id()}, if it is in the list. */
    public java.util.Optional<RacerViewModel> byId(long id) {
        return racers.stream().filter(r -> r.id() == id).findFirst();
    }

    // Commands

    /** Adds a plain SGD racer in the next free colour; false at twelve racers. */
    public boolean add() {
        if (racers.size() >= MAX_RACERS) {
            return false;
        }
        RacerViewModel r = RacerViewModel.of("racer " + (++created), freeColour(), "sgd", "0.01");
        racers.add(r);
        selected.set(r);
        return true;
    }

    /** Adds a racer as given (from a preset or a session). */
    public void add(RacerViewModel racer) {
        if (racers.size() >= MAX_RACERS) {
            throw new ConfigException("at most " + MAX_RACERS + " racers");
        }
        created++;
        racers.add(racer);
    }

    /** Copies the selected racer (same optimizer, to be tuned) under it; false when none or full. */
    public boolean duplicate() {
        RacerViewModel s = selected.get();
        if (s == null || racers.size() >= MAX_RACERS) {
            return false;
        }
        created++;
        RacerViewModel copy = s.copy(s.labelProperty().get() + " (copy)", freeColour());
        racers.add(racers.indexOf(s) + 1, copy);
        selected.set(copy);
        return true;
    }

    public boolean remove() {
        RacerViewModel s = selected.get();
        if (s == null) {
            return false;
        }
        int i = racers.indexOf(s);
        racers.remove(i);
        selected.set(racers.isEmpty() ? null : racers.get(Math.min(i, racers.size() - 1)));
        return true;
    }

    public void clear() {
        racers.clear();
        selected.set(null);
        created = 0;
    }

    /**
     * The configs for the next race. Racers whose config does not build are left out and
     * their reason is collected in {@code problems}.
     */
    public List<RacerConfig> configs(List<String> problems) {
        List<RacerConfig> out = new ArrayList<>();
        for (RacerViewModel r : racers) {
            try {
                out.add(r.toConfig());
            } catch (ConfigException e) {
                problems.add(r.labelProperty().get() + ": " + e.getMessage());
            }
        }
        return out;
    }

    private String freeColour() {
        for (String c : RacerPalette.COLOURS) {
            if (racers.stream().noneMatch(r -> c.equals(r.colourProperty().get()))) {
                return c;
            }
        }
        return RacerPalette.colour(created);
    }
}

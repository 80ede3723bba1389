package dev.descent.ui.main;

import dev.descent.core.config.ConfigException;
import dev.descent.core.optim.Optimizers;
import dev.descent.ui.racers.RacerPalette;
import dev.descent.ui.racers.RacerViewModel;
import dev.descent.ui.racers.RacersViewModel;

import java.util.List;

/** The racers a first start shows: the classic comparison, limited to optimizers this build has. */
final class DefaultRacers {
    private record Entry(String label, String optimizer, String lr, String key, String value) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("SGD", "sgd", "0.001", null, null),
            new Entry("Momentum", "sgd", "0.001", "momentum", "0.9"),
            new Entry("Nesterov", "sgd", "0.001", "nesterov", "true"),
            new Entry("RMSprop", "rmsprop", "0.01", null, null),
            new Entry("Adam", "adam", "0.05", null, null));

    private DefaultRacers() {
    }

    static void fill(RacersViewModel racers) {
        racers.clear();
        for (Entry e : ENTRIES) {
            try {
                Optimizers.factory(e.optimizer());
                RacerViewModel r = RacerViewModel.of(e.label(), RacerPalette.colour(racers.racers().size()),
                        e.optimizer(), e.lr());
                if (e.key() != null) {
                    if ("nesterov".equals(e.key())) {
                        r.setOptimizerValue("momentum", "0.9");
                    }
                    r.setOptimizerValue(e.key(), e.value());
                }
                racers.add(r);
            } catch (ConfigException missing) {
                // this build has no such optimizer: leave the entry out
            }
        }
        if (!racers.racers().isEmpty()) {
            racers.selectedProperty().set(racers.racers().get(0));
        }
    }
}

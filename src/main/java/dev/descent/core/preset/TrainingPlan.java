package dev.descent.core.preset;

import dev.descent.core.compute.Backend;
import dev.descent.core.config.ConfigException;
import dev.descent.core.data.CsvOptions;
import dev.descent.core.data.DataSources;
import dev.descent.core.data.DataSplit;
import dev.descent.core.data.Dataset;
import dev.descent.core.data.FeatureScaler;
import dev.descent.core.data.NoiseAugmentation;
import dev.descent.core.data.Normalization;
import dev.descent.core.nn.ActivationSpec;
import dev.descent.core.nn.HiddenLayer;
import dev.descent.core.nn.Init;
import dev.descent.core.nn.Loss;
import dev.descent.core.nn.MlpSpec;
import dev.descent.core.nn.NetworkData;
import dev.descent.core.race.RacerConfig;
import dev.descent.core.race.TrainingRace;
import dev.descent.core.race.TrainingRaceEpoch;
import dev.descent.core.race.TrainingRaceOptions;
import dev.descent.core.race.TrainingRaceResult;
import dev.descent.core.race.TrainingRacerSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A data-set preset as training races. A {@link TrainingRace} trains one architecture, so the
 * enabled racers are grouped by what they share (network and feature scaling: their
 * {@link RacerVariant}), and each group is one race; optimizer, schedule and clipping are per
 * racer. Every
 * group uses the preset's seed, so groups see the same data split, the same minibatch order
 * (for the same batch size) and, for the same architecture and initialisation, the same
 * starting weights: racers differ only in what the lesson changes.
 *
 * <p>Results and epoch records carry the racer's index among the enabled racers, as the
 * surface {@code run} output does.
 */
public final class TrainingPlan implements AutoCloseable {

    /** One group: the enabled-racer indices it holds, in order, and its race. */
    private record Group(List<Integer> racers, TrainingRace race) {
    }

    private record Key(NetworkConfig network, String normalize) {
    }

    private final List<Group> groups = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private final Dataset dataset;

    /**
     * @param preset  a data-set preset with at least one enabled racer
     * @param folder  the preset's folder, against which a relative CSV file is resolved (may be null)
     * @param backend where the nets compute; the caller keeps ownership
     * @throws ConfigException when the data, network or a racer does not fit
     */
    public TrainingPlan(Preset preset, Path folder, Backend backend) {
        if (preset.problem().isSurface()) {
            throw new ConfigException("'" + preset.title() + "' is a surface preset, not a training race");
        }
        if (preset.epochs() < 1) {
            throw new ConfigException("epochs must be >= 1 for a training race, was " + preset.epochs());
        }
        DatasetProblem problem = preset.problem().dataset();
        this.dataset = open(problem, folder, preset.seed());
        Map<Key, List<Integer>> byKey = new LinkedHashMap<>();
        Map<Key, List<TrainingRacerSpec>> specs = new LinkedHashMap<>();
        int enabled = 0;
        for (int i = 0; i < preset.racers().size(); i++) {
            RacerConfig racer = preset.racers().get(i);
            if (!racer.enabled()) {
                continue;
            }
            RacerVariant variant = preset.variant(i);
            Key key = new Key(variant.networkOr(preset.network()), variant.normalizeOr(problem.normalize()));
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(enabled);
            specs.computeIfAbsent(key, k -> new ArrayList<>()).add(TrainingRacerSpec.of(racer));
            labels.add(racer.label());
            enabled++;
        }
        if (enabled == 0) {
            throw new ConfigException("the preset has no enabled racers");
        }
        try {
            for (Map.Entry<Key, List<Integer>> e : byKey.entrySet()) {
                groups.add(new Group(e.getValue(), race(e.getKey(), specs.get(e.getKey()), preset, problem, backend)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The data set before the split (for its name and size). */
    public Dataset dataset() {
        return dataset;
    }

    /** Number of races the enabled racers were grouped into. */
    public int raceCount() {
        return groups.size();
    }

    /**
     * Runs every race to its end, calling {@code listener} with each epoch record re-numbered to
     * the racer's index among the enabled racers.
     */
    public void run(Consumer<TrainingRaceEpoch> listener) {
        for (Group g : groups) {
            g.race().addListener(e -> listener.accept(renumber(e, g.racers().get(e.racer()))));
            g.race().run();
        }
    }

    /** How each enabled racer ended, in racer order. */
    public List<TrainingRaceResult> results() {
        TrainingRaceResult[] out = new TrainingRaceResult[labels.size()];
        for (Group g : groups) {
            List<TrainingRaceResult> results = g.race().results();
            for (int i = 0; i < results.size(); i++) {
                out[g.racers().get(i)] = results.get(i);
            }
        }
        return List.of(out);
    }

    @Override
    public void close() {
        for (Group g : groups) {
            g.race().close();
        }
    }

    private static Dataset open(DatasetProblem problem, Path folder, long seed) {
        if (problem.name() != null) {
            return DataSources.open(problem.name(), problem.samples(), problem.noise(), seed, CsvOptions.DEFAULTS);
        }
        Path file = Path.of(problem.file());
        if (!file.isAbsolute() && folder != null) {
            file = folder.resolve(file);
        }
        return DataSources.open(file.toString(), problem.samples(), problem.noise(), seed, problem.csvOptions());
    }

    private TrainingRace race(Key key, List<TrainingRacerSpec> racers, Preset preset, DatasetProblem problem,
                              Backend backend) {
        NetworkConfig n = key.network();
        MlpSpec spec = mlpSpec(n, dataset);
        TrainingRaceOptions options = options(n, preset.epochs(), preset.seed());
        DataSplit split = split(problem, Normalization.of(key.normalize()), preset.seed());
        return new TrainingRace(backend, spec, split.train(), split.validation(), racers, options,
                n.earlyStoppingOptions());
    }

    /** The rows a group trains on: {@link #prepare} with the problem's split, scaling and augmentation. */
    private DataSplit split(DatasetProblem problem, Normalization normalization, long seed) {
        return prepare(dataset, problem.split(), Normalization.of(problem.normalize()), problem.augment(),
                normalization, seed);
    }

    /**
     * The rows a race trains on, as the app's data-set mode prepares them: a split holding out
     * {@code validation} of the rows, drawn from {@code SplittableRandom(seed)}, a scaler of kind
     * {@code scaling} fitted on the training part, and then, when {@code augment} is active, noisy
     * copies of the scaled training rows drawn from the same random stream. With augmentation, a
     * racer whose own scaling ({@code racerScaling}) differs from {@code scaling} gets those rows
     * mapped back to data units and rescaled by a scaler fitted on them, as the app rescales its
     * prepared data for such a racer. The {@code train} command calls this with one scaling for both.
     */
    public static DataSplit prepare(Dataset dataset, double validation, Normalization scaling, Augmentation augment,
                                    Normalization racerScaling, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        DataSplit split = DataSplit.split(dataset, validation, 0, random);
        if (!augment.isActive()) {
            return split.normalized(racerScaling);
        }
        FeatureScaler scaler = scaling.fit(split.train());
        Dataset train = NoiseAugmentation.augment(scaler.apply(split.train()), augment.copies(), augment.sigma(),
                random);
        Dataset validationRows = scaler.apply(split.validation());
        if (racerScaling != scaling) {
            train = inverted(scaler, train);
            validationRows = inverted(scaler, validationRows);
            FeatureScaler own = racerScaling.fit(train);
            train = own.apply(train);
            validationRows = own.apply(validationRows);
        }
        return new DataSplit(train, validationRows, split.test());
    }

    private static Dataset inverted(FeatureScaler scaler, Dataset d) {
        double[][] rows = new double[d.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = scaler.invert(d.features()[i]);
        }
        return new Dataset(d.name(), rows, d.targets(), d.classes(), d.featureNames(), d.classNames());
    }

    /**
     * The architecture {@code n} describes for a data set: its inputs, hidden layers with their
     * activation, batch norm and dropout, loss, and as many outputs as the loss needs for the
     * data's targets. The app's data-set mode builds a racer variant's network with it too.
     */
    public static MlpSpec mlpSpec(NetworkConfig n, Dataset data) {
        Loss loss = Loss.parse(n.loss());
        List<HiddenLayer> hidden = new ArrayList<>();
        for (int l = 0; l < n.layers().size(); l++) {
            hidden.add(new HiddenLayer(n.layers().get(l), ActivationSpec.parse(n.activationOf(l)), n.batchnormOf(l),
                    n.dropoutOf(l)));
        }
        return new MlpSpec(data.dimension(), hidden, NetworkData.outputsFor(data, loss), loss);
    }

    /** The training options {@code n} describes (batch size, l1, l2, init) for a budget and a seed. */
    public static TrainingRaceOptions options(NetworkConfig n, int epochs, long seed) {
        return new TrainingRaceOptions(epochs, n.batchSize(), n.l1(), n.l2(), seed, Init.parse(n.init()), null);
    }

    private static TrainingRaceEpoch renumber(TrainingRaceEpoch e, int racer) {
        return new TrainingRaceEpoch(racer, e.label(), e.epoch(), e.step(), e.trainLoss(), e.valLoss(),
                e.trainAccuracy(), e.valAccuracy(), e.learningRate(), e.gradientNorms(), e.activationMean(),
                e.activationStd());
    }
}

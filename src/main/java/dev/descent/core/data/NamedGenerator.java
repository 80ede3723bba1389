package dev.descent.core.data;

/** The parts every built-in generator shares: its name, one line of description and its number of classes. */
abstract class NamedGenerator implements DataGenerator {

    private final String name;
    private final String description;
    private final int classes;

    /** @param classes number of classes, 0 for a regression set */
    NamedGenerator(String name, String description, int classes) {
        this.name = name;
        this.description = description;
        this.classes = classes;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final int classes() {
        return classes;
    }
}

package dev.descent.ui.data;

/** Where the data-set mode's data comes from. */
public enum DataSourceKind {
    GENERATOR("Generator"), BUNDLED("Bundled data set"), CSV("CSV file");

    private final String text;

    DataSourceKind(String text) {
        this.text = text;
    }

    @Override
    public String toString() {
        return text;
    }
}

package dev.descent.core.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small in-memory data set: one row of features per sample and one target.
 *
 * <p>With {@code classes >= 2} the task is classification and every target is a class index
 * {@code 0 .. classes-1} (stored as a double holding an exact integer); {@code classNames} has one
 * name per class. With {@code classes == 0} the task is regression, targets are any finite
 * numbers and {@code classNames} is empty.
 *
 * <p>The number of features is {@code featureNames.size()} (at least 1); every row has that
 * length. A data set may have no rows (an empty validation part of a split). All values are
 * finite. The constructor copies the arrays; the accessors return the copies without copying
 * again, so callers must treat them as read-only.
 *
 * @param name          a short name for messages and file names ("moons", "iris.csv")
 * @param features      {@code n x d} feature matrix, row-major
 * @param targets       {@code n} targets: class indices or regression values
 * @param classes       number of classes ({@code >= 2}), or 0 for regression
 * @param featureNames  {@code d} distinct column names
 * @param classNames    {@code classes} distinct class names (empty for regression)
 */
public record Dataset(String name, double[][] features, double[] targets, int classes,
                      List<String> featureNames, List<String> classNames) {

    public Dataset {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (features == null || targets == null || featureNames == null || classNames == null) {
            throw new IllegalArgumentException("features, targets, featureNames and classNames must not be null");
        }
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (featureNames.isEmpty()) {
            throw new IllegalArgumentException("featureNames must have at least 1 entry, was 0");
        }
        requireDistinct("featureNames", featureNames);
        if (classes == 1 || classes < 0) {
            throw new IllegalArgumentException("classes must be 0 (regression) or >= 2, was " + classes);
        }
        if (classNames.size() != classes) {
            throw new IllegalArgumentException("classNames must have " + classes + " entries (one per class), had "
                    + classNames.size());
        }
        requireDistinct("classNames", classNames);
        if (targets.length != features.length) {
            throw new IllegalArgumentException("targets must have one entry per feature row (" + features.length
                    + "), had " + targets.length);
        }
        int d = featureNames.size();
        double[][] rows = new double[features.length][];
        for (int i = 0; i < features.length; i++) {
            double[] row = features[i];
            if (row == null || row.length != d) {
                throw new IllegalArgumentException("features row " + i + " must have " + d + " values, had "
                        + (row == null ? "null" : String.valueOf(row.length)));
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("features[" + i + "][" + j + "] ('" + featureNames.get(j)
                            + "') must be finite, was " + row[j]);
                }
            }
            rows[i] = row.clone();
        }
        features = rows;
        targets = targets.clone();
        for (int i = 0; i < targets.length; i++) {
            double t = targets[i];
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("targets[" + i + "] must be finite, was " + t);
            }
            if (classes > 0 && (t != Math.rint(t) || t < 0 || t >= classes)) {
                throw new IllegalArgumentException("targets[" + i + "] must be a class index in [0, " + (classes - 1)
                        + "], was " + t);
            }
        }
    }

    /** Number of samples (rows). */
    public int size() {
        return features.length;
    }

    /** Number of features per sample. */
    public int dimension() {
        return featureNames.size();
    }

    /** True when targets are class indices ({@code classes >= 2}). */
    public boolean isClassification() {
        return classes >= 2;
    }

    /** The class index of sample {@code i}; only for classification. */
    public int label(int i) {
        if (!isClassification()) {
            throw new IllegalStateException(name + " is a regression data set; it has no class labels");
        }
        return (int) targets[i];
    }

    /** Number of samples per class (length {@code classes}); only for classification. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (int i = 0; i < size(); i++) {
            counts[label(i)]++;
        }
        return counts;
    }

    /** The same samples under another name. */
    public Dataset withName(String newName) {
        return new Dataset(newName, features, targets, classes, featureNames, classNames);
    }

    /** The rows at {@code indices}, in that order, under {@code newName}. */
    public Dataset select(String newName, int[] indices) {
        double[][] f = new double[indices.length][];
        double[] t = new double[indices.length];
        for (int k = 0; k < indices.length; k++) {
            f[k] = features[indices[k]];
            t[k] = targets[indices[k]];
        }
        return new Dataset(newName, f, t, classes, featureNames, classNames);
    }

    private static void requireDistinct(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null) {
                throw new IllegalArgumentException(field + " must not contain null");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException(field + " must be distinct, '" + n + "' appears twice");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Dataset other)) {
            return false;
        }
        return name.equals(other.name) && classes == other.classes
                && java.util.Arrays.deepEquals(features, other.features)
                && java.util.Arrays.equals(targets, other.targets)
                && featureNames.equals(other.featureNames) && classNames.equals(other.classNames);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, classes, java.util.Arrays.deepHashCode(features),
                java.util.Arrays.hashCode(targets), featureNames, classNames);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + dimension()
                + (isClassification() ? ", " + classes + " classes" : ", regression") + "]";
    }
}

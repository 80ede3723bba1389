package dev.descent.core.preset;

import dev.descent.core.config.ConfigException;

/**
 * What one racer of a data-set preset changes about the shared set-up, for lessons whose
 * racers differ in the network rather than the optimizer (a linear model against an MLP, zero
 * against random initialisation, batch norm on and off, unscaled against standardised data).
 *
 * @param network   this racer's whole network, or null for the preset's
 * @param normalize this racer's feature scaling (none | standard | minmax), or null for the problem's
 */
public record RacerVariant(NetworkConfig network, String normalize) {

    /** A racer that changes nothing. */
    public static final RacerVariant NONE = new RacerVariant(null, null);

    public RacerVariant {
        if (normalize != null && !DatasetProblem.NORMALIZATIONS.contains(normalize)) {
            throw new ConfigException("normalize must be one of none|standard|minmax, was '" + normalize + "'");
        }
    }

    /** The network this racer trains, given the preset's. */
    public NetworkConfig networkOr(NetworkConfig shared) {
        return network != null ? network : shared;
    }

    /** The scaling this racer's features get, given the problem's. */
    public String normalizeOr(String shared) {
        return normalize != null ? normalize : shared;
    }
}

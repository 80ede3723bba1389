package dev.descent.core.nn;

import dev.descent.core.config.ConfigException;

import java.util.Locale;

/**
 * The training losses, each a mean over the minibatch as torch's {@code reduction='mean'}:
 * <pre>
 *   MSE  (1/(rows outputs)) sum (x - y)^2                           nn.MSELoss
 *   BCE  (1/rows) sum max(z,0) - z y + log(1 + e^-|z|)   (1 logit)  nn.BCEWithLogitsLoss
 *   CE   (1/rows) sum (logsumexp(z_i) - z_i[t_i])                   nn.CrossEntropyLoss
 * </pre>
 */
public enum Loss {
    MSE, BCE, CE;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Loss parse(String name) {
        for (Loss l : values()) {
            if (l.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new ConfigException("loss must be one of ce|bce|mse, was '" + name + "'");
    }
}

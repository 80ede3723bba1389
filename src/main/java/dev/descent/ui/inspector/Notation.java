package dev.descent.ui.inspector;

import java.util.Map;

/**
 * Turns the optimizers' plain-text update rules ({@code "theta = theta - lr*g"}, the notation
 * of {@link dev.descent.core.optim.Optimizer#updateRule()}) into the symbols of a lecture
 * slide ({@code "θ ← θ − η·g"}). Only whole names are replaced, so {@code lr_decay} stays
 * as it is while {@code lr} becomes η.
 */
public final class Notation {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("theta", "θ"), Map.entry("lr", "η"), Map.entry("grad", "∇f(θ)"),
            Map.entry("beta", "β"), Map.entry("beta1", "β₁"), Map.entry("beta2", "β₂"),
            Map.entry("momentum", "β"), Map.entry("dampening", "τ"), Map.entry("eps", "ε"),
            Map.entry("rho", "ρ"), Map.entry("alpha", "α"), Map.entry("gbar", "ḡ"),
            Map.entry("vmax", "v_max"), Map.entry("clr", "ηₜ"), Map.entry("mu_t", "μₜ"),
            Map.entry("mu_{t+1}", "μₜ₊₁"), Map.entry("P_t", "Πₜ"), Map.entry("P_{t-1}", "Πₜ₋₁"),
            Map.entry("Delta", "Δ"), Map.entry("dtheta_prev", "Δθₜ₋₁"), Map.entry("eta_plus", "η₊"),
            Map.entry("eta_minus", "η₋"), Map.entry("step_min", "Δ_min"), Map.entry("step_max", "Δ_max"),
            Map.entry("lambda_max", "λmax"), Map.entry("lambda_min", "λmin"), Map.entry("kappa", "κ"),
            Map.entry("momentum_decay", "ψ"));

    private Notation() {
    }

    /** One rule line in symbols: names, {@code ·} for {@code *}, {@code −}, {@code ←}, {@code √}, {@code ²}. */
    public static String pretty(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int end = nameEnd(line, i);
                String name = line.substring(i, end);
                if (name.equals("sqrt") && end < n && line.charAt(end) == '(') {
                    int close = line.indexOf(')', end);
                    String inner = close > end ? line.substring(end + 1, close) : "";
                    if (!inner.isEmpty() && nameEnd(inner, 0) == inner.length()) {
                        out.append('√').append(NAMES.getOrDefault(inner, inner));
                        i = close + 1;
                    } else {
                        out.append('√');
                        i = end;
                    }
                    continue;
                }
                out.append(NAMES.getOrDefault(name, name));
                i = end;
            } else if (c == '^' && i + 1 < n && (line.charAt(i + 1) == '2' || line.charAt(i + 1) == 't')
                    && (i + 2 == n || !Character.isLetterOrDigit(line.charAt(i + 2)))) {
                out.append(line.charAt(i + 1) == '2' ? '²' : 'ᵗ');
                i += 2;
            } else if (c == '*') {
                out.append('·');
                i++;
            } else if (c == '-' ) {
                out.append('−');
                i++;
            } else if (c == '=' && i > 0 && line.charAt(i - 1) == ' ' && i + 1 < n && line.charAt(i + 1) == ' ') {
                out.append('←');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Where a name starting at {@code start} ends; a {@code _{...}} subscript belongs to it. */
    private static int nameEnd(String s, int start) {
        int i = start;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            if (s.charAt(i) == '_' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    return i;
                }
                i = close + 1;
                continue;
            }
            i++;
        }
        return i;
    }
}

package dev.descent.ui.inspector;

import dev.descent.core.config.HyperParameter;
import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizers;
import dev.descent.core.optim.StepTrace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The update rule of one racer with this step's numbers put in: hyper-parameters, the
 * gradient, the state the optimizer reports in its {@link StepTrace} and the position before
 * the step. Every line reads {@code formula = formula with numbers = result}; state from the
 * previous step that the trace does not keep (the old m, v, ...) stays a symbol. The last
 * line always ends with the position the race reached, so what is shown is what was computed.
 */
public final class StepFormulas {

    /**
     * One line: the formula, the same with numbers, and its value (a vector per coordinate).
     *
     * @param formula     in symbols ("m ← β₁·m + (1−β₁)·g")
     * @param substituted the formula with this step's numbers ("0.9·m + 0.1·(2, 0)"); "" when
     *                    nothing can be put in
     * @param value       the result, one entry per coordinate
     */
    public record Line(String formula, String substituted, double[] value) {
        public String text() {
            return formula + (substituted.isEmpty() ? "" : " = " + substituted) + " = " + vec(value);
        }
    }

    private final Map<String, Double> hyper;
    private final StepTrace s;
    private final double[] before;
    private final double[] after;
    private final long t;
    private final List<Line> lines = new ArrayList<>();

    private StepFormulas(Map<String, Double> hyper, StepTrace s, double[] after, long step) {
        this.hyper = hyper;
        this.s = s;
        this.after = after.clone();
        this.before = new double[after.length];
        for (int i = 0; i < after.length; i++) {
            before[i] = after[i] - s.delta()[i];
        }
        this.t = s.scalars().containsKey("step") ? Math.round(s.scalars().get("step")) : step;
    }

    /**
     * @param optimizerSpec the spec the racer runs with ("adam lr=0.01")
     * @param s             what its newest step computed
     * @param after         the position after that step
     * @param step          the racer's step count (t, for optimizers that do not report it)
     */
    public static List<Line> of(String optimizerSpec, StepTrace s, double[] after, long step) {
        Spec spec = Spec.parse(optimizerSpec);
        Map<String, Double> hyper = new HashMap<>();
        for (HyperParameter p : Optimizers.factory(spec.name()).hyperParameters()) {
            String text = spec.values().getOrDefault(p.name(), p.defaultValue());
            hyper.put(p.name(), number(text));
        }
        StepFormulas f = new StepFormulas(hyper, s, after, step);
        switch (spec.name()) {
            case "sgd" -> f.sgd();
            case "adam" -> f.adam(false);
            case "adamw" -> f.adam(true);
            case "rmsprop" -> f.rmsprop();
            case "adagrad" -> f.adagrad();
            case "adadelta" -> f.adadelta();
            case "adamax" -> f.adamax();
            case "nadam" -> f.nadam();
            case "rprop" -> f.rprop();
            default -> f.applied();
        }
        return List.copyOf(f.lines);
    }

    private void sgd() {
        gradient();
        double beta = s.scalars().getOrDefault("momentum", h("momentum"));
        double lr = s.learningRate();
        if (beta == 0 || s.firstMoment() == null) {
            last("θ ← θ − η·g", vec(before) + " − " + num(lr) + "·" + vec(s.gradient()));
            return;
        }
        double[] b = s.firstMoment();
        if (t <= 1) {
            add("b ← g", "", b);
        } else {
            add("b ← β·b + (1−τ)·g", num(beta) + "·b + " + num(1 - h("dampening")) + "·" + vec(s.gradient()), b);
        }
        if (flag("nesterov")) {
            last("θ ← θ − η·(g + β·b)", vec(before) + " − " + num(lr) + "·(" + vec(s.gradient()) + " + "
                    + num(beta) + "·" + vec(b) + ")");
        } else {
            last("θ ← θ − η·b", vec(before) + " − " + num(lr) + "·" + vec(b));
        }
    }

    private void adam(boolean decoupled) {
        double lr = s.learningRate();
        double beta1 = s.scalars().getOrDefault("beta1", h("beta1"));
        double beta2 = h("beta2");
        double[] start = decoupledDecay(decoupled);
        gradient(decoupled);
        double[] m = s.firstMoment();
        double[] v = s.secondMoment();
        add("m ← β₁·m + (1−β₁)·g", num(beta1) + "·m + " + num(1 - beta1) + "·" + vec(s.gradient()), m);
        String vName = "v";
        if (flag("amsgrad")) {
            vName = "v_max";
            add("v_max ← max(v_max, β₂·v + (1−β₂)·g²)", "", v);
        } else {
            add("v ← β₂·v + (1−β₂)·g²", num(beta2) + "·v + " + num(1 - beta2) + "·" + vec(s.gradient()) + "²", v);
        }
        double eps = h("eps");
        if (hyper.containsKey("bias_correction") && !flag("bias_correction")) {
            // the teaching variant without bias correction: m and v as they are
            add("η/(√" + vName + " + ε) per coordinate", "", map(v, x -> lr / (Math.sqrt(x) + eps)));
            last("θ ← θ − η·m/(√" + vName + " + ε)", vec(start) + " − " + num(lr) + "·" + vec(m) + "/("
                    + vec(map(v, Math::sqrt)) + " + " + num(eps) + ")");
            return;
        }
        double bias1 = s.scalars().getOrDefault("bias_correction1", 1.0);
        double bias2 = s.scalars().getOrDefault("bias_correction2", 1.0);
        double[] mHat = map(m, x -> x / bias1);
        double[] vHat = map(v, x -> x / bias2);
        add("m̂ = m/(1−β₁ᵗ)", vec(m) + "/" + num(bias1), mHat);
        add("v̂ = " + vName + "/(1−β₂ᵗ)", vec(v) + "/" + num(bias2), vHat);
        add("η/(√v̂ + ε) per coordinate", "", map(vHat, x -> lr / (Math.sqrt(x) + eps)));
        last("θ ← θ − η·m̂/(√v̂ + ε)", vec(start) + " − " + num(lr) + "·" + vec(mHat) + "/("
                + vec(map(vHat, Math::sqrt)) + " + " + num(eps) + ")");
    }

    private void rmsprop() {
        gradient();
        double lr = s.learningRate();
        double alpha = h("alpha");
        double eps = h("eps");
        double beta = s.scalars().getOrDefault("momentum", h("momentum"));
        double[] v = s.secondMoment();
        add("v ← α·v + (1−α)·g²", num(alpha) + "·v + " + num(1 - alpha) + "·" + vec(s.gradient()) + "²", v);
        double[] a = null;
        if (!flag("centered")) {
            a = map(v, x -> Math.sqrt(x) + eps);
            add("a = √v + ε", vec(map(v, Math::sqrt)) + " + " + num(eps), a);
        } else if (beta == 0) {
            double[] gBar = s.firstMoment();
            add("ḡ ← α·ḡ + (1−α)·g", num(alpha) + "·ḡ + " + num(1 - alpha) + "·" + vec(s.gradient()), gBar);
            double[] va = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                va[i] = Math.sqrt(v[i] - gBar[i] * gBar[i]) + eps;
            }
            a = va;
            add("a = √(v − ḡ²) + ε", "", a);
        }
        if (beta > 0) {
            add("b ← β·b + g/a", num(beta) + "·b + " + vec(s.gradient()) + "/" + (a == null ? "a" : vec(a)),
                    s.firstMoment());
            last("θ ← θ − η·b", vec(before) + " − " + num(lr) + "·" + vec(s.firstMoment()));
        } else {
            last("θ ← θ − η·g/a", vec(before) + " − " + num(lr) + "·" + vec(s.gradient()) + "/" + vec(a));
        }
    }

    private void adagrad() {
        gradient();
        double clr = s.scalars().getOrDefault("clr", s.learningRate());
        double eps = h("eps");
        lines.add(new Line("ηₜ = η/(1 + (t−1)·lr_decay)", num(s.learningRate()) + "/(1 + " + (t - 1) + "·"
                + num(h("lr_decay")) + ")", new double[] {clr}));
        add("s ← s + g²", "s + " + vec(s.gradient()) + "²", s.secondMoment());
        last("θ ← θ − ηₜ·g/(√s + ε)", vec(before) + " − " + num(clr) + "·" + vec(s.gradient()) + "/("
                + vec(map(s.secondMoment(), Math::sqrt)) + " + " + num(eps) + ")");
    }

    private void adadelta() {
        gradient();
        double lr = s.learningRate();
        double rho = h("rho");
        add("v ← ρ·v + (1−ρ)·g²", num(rho) + "·v + " + num(1 - rho) + "·" + vec(s.gradient()) + "²", s.secondMoment());
        if (lr != 0) {
            double[] d = map(s.delta(), x -> -x / lr);
            add("d = √(u + ε)/√(v + ε)·g", "", d);
            add("u ← ρ·u + (1−ρ)·d²", num(rho) + "·u + " + num(1 - rho) + "·" + vec(d) + "²", s.firstMoment());
            last("θ ← θ − η·d", vec(before) + " − " + num(lr) + "·" + vec(d));
        } else {
            add("u ← ρ·u + (1−ρ)·d²", "", s.firstMoment());
            applied();
        }
    }

    private void adamax() {
        gradient();
        double lr = s.learningRate();
        double beta1 = s.scalars().getOrDefault("beta1", h("beta1"));
        double bias1 = s.scalars().getOrDefault("bias_correction1", 1.0);
        add("m ← β₁·m + (1−β₁)·g", num(beta1) + "·m + " + num(1 - beta1) + "·" + vec(s.gradient()), s.firstMoment());
        add("u ← max(β₂·u, |g| + ε)", "max(" + num(h("beta2")) + "·u, " + vec(map(s.gradient(), Math::abs)) + " + "
                + num(h("eps")) + ")", s.secondMoment());
        last("θ ← θ − η/(1−β₁ᵗ)·m/u", vec(before) + " − " + num(lr) + "/" + num(bias1) + "·" + vec(s.firstMoment())
                + "/" + vec(s.secondMoment()));
    }

    private void nadam() {
        boolean decoupled = flag("decoupled_weight_decay");
        double lr = s.learningRate();
        double beta1 = s.scalars().getOrDefault("beta1", h("beta1"));
        double beta2 = h("beta2");
        double eps = h("eps");
        double mu = s.scalars().getOrDefault("mu", Double.NaN);
        double muNext = s.scalars().getOrDefault("mu_next", Double.NaN);
        double product = s.scalars().getOrDefault("mu_product", Double.NaN);
        double bias2 = s.scalars().getOrDefault("bias_correction2", 1.0);
        double[] start = decoupledDecay(decoupled);
        gradient(decoupled);
        scalar("μₜ = β₁·(1 − 0.5·0.96^(t·ψ))", num(beta1) + "·(1 − 0.5·0.96^(" + t + "·" + num(h("momentum_decay"))
                + "))", mu);
        scalar("μₜ₊₁", "", muNext);
        scalar("Πₜ = Πₜ₋₁·μₜ", "", product);
        add("m ← β₁·m + (1−β₁)·g", num(beta1) + "·m + " + num(1 - beta1) + "·" + vec(s.gradient()), s.firstMoment());
        add("v ← β₂·v + (1−β₂)·g²", num(beta2) + "·v + " + num(1 - beta2) + "·" + vec(s.gradient()) + "²",
                s.secondMoment());
        double[] a = map(s.secondMoment(), x -> Math.sqrt(x / bias2) + eps);
        add("a = √(v/(1−β₂ᵗ)) + ε", "√(" + vec(s.secondMoment()) + "/" + num(bias2) + ") + " + num(eps), a);
        double gradScale = lr * (1 - mu) / (1 - product);
        double momentScale = lr * muNext / (1 - product * muNext);
        last("θ ← θ − η(1−μₜ)/(1−Πₜ)·g/a − η·μₜ₊₁/(1−Πₜ·μₜ₊₁)·m/a", vec(start) + " − " + num(gradScale) + "·"
                + vec(s.gradient()) + "/" + vec(a) + " − " + num(momentScale) + "·" + vec(s.firstMoment()) + "/" + vec(a));
    }

    private void rprop() {
        add("Δ ← clamp(Δ·(η₊ | η₋ | 1), Δ_min, Δ_max)", "clamp(Δ·(" + num(h("eta_plus")) + " | " + num(h("eta_minus"))
                + " | 1), " + num(h("step_min")) + ", " + num(h("step_max")) + ")", s.secondMoment());
        double[] plain = new double[after.length];
        boolean signKept = true;
        for (int i = 0; i < after.length; i++) {
            plain[i] = -Math.signum(s.gradient()[i]) * s.secondMoment()[i];
            signKept &= Math.abs(plain[i] - s.delta()[i]) <= 1e-12 * Math.max(1, Math.abs(after[i]));
        }
        if (signKept) {
            last("θ ← θ − sign(g)·Δ", vec(before) + " − " + vec(map(s.gradient(), Math::signum)) + "·"
                    + vec(s.secondMoment()));
        } else {
            // a coordinate whose gradient changed sign skips its move (or takes the last one back)
            last("θ ← θ + Δθ (sign change: that coordinate does not move on)", vec(before) + " + " + vec(s.delta()));
        }
    }

    /** For algorithms without a substitution of their own: the applied change. */
    private void applied() {
        last("θ ← θ + Δθ", vec(before) + " + " + vec(s.delta()));
    }

    /** AdamW/NAdamW first shrink the weights; returns the position the rest of the step starts from. */
    private double[] decoupledDecay(boolean decoupled) {
        double wd = h("weight_decay");
        if (!decoupled || wd == 0) {
            return before;
        }
        double factor = 1 - s.learningRate() * wd;
        double[] shrunk = map(before, x -> x * factor);
        add("θ ← θ·(1 − η·wd)", vec(before) + "·" + num(factor), shrunk);
        return shrunk;
    }

    /** The gradient line; with L2 weight decay it shows what was added to ∇f. */
    private void gradient() {
        gradient(false);
    }

    /** @param decoupled true when weight decay shrank θ instead of adding to g (AdamW) */
    private void gradient(boolean decoupled) {
        double wd = h("weight_decay");
        if (decoupled || wd == 0 || Double.isNaN(wd)) {
            add("g = ∇f(θ)", "", s.gradient());
            return;
        }
        double[] raw = new double[before.length];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = s.gradient()[i] - wd * before[i];
        }
        add("g = ∇f(θ) + wd·θ", vec(raw) + " + " + num(wd) + "·" + vec(before), s.gradient());
    }

    private void add(String formula, String substituted, double[] value) {
        lines.add(new Line(formula, substituted, value));
    }

    private void scalar(String formula, String substituted, double value) {
        lines.add(new Line(formula, substituted, new double[] {value}));
    }

    private void last(String formula, String substituted) {
        lines.add(new Line(formula, substituted, after));
    }

    private double h(String name) {
        return hyper.getOrDefault(name, Double.NaN);
    }

    private boolean flag(String name) {
        return h(name) == 1;
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return 1;
        }
        if (t.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double[] map(double[] v, java.util.function.DoubleUnaryOperator f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = f.applyAsDouble(v[i]);
        }
        return out;
    }

    /** A vector as "(a, b)"; one entry without brackets. */
    static String vec(double[] v) {
        if (v.length == 1) {
            return num(v[0]);
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            sb.append(i > 0 ? ", " : "").append(num(v[i]));
        }
        return sb.append(')').toString();
    }

    /** Five significant digits without trailing zeros, a real minus sign ("0.9", "1e-08", "−0.20417"). */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.5g", v);
        int e = s.indexOf('e');
        String mantissa = e >= 0 ? s.substring(0, e) : s;
        String exponent = e >= 0 ? s.substring(e) : "";
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa.replace('-', '−') + exponent;
    }
}

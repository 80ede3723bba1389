package dev.descent.ui.inspector;

import dev.descent.core.config.Spec;
import dev.descent.core.optim.Optimizers;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class NotationTest {

    private static List<String> pretty(String spec) {
        return Arrays.stream(Optimizers.create(Spec.parse(spec), 2).updateRule().split("\n")).map(Notation::pretty).toList();
    }

    @Test
    void adamsRuleReadsAsOnASlide() {
        assertEquals(List.of("g ← ∇f(θ) + wd·θ", "m ← β₁·m + (1−β₁)·g", "v ← β₂·v + (1−β₂)·g²",
                "θ ← θ − η/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)"), pretty("adam"));
    }

    @Test
    void onlyWholeNamesAreReplaced() {
        assertEquals("ηₜ ← η / (1 + (t−1)·lr_decay)", Notation.pretty("clr = lr / (1 + (t-1)*lr_decay)"));
        assertEquals("Πₜ ← Πₜ₋₁·μₜ", Notation.pretty("P_t = P_{t-1}*mu_t"));
    }

    @Test
    void noAsciiNamesAreLeftInAnyRule() {
        for (var f : Optimizers.all()) {
            for (String line : pretty(f.name())) {
                for (String ascii : List.of("theta", "lr*", "beta", "sqrt", "eps", "lambda", "kappa", "*")) {
                    assertFalse(line.contains(ascii), f.name() + ": " + line);
                }
            }
        }
    }
}

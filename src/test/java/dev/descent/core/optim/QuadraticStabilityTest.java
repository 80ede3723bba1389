package dev.descent.core.optim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closed forms on f(x) = lambda/2 x^2 (gradient lambda*x). Plain GD is x_{t+1} = (1 - lr*lambda) x_t,
 * stable iff lr < 2/lambda. Heavy-ball momentum satisfies x_{t+1} = (1 + beta - lr*lambda) x_t - beta x_{t-1},
 * whose roots stay inside the unit circle iff 0 < lr*lambda < 2 + 2*beta (Polyak 1964).
 */
class QuadraticStabilityTest {

    private static double[] run(String spec, double lambda, double x0, int steps) {
        Optimizer sgd = Optimizers.create(spec, 1);
        double[] x = {x0};
        double[] path = new double[steps + 1];
        path[0] = x0;
        for (int t = 1; t <= steps; t++) {
            sgd.step(x, new double[] {lambda * x[0]}, StepContext.of(sgd.baseLearningRate()));
            path[t] = x[0];
        }
        return path;
    }

    @Test
    void gradientDescentFollowsTheGeometricClosedForm() {
        double lambda = 4;
        double lr = 0.3;
        double[] path = run("sgd lr=" + lr, lambda, 1.5, 60);
        for (int t = 0; t <= 60; t++) {
            double expected = 1.5 * Math.pow(1 - lr * lambda, t);
            assertEquals(expected, path[t], 1e-12 * Math.abs(expected) + 1e-300, "step " + t);
        }
    }

    @Test
    void gradientDescentConvergesJustBelowTwoOverLambdaAndDivergesJustAbove() {
        double lambda = 4;  // limit 2/lambda = 0.5
        double[] below = run("sgd lr=0.49", lambda, 1.0, 400);
        double[] above = run("sgd lr=0.51", lambda, 1.0, 400);
        assertTrue(Math.abs(below[400]) < 1e-6, "lr 0.49: " + below[400]);   // 0.96^400 = 8e-8
        assertTrue(Math.abs(above[400]) > 1e6, "lr 0.51: " + above[400]);    // 1.04^400 = 6.5e6
    }

    @Test
    void gradientDescentExactlyAtTheLimitOscillatesWithConstantAmplitude() {
        double[] path = run("sgd lr=0.5", 4, 1.25, 101);
        for (int t = 0; t <= 101; t++) {
            assertEquals(t % 2 == 0 ? 1.25 : -1.25, path[t], 0.0, "step " + t);
        }
    }

    @Test
    void heavyBallFollowsItsTwoTermRecurrence() {
        double lambda = 2;
        double lr = 0.4;
        double beta = 0.9;
        double[] path = run("sgd lr=" + lr + " momentum=" + beta, lambda, 1.0, 80);
        double previous = 1.0;
        double current = 1.0 - lr * lambda;  // the first step: buffer = gradient
        assertEquals(current, path[1], 1e-15);
        for (int t = 2; t <= 80; t++) {
            double next = (1 + beta - lr * lambda) * current - beta * previous;
            assertEquals(next, path[t], 1e-9 * Math.abs(next) + 1e-12, "step " + t);
            previous = current;
            current = next;
        }
    }

    @Test
    void heavyBallConvergesBelowTwoPlusTwoBetaAndDivergesAbove() {
        double beta = 0.9;  // limit lr*lambda = 3.8; lambda = 1
        double[] below = run("sgd lr=3.7 momentum=0.9", 1, 1.0, 600);  // |roots| = sqrt(0.9)
        double[] above = run("sgd lr=3.9 momentum=0.9", 1, 1.0, 600);  // root -1 - sqrt(0.1)
        assertTrue(2 + 2 * beta > 3.7 && 2 + 2 * beta < 3.9);
        assertTrue(Math.abs(below[600]) < 1e-9, "lr*lambda 3.7: " + below[600]);
        assertTrue(Math.abs(above[600]) > 1e30, "lr*lambda 3.9: " + above[600]);
    }

    @Test
    void momentumExtendsTheStableRangeBeyondTwoOverLambda() {
        // lr*lambda = 3 diverges without momentum and converges with beta = 0.9.
        assertTrue(Math.abs(run("sgd lr=3", 1, 1.0, 200)[200]) > 1e30);
        assertTrue(Math.abs(run("sgd lr=3 momentum=0.9", 1, 1.0, 600)[600]) < 1e-9);
    }
}

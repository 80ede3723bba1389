package dev.descent.cuda;

import dev.descent.core.compute.BackendStatus;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class's tests only where {@link CudaProbe} finds a usable GPU. Elsewhere every
 * test is reported as skipped with the probe's reason ("CUDA not usable here: no CUDA driver
 * (libcuda.so.1 not found)"), so a run without a GPU says how many GPU tests did not run and
 * why, rather than "Tests run: 0".
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresUsableGpu.Condition.class)
@interface RequiresUsableGpu {

    /** Decides per test; the class itself always runs, so each test is reported. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isEmpty()) {
                return ConditionEvaluationResult.enabled("decided per test");
            }
            return decide(CudaProbe.status());
        }

        static ConditionEvaluationResult decide(BackendStatus status) {
            return status.available()
                    ? ConditionEvaluationResult.enabled("CUDA usable: " + status.reason())
                    : ConditionEvaluationResult.disabled("CUDA not usable here: " + status.reason());
        }
    }
}

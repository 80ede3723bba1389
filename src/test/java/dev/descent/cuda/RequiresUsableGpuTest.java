package dev.descent.cuda;

import dev.descent.core.compute.BackendStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link RequiresUsableGpu}: each GPU test is skipped with the probe's reason, never the whole class silently. */
class RequiresUsableGpuTest {

    private final RequiresUsableGpu.Condition condition = new RequiresUsableGpu.Condition();

    @Test
    void withoutAGpuEachTestIsDisabledWithTheProbesReason() {
        ConditionEvaluationResult result = RequiresUsableGpu.Condition.decide(
                BackendStatus.unavailable("no CUDA driver (libcuda.so.1 not found)"));
        assertTrue(result.isDisabled());
        assertEquals(Optional.of("CUDA not usable here: no CUDA driver (libcuda.so.1 not found)"), result.getReason());
    }

    @Test
    void withAGpuTestsRun() {
        assertFalse(RequiresUsableGpu.Condition.decide(BackendStatus.available("cuda (NVIDIA A10, 22.5 GiB)")).isDisabled());
    }

    @Test
    void theClassAlwaysRunsSoEveryTestIsReported() throws Exception {
        assertFalse(condition.evaluateExecutionCondition(context(null)).isDisabled());
        Method test = RequiresUsableGpuTest.class.getDeclaredMethod("withAGpuTestsRun");
        assertEquals(RequiresUsableGpu.Condition.decide(CudaProbe.status()).isDisabled(),
                condition.evaluateExecutionCondition(context(test)).isDisabled());
    }

    @Test
    void theGpuSuitesCarryTheCondition() {
        for (Class<?> suite : new Class<?>[] {CudaBackendContractTest.class, CudaElementwiseContractTest.class,
                GpuCudaElementwiseTest.class}) {
            assertTrue(suite.isAnnotationPresent(RequiresUsableGpu.class), suite.getSimpleName());
        }
    }

    /** A context that answers only {@code getTestMethod}. */
    private static ExtensionContext context(Method method) {
        return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, m, args) -> {
                    if (m.getName().equals("getTestMethod")) {
                        return Optional.ofNullable(method);
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}

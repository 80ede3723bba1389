package dev.descent.core.compute;

/** The element-wise contract on the CPU backend. */
class CpuElementwiseContractTest extends ElementwiseContractTest {
    @Override
    protected Backend newBackend() {
        return new CpuBackend();
    }
}

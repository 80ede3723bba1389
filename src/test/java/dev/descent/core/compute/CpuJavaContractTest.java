package dev.descent.core.compute;

/** The backend contract on the CPU backend's pure-Java fallback GEMM, two threads. */
class CpuJavaContractTest extends BackendContractTest {

    @Override
    protected Backend newBackend() {
        return new CpuBackend(CpuGemms.create(CpuGemms.Kind.JAVA, 2));
    }
}

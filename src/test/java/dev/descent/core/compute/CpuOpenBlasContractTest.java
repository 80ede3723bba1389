package dev.descent.core.compute;

/** The backend contract on the CPU backend with OpenBLAS, two threads (so the tiling paths run). */
class CpuOpenBlasContractTest extends BackendContractTest {

    @Override
    protected Backend newBackend() {
        return new CpuBackend(CpuGemms.create(CpuGemms.Kind.OPENBLAS, 2));
    }
}

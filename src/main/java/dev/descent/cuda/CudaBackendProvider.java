package dev.descent.cuda;

import dev.descent.core.compute.Backend;
import dev.descent.core.compute.BackendProvider;
import dev.descent.core.compute.BackendStatus;

/** Provides the CUDA backend on device 0 when {@link CudaProbe} finds it usable; preferred over the CPU. */
public final class CudaBackendProvider implements BackendProvider {

    /** Above the CPU provider's 0, so {@code auto} picks CUDA when it probes healthy. */
    public static final int PRIORITY = 100;

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public BackendStatus probe() {
        return CudaProbe.status();
    }

    @Override
    public Backend create() {
        BackendStatus status = probe();
        if (!status.available()) {
            throw new IllegalStateException("CUDA backend is not usable here: " + status.reason());
        }
        return new CudaBackend(0);
    }
}

package dev.descent.core.compute;

import dev.descent.core.config.ConfigException;

/**
 * Provides the always-present CPU backend. Its GEMM is OpenBLAS, or the pure-Java kernel
 * when OpenBLAS cannot load or {@code -Ddescent.cpu.gemm=java} asks for it ({@link CpuGemms}).
 */
public final class CpuBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public BackendStatus probe() {
        return status(System.getProperty(CpuGemms.PROPERTY), System.getProperty(CpuGemms.THREADS_PROPERTY));
    }

    /** The status for the given property values: unusable only when they are bad or forced OpenBLAS cannot load. */
    static BackendStatus status(String kindValue, String threadsValue) {
        try {
            CpuGemms.Kind kind = CpuGemms.Kind.parse(kindValue);
            int threads = CpuGemms.threads(threadsValue);
            String problem = CpuGemms.unavailableReason(kind);
            if (problem != null) {
                return BackendStatus.unavailable(CpuGemms.PROPERTY + "=openblas but OpenBLAS is unavailable: " + problem);
            }
            return BackendStatus.available("cpu (" + CpuGemms.describe(kind, threads) + ")");
        } catch (ConfigException e) {
            return BackendStatus.unavailable(e.getMessage());
        }
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}

package dev.descent.core.compute;

/** Provides the always-present CPU backend. */
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
        return BackendStatus.available("cpu (" + CpuGemms.describe(CpuGemms.requested(), CpuGemms.threads()) + ")");
    }

    @Override
    public Backend create() {
        return new CpuBackend();
    }
}

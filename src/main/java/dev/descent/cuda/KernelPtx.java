package dev.descent.cuda;

import jcuda.CudaException;
import jcuda.nvrtc.JNvrtc;
import jcuda.nvrtc.nvrtcProgram;

/**
 * The PTX of {@code kernels.cu}, compiled with NVRTC once per process and kept: the probe
 * compiles it, and every {@link JCudaDevice} after it (each race, learning-rate range test and
 * {@code bench} run) loads the same text instead of compiling again. The source is a
 * resource and the options are constants, so the PTX cannot change within a process; a
 * failed compilation is not kept (the probe keeps its reason).
 */
final class KernelPtx {

    private static final Once<String> PTX = new Once<>(() -> compile(CudaKernels.source()));

    private KernelPtx() {
    }

    /** The PTX, compiled on first use. */
    static String get() {
        return PTX.get();
    }

    /** Compiles {@code source} to PTX with NVRTC; a compilation error carries NVRTC's log. */
    static String compile(String source) {
        JNvrtc.setExceptionsEnabled(true);
        nvrtcProgram program = new nvrtcProgram();
        JNvrtc.nvrtcCreateProgram(program, source, "kernels.cu", 0, null, null);
        try {
            try {
                JNvrtc.nvrtcCompileProgram(program, CudaKernels.COMPILE_OPTIONS.size(),
                        CudaKernels.COMPILE_OPTIONS.toArray(new String[0]));
            } catch (CudaException e) {
                String[] log = new String[1];
                JNvrtc.nvrtcGetProgramLog(program, log);
                throw new IllegalStateException("kernels.cu does not compile: " + e.getMessage() + "\n" + log[0], e);
            }
            String[] text = new String[1];
            JNvrtc.nvrtcGetPTX(program, text);
            return text[0];
        } finally {
            JNvrtc.nvrtcDestroyProgram(program);
        }
    }
}

package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUdeviceptr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CudaDevice} on the CPU, so that {@link CudaBackend}'s own logic runs without a GPU:
 * "device" memory is float arrays keyed by {@link CUdeviceptr} handles; cuBLAS is
 * {@link FakeCublas}; the kernels of kernels.cu are compiled with g++ against a small CUDA
 * shim (test resources {@code host/}) and each launch is simulated thread by thread over the
 * grid {@link LaunchConfig} chooses. This tests the kernels' logic (indexing, strides,
 * offsets, argument order, aliasing, grid-stride loops); the harness is built with
 * AddressSanitizer and UBSan, so a kernel reading or writing outside its buffers fails the
 * launch. CUDA's math library, its hardware and the JCuda calls are not tested here.
 */
final class HostCudaDevice implements CudaDevice {

    private final Path harness;
    private final int maxBlocks;
    private final List<CUdeviceptr> order = new ArrayList<>();
    private final Map<CUdeviceptr, float[]> memory = new IdentityHashMap<>();
    private final CUdeviceptr flag = new CUdeviceptr();
    private final FakeCublas cublas = new FakeCublas();
    private int bad;
    private int flagReads;
    private int launches;
    private boolean closed;
    private Process process;
    private java.io.BufferedWriter toHarness;
    private java.io.BufferedReader fromHarness;
    private Path errors;

    private HostCudaDevice(Path harness, int maxBlocks) {
        this.harness = harness;
        this.maxBlocks = maxBlocks;
    }

    /**
     * A device on the harness compiled once per test run (in a temporary directory), or null
     * when g++ is not on the PATH.
     *
     * @param maxBlocks the grid cap; a small one makes every thread loop several times
     */
    static HostCudaDevice create(int maxBlocks) {
        Path harness = Compiled.HARNESS;
        return harness == null ? null : new HostCudaDevice(harness, maxBlocks);
    }

    /** The harness, compiled on first use: one g++ run however many test classes use it. */
    private static final class Compiled {
        static final Path HARNESS = compileOnce();

        private static Path compileOnce() {
            try {
                Path dir = Files.createTempDirectory("descent-cuda-host");
                dir.toFile().deleteOnExit();
                return compile(dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Compiles the harness into {@code dir}; null when g++ is not on the PATH. */
    private static Path compile(Path dir) throws IOException, InterruptedException {
        Path gxx = onPath("g++");
        if (gxx == null) {
            return null;
        }
        Files.writeString(dir.resolve("kernels.cu"), CudaKernels.source(), StandardCharsets.UTF_8);
        for (String name : List.of("cuda_host_shim.h", "kernel_harness.cpp")) {
            try (InputStream in = HostCudaDevice.class.getResourceAsStream("host/" + name)) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        Path out = dir.resolve("kernel_harness");
        Process p = new ProcessBuilder(gxx.toString(), "-std=c++17", "-O1", "-g", "-ffp-contract=off", "-Wall", "-Werror",
                "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
                "-include", "cuda_host_shim.h", "-o", out.toString(), "kernel_harness.cpp")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("g++ failed on kernels.cu:\n" + log);
        }
        for (String name : List.of("kernels.cu", "cuda_host_shim.h", "kernel_harness.cpp", "kernel_harness")) {
            dir.resolve(name).toFile().deleteOnExit();
        }
        return out;
    }

    /** A device whose memory, copies and cuBLAS work but which cannot launch kernels (no g++ needed). */
    static HostCudaDevice withoutKernels() {
        return new HostCudaDevice(null, 1);
    }

    /** Kernel launches so far. */
    int launches() {
        return launches;
    }

    /** Allocations not yet freed. */
    int liveAllocations() {
        return order.size();
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String description() {
        return "cuda (host simulation)";
    }

    @Override
    public CUdeviceptr allocate(long floats) {
        if (floats < 1) {
            throw new IllegalArgumentException("cuMemAlloc of " + floats + " floats");
        }
        CUdeviceptr pointer = new CUdeviceptr();
        order.add(pointer);
        memory.put(pointer, new float[Math.toIntExact(floats)]);
        return pointer;
    }

    @Override
    public void free(CUdeviceptr pointer) {
        if (memory.remove(pointer) == null) {
            throw new IllegalStateException("double free");
        }
        order.removeIf(p -> p == pointer);
    }

    @Override
    public void copyToDevice(float[] src, CUdeviceptr dst, long dstOffset, int count) {
        System.arraycopy(src, 0, array(dst), Math.toIntExact(dstOffset), count);
    }

    @Override
    public void copyToHost(CUdeviceptr src, long srcOffset, float[] dst, int count) {
        System.arraycopy(array(src), Math.toIntExact(srcOffset), dst, 0, count);
    }

    @Override
    public Cublas<CUdeviceptr> cublas() {
        return (call, a, b, c) -> cublas.sgemmStridedBatched(call, array(a), array(b), array(c));
    }

    @Override
    public void close() {
        closed = true;
        stopHarness();
    }

    private float[] array(CUdeviceptr pointer) {
        float[] data = memory.get(pointer);
        if (data == null) {
            throw new IllegalStateException("pointer not allocated");
        }
        return data;
    }

    @Override
    public CUdeviceptr badIndexFlag() {
        return flag;
    }

    @Override
    public int takeBadIndexFlag() {
        flagReads++;
        int bits = bad;
        bad = 0;
        return bits;
    }

    /** How often the bad-index flag was read (each read is a wait for the GPU on a real device). */
    int flagReads() {
        return flagReads;
    }

    @Override
    public void launch(Kernel kernel, long items, KernelArgs args) {
        LaunchConfig config = LaunchConfig.forItems(items, maxBlocks);
        if (config.isEmpty()) {
            return;
        }
        if (harness == null) {
            throw new IllegalStateException("this host device has no compiled kernels");
        }
        launches++;
        try {
            startHarness();
            StringBuilder w = new StringBuilder();
            w.append(order.size()).append('\n');
            for (CUdeviceptr pointer : order) {
                float[] data = memory.get(pointer);
                w.append(data.length);
                for (float x : data) {
                    w.append(' ').append(Float.floatToRawIntBits(x));
                }
                w.append('\n');
            }
            List<Object> values = args.values();
            w.append(bad).append(' ').append(kernel.cudaName()).append(' ').append(config.gridBlocks()).append(' ')
                    .append(config.threadsPerBlock()).append(' ').append(values.size()).append('\n');
            for (Object v : values) {
                w.append(argument(v)).append('\n');
            }
            toHarness.write(w.toString());
            toHarness.flush();
            String flag = fromHarness.readLine();
            if (flag == null) {
                throw harnessFailure(kernel);
            }
            bad = Integer.parseInt(flag.trim());
            for (CUdeviceptr pointer : order) {
                float[] data = memory.get(pointer);
                String line = fromHarness.readLine();
                if (line == null) {
                    throw harnessFailure(kernel);
                }
                String[] words = line.trim().split(" ");
                if (Integer.parseInt(words[0]) != data.length) {
                    throw new IllegalStateException("harness changed a buffer length");
                }
                for (int i = 0; i < data.length; i++) {
                    data[i] = Float.intBitsToFloat(Integer.parseInt(words[i + 1]));
                }
            }
        } catch (IOException e) {
            throw harnessFailure(kernel);
        }
    }

    /** Starts this device's harness process on first use; it serves launches until closed. */
    private void startHarness() throws IOException {
        if (process != null) {
            return;
        }
        errors = Files.createTempFile("descent-cuda-harness", ".err");
        errors.toFile().deleteOnExit();
        process = new ProcessBuilder(harness.toString()).redirectError(errors.toFile()).start();
        toHarness = new java.io.BufferedWriter(new java.io.OutputStreamWriter(process.getOutputStream(),
                StandardCharsets.US_ASCII), 1 << 16);
        fromHarness = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII), 1 << 16);
    }

    /** The harness died (AddressSanitizer, UBSan, a protocol error): its stderr says why. */
    private IllegalStateException harnessFailure(Kernel kernel) {
        String why;
        try {
            process.waitFor(1, TimeUnit.MINUTES);
            why = Files.readString(errors);
        } catch (IOException | InterruptedException e) {
            why = e.toString();
        }
        stopHarness();
        return new IllegalStateException("harness failed on " + kernel.cudaName() + ": " + why);
    }

    private void stopHarness() {
        if (process == null) {
            return;
        }
        try {
            toHarness.close();
        } catch (IOException ignored) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private String argument(Object v) {
        if (v instanceof Integer i) {
            return "i " + i;
        }
        if (v instanceof Long l) {
            return "l " + l;
        }
        if (v instanceof Float f) {
            return "f " + Float.floatToRawIntBits(f);
        }
        CUdeviceptr pointer = (CUdeviceptr) v;
        if (pointer == flag) {
            return "p -2";
        }
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i) == pointer) {
                return "p " + i;
            }
        }
        return "p -1";
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

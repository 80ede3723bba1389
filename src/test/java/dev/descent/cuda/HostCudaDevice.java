package dev.descent.cuda;

import dev.descent.cuda.CudaKernels.Kernel;
import jcuda.driver.CUdeviceptr;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
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
    private int launches;
    private boolean closed;

    private HostCudaDevice(Path harness, int maxBlocks) {
        this.harness = harness;
        this.maxBlocks = maxBlocks;
    }

    /**
     * Compiles the harness into {@code dir}, or returns null when g++ is not on the PATH.
     *
     * @param maxBlocks the grid cap; a small one makes every thread loop several times
     */
    static HostCudaDevice compile(Path dir, int maxBlocks) throws IOException, InterruptedException {
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
        return new HostCudaDevice(out, maxBlocks);
    }

    /** A device whose memory, copies and cuBLAS work but which cannot launch kernels (no g++ needed). */
    static HostCudaDevice withoutKernels() {
        return new HostCudaDevice(null, 1);
    }

    /** A new, empty device using the same compiled harness. */
    HostCudaDevice another() {
        return new HostCudaDevice(harness, maxBlocks);
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
    public void throwIfBadIndex(String message) {
        if (bad != 0) {
            bad = 0;
            throw new IllegalArgumentException(message);
        }
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
            Process p = new ProcessBuilder(harness.toString()).start();
            try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(p.getOutputStream(),
                    StandardCharsets.US_ASCII))) {
                w.write(order.size() + "\n");
                for (CUdeviceptr pointer : order) {
                    float[] data = memory.get(pointer);
                    w.write(Integer.toString(data.length));
                    for (float x : data) {
                        w.write(" " + Float.floatToRawIntBits(x));
                    }
                    w.write("\n");
                }
                List<Object> values = args.values();
                w.write(bad + " " + kernel.cudaName() + " " + config.gridBlocks() + " " + config.threadsPerBlock()
                        + " " + values.size() + "\n");
                for (Object v : values) {
                    w.write(argument(v) + "\n");
                }
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String errors = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("harness failed on " + kernel.cudaName() + ": " + errors);
            }
            Scanner in = new Scanner(output);
            bad = in.nextInt();
            for (CUdeviceptr pointer : order) {
                float[] data = memory.get(pointer);
                int length = in.nextInt();
                if (length != data.length) {
                    throw new IllegalStateException("harness changed a buffer length");
                }
                for (int i = 0; i < length; i++) {
                    data[i] = Float.intBitsToFloat(in.nextInt());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

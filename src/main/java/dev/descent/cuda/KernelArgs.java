package dev.descent.cuda;

import dev.descent.core.compute.Strided;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter list of one kernel launch, in the order of the kernel's signature:
 * {@code int}, {@code long long}, {@code float} and pointer arguments. A {@link Strided}
 * array becomes three arguments (base pointer, offset, stride), so no byte offsets ride
 * on pointers.
 */
final class KernelArgs {

    private final List<Pointer> args = new ArrayList<>();
    private final StringBuilder kinds = new StringBuilder();
    /** The values as given (Integer, Long, Float, CUdeviceptr), for tests that run the kernels on the host. */
    private final List<Object> values = new ArrayList<>();

    KernelArgs i(int value) {
        args.add(Pointer.to(new int[]{value}));
        kinds.append('i');
        values.add(value);
        return this;
    }

    KernelArgs l(long value) {
        args.add(Pointer.to(new long[]{value}));
        kinds.append('l');
        values.add(value);
        return this;
    }

    KernelArgs f(float value) {
        args.add(Pointer.to(new float[]{value}));
        kinds.append('f');
        values.add(value);
        return this;
    }

    KernelArgs pointer(CUdeviceptr pointer) {
        args.add(Pointer.to(pointer));
        kinds.append('p');
        values.add(pointer);
        return this;
    }

    /** Base pointer, offset and stride of {@code s} (the offset counted from the allocation, for a slice). */
    KernelArgs strided(Strided s) {
        CudaBuffer b = CudaBuffer.of(s.buffer());
        return pointer(b.pointer()).l(b.base() + s.offset()).l(s.stride());
    }

    /** Base pointer and offset of a whole buffer (the slice's place in its allocation, or 0). */
    KernelArgs buffer(CudaBuffer b) {
        return pointer(b.pointer()).l(b.base());
    }

    /** As {@link #strided}, or a null pointer with offset and stride 0 when {@code s} is null. */
    KernelArgs optional(Strided s) {
        return s == null ? pointer(new CUdeviceptr()).l(0).l(0) : strided(s);
    }

    /** The {@code void **kernelParams} of {@code cuLaunchKernel}. */
    Pointer toKernelParams() {
        return Pointer.to(args.toArray(new NativePointerObject[0]));
    }

    /**
     * The argument kinds in order, one letter each: {@code i} int, {@code l} long long,
     * {@code f} float, {@code p} pointer. Tests compare it with the kernel's signature.
     */
    String kinds() {
        return kinds.toString();
    }

    /** The argument values in order: Integer, Long, Float or CUdeviceptr. */
    List<Object> values() {
        return List.copyOf(values);
    }
}

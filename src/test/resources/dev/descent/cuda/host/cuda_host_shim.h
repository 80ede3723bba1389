// Just enough of CUDA to compile kernels.cu as plain C++ and run it on the CPU, one simulated
// thread after another (HostKernelLauncher). The kernels use grid-stride loops and no shared
// memory or barriers, so running the threads in sequence computes what the GPU computes;
// the math functions are glibc's rather than libdevice's.
#include <math.h>
#include <string.h>

struct HostDim3 {
    unsigned int x, y, z;
};

static HostDim3 threadIdx, blockIdx, blockDim, gridDim;

#define __global__
#define __device__ static inline

static inline float __int_as_float(int bits) {
    float f;
    memcpy(&f, &bits, sizeof f);
    return f;
}

static inline int atomicOr(int *address, int value) {
    int old = *address;
    *address = old | value;
    return old;
}

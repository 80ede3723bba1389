// Element-wise kernels of Descent's CUDA backend (dev.descent.cuda.CudaBackend).
// Compiled once at start-up with NVRTC (--fmad=false, so a*b+c rounds twice as on the CPU).
// The semantics are those written on dev.descent.core.compute.Backend and computed by
// CpuKernels: float storage and float accumulation in the same order, transcendental
// functions in double and rounded to float, as the Java code does.
//
// Every kernel walks its work items with a grid-stride loop (LaunchConfig). An array of net p
// starts at base + offset + p * stride (offset and stride in floats; stride 0 = shared).
// Work items are elements, or rows / columns for the kernels that reduce along one axis;
// a reduction runs serially in one thread, in the CPU's order.

typedef long long i64;

#define GRID_STRIDE_LOOP(i, count) \
    for (i64 i = (i64) blockIdx.x * blockDim.x + threadIdx.x; i < (count); i += (i64) gridDim.x * blockDim.x)

// Activation codes: CudaKernels.activationCode must agree (a test compares them).
#define ACT_IDENTITY 0
#define ACT_BINARY_STEP 1
#define ACT_SIGMOID 2
#define ACT_TANH 3
#define ACT_ARCTAN 4
#define ACT_SOFTSIGN 5
#define ACT_RELU 6
#define ACT_LEAKY_RELU 7
#define ACT_PRELU 8
#define ACT_RRELU 9
#define ACT_ELU 10
#define ACT_SELU 11
#define ACT_SOFTPLUS 12
#define ACT_HARDTANH 13
#define ACT_GELU 14
#define ACT_SILU 15

// Bits of the bad-index flag (CudaKernels.BAD_* must agree; a test compares them). Kernels OR
// them in; the host reads and clears the flag once, at its next download.
#define BAD_ROW_INDEX 1
#define BAD_TARGET_CLASS 2

#define SELU_SCALE 1.0507009873554804934193349852946
#define SELU_ALPHA 1.6732632423543772848170429916717
#define SQRT_2 1.4142135623730950488016887242097
#define SQRT_2PI 2.5066282746310005024157652848110

__device__ float sigmoidf_exact(float z) {
    return z >= 0.0f ? (float) (1.0 / (1.0 + exp(-(double) z)))
                     : (float) (exp((double) z) / (1.0 + exp((double) z)));
}

__device__ float activation_value(int f, float param, float s, float z) {
    switch (f) {
        case ACT_IDENTITY: return z;
        case ACT_BINARY_STEP: return z >= 0.0f ? 1.0f : 0.0f;
        case ACT_SIGMOID: return sigmoidf_exact(z);
        case ACT_TANH: return (float) tanh((double) z);
        case ACT_ARCTAN: return (float) atan((double) z);
        case ACT_SOFTSIGN: return z / (1.0f + fabsf(z));
        case ACT_RELU: return z > 0.0f ? z : 0.0f;
        case ACT_LEAKY_RELU: return z > 0.0f ? z : param * z;
        case ACT_PRELU:
        case ACT_RRELU: return z > 0.0f ? z : s * z;
        case ACT_ELU: return z > 0.0f ? z : (float) (param * expm1((double) z));
        case ACT_SELU: return (float) (SELU_SCALE * (z > 0.0f ? (double) z : SELU_ALPHA * expm1((double) z)));
        case ACT_SOFTPLUS: return z > 20.0f ? z : (float) log1p(exp((double) z));
        case ACT_HARDTANH: return fmaxf(-1.0f, fminf(1.0f, z));
        case ACT_GELU: return (float) (0.5 * z * (1.0 + erf((double) z / SQRT_2)));
        case ACT_SILU: return z * sigmoidf_exact(z);
        default: return __int_as_float(0x7fc00000);  // NaN: an unknown code
    }
}

__device__ float activation_derivative(int f, float param, float s, float z) {
    switch (f) {
        case ACT_IDENTITY: return 1.0f;
        case ACT_BINARY_STEP: return 0.0f;
        case ACT_SIGMOID: { float y = sigmoidf_exact(z); return y * (1.0f - y); }
        case ACT_TANH: { float y = (float) tanh((double) z); return 1.0f - y * y; }
        case ACT_ARCTAN: return 1.0f / (1.0f + z * z);
        case ACT_SOFTSIGN: { float d = 1.0f + fabsf(z); return 1.0f / (d * d); }
        case ACT_RELU: return z > 0.0f ? 1.0f : 0.0f;
        case ACT_LEAKY_RELU: return z > 0.0f ? 1.0f : param;
        case ACT_PRELU:
        case ACT_RRELU: return z > 0.0f ? 1.0f : s;
        case ACT_ELU: return z > 0.0f ? 1.0f : (float) (param * exp((double) z));
        case ACT_SELU: return (float) (SELU_SCALE * (z > 0.0f ? 1.0 : SELU_ALPHA * exp((double) z)));
        case ACT_SOFTPLUS: return z > 20.0f ? 1.0f : sigmoidf_exact(z);
        case ACT_HARDTANH: return z > -1.0f && z < 1.0f ? 1.0f : 0.0f;
        case ACT_GELU: {
            double cdf = 0.5 * (1.0 + erf((double) z / SQRT_2));
            double pdf = exp(-0.5 * z * z) / SQRT_2PI;
            return (float) (cdf + z * pdf);
        }
        case ACT_SILU: { float sg = sigmoidf_exact(z); return sg * (1.0f + z * (1.0f - sg)); }
        default: return __int_as_float(0x7fc00000);
    }
}

// The slope of PRELU (one per net) and RRELU (one per element, or param without a buffer).
__device__ float slope_of(int f, float param, const float *slope, i64 so, i64 ss, int p, i64 i) {
    if (f == ACT_PRELU) return slope[so + p * ss];
    if (f == ACT_RRELU) return slope == 0 ? param : slope[so + p * ss + i];
    return 0.0f;
}

// C_p = beta C_p for a GEMM with k = 0 (BLAS semantics; beta 0 clears, even NaN).
extern "C" __global__ void scale_batched(int batch, i64 size, float beta, float *c, i64 co, i64 cs) {
    GRID_STRIDE_LOOP(t, (i64) batch * size) {
        int p = (int) (t / size);
        i64 i = t % size;
        float *x = c + co + p * cs + i;
        *x = beta == 0.0f ? 0.0f : beta * *x;
    }
}

extern "C" __global__ void add_bias(int batch, int rows, int cols, float *z, i64 zo, i64 zs,
                                    const float *bias, i64 bo, i64 bs) {
    i64 per = (i64) rows * cols;
    GRID_STRIDE_LOOP(t, (i64) batch * per) {
        int p = (int) (t / per);
        i64 e = t % per;
        int j = (int) (e % cols);
        z[zo + p * zs + e] += bias[bo + p * bs + j];
    }
}

extern "C" __global__ void activation_forward(int f, float param, int batch, int n,
                                              const float *z, i64 zo, i64 zs,
                                              const float *slope, i64 so, i64 ss,
                                              float *a, i64 ao, i64 as) {
    GRID_STRIDE_LOOP(t, (i64) batch * n) {
        int p = (int) (t / n);
        i64 i = t % n;
        float s = slope_of(f, param, slope, so, ss, p, i);
        a[ao + p * as + i] = activation_value(f, param, s, z[zo + p * zs + i]);
    }
}

extern "C" __global__ void activation_backward(int f, float param, int batch, int n,
                                               const float *z, i64 zo, i64 zs,
                                               const float *slope, i64 so, i64 ss,
                                               const float *ga, i64 gao, i64 gas,
                                               float *gz, i64 gzo, i64 gzs) {
    GRID_STRIDE_LOOP(t, (i64) batch * n) {
        int p = (int) (t / n);
        i64 i = t % n;
        float s = slope_of(f, param, slope, so, ss, p, i);
        gz[gzo + p * gzs + i] = ga[gao + p * gas + i] * activation_derivative(f, param, s, z[zo + p * zs + i]);
    }
}

// One thread per net: out_p = sum_i gradA_p[i] * min(z_p[i], 0), in index order.
extern "C" __global__ void prelu_slope_gradient(int batch, int n, const float *z, i64 zo, i64 zs,
                                                const float *ga, i64 go, i64 gs, float *out, i64 oo, i64 os) {
    GRID_STRIDE_LOOP(p, (i64) batch) {
        float sum = 0.0f;
        for (int i = 0; i < n; i++) {
            float zi = z[zo + p * zs + i];
            if (zi < 0.0f) sum += ga[go + p * gs + i] * zi;
        }
        out[oo + p * os] = sum;
    }
}

// One thread per row. An out-of-range target sets BAD_TARGET_CLASS in *bad and leaves its row untouched.
extern "C" __global__ void softmax_cross_entropy(int batch, int rows, int classes,
                                                 const float *logits, i64 lo, i64 ls,
                                                 const float *target, i64 to, i64 ts,
                                                 float *loss, i64 lso, i64 lss,
                                                 float *grad, i64 go, i64 gs, float scale, int *bad) {
    GRID_STRIDE_LOOP(r, (i64) batch * rows) {
        int p = (int) (r / rows);
        i64 i = r % rows;
        const float *zr = logits + lo + p * ls + i * classes;
        float *gr = grad + go + p * gs + i * classes;
        int t = (int) target[to + p * ts + i];
        if (t < 0 || t >= classes) {
            atomicOr(bad, BAD_TARGET_CLASS);
            continue;
        }
        float m = __int_as_float((int) 0xff800000);  // -infinity
        for (int j = 0; j < classes; j++) m = fmaxf(m, zr[j]);
        float sum = 0.0f;
        for (int j = 0; j < classes; j++) sum += (float) exp((double) (zr[j] - m));
        float lse = m + (float) log((double) sum);
        loss[lso + p * lss + i] = lse - zr[t];
        for (int j = 0; j < classes; j++) {
            float prob = (float) exp((double) (zr[j] - lse));
            gr[j] = scale * (prob - (j == t ? 1.0f : 0.0f));
        }
    }
}

extern "C" __global__ void binary_cross_entropy(int batch, int n, const float *logits, i64 lo, i64 ls,
                                                const float *target, i64 to, i64 ts,
                                                float *loss, i64 lso, i64 lss,
                                                float *grad, i64 go, i64 gs, float scale) {
    GRID_STRIDE_LOOP(t, (i64) batch * n) {
        int p = (int) (t / n);
        i64 i = t % n;
        float z = logits[lo + p * ls + i];
        float y = target[to + p * ts + i];
        loss[lso + p * lss + i] = fmaxf(z, 0.0f) - z * y + (float) log1p(exp(-fabs((double) z)));
        grad[go + p * gs + i] = scale * (sigmoidf_exact(z) - y);
    }
}

extern "C" __global__ void squared_error(int batch, int n, const float *x, i64 xo, i64 xs,
                                         const float *target, i64 to, i64 ts,
                                         float *loss, i64 lso, i64 lss,
                                         float *grad, i64 go, i64 gs, float scale) {
    GRID_STRIDE_LOOP(t, (i64) batch * n) {
        int p = (int) (t / n);
        i64 i = t % n;
        float d = x[xo + p * xs + i] - target[to + p * ts + i];
        loss[lso + p * lss + i] = d * d;
        grad[go + p * gs + i] = scale * 2.0f * d;
    }
}

// One thread per column, rows summed in order.
extern "C" __global__ void column_sums(int batch, int rows, int cols, const float *x, i64 xo, i64 xs,
                                       float *out, i64 oo, i64 os) {
    GRID_STRIDE_LOOP(t, (i64) batch * cols) {
        int p = (int) (t / cols);
        int j = (int) (t % cols);
        const float *xp = x + xo + p * xs;
        float sum = 0.0f;
        for (int i = 0; i < rows; i++) sum += xp[(i64) i * cols + j];
        out[oo + p * os + j] = sum;
    }
}

extern "C" __global__ void batch_norm_statistics(int batch, int rows, int cols, const float *x, i64 xo, i64 xs,
                                                 float *mean, i64 mo, i64 ms, float *var, i64 vo, i64 vs) {
    GRID_STRIDE_LOOP(t, (i64) batch * cols) {
        int p = (int) (t / cols);
        int j = (int) (t % cols);
        const float *xp = x + xo + p * xs;
        float sum = 0.0f;
        for (int i = 0; i < rows; i++) sum += xp[(i64) i * cols + j];
        float mu = sum / rows;
        float sq = 0.0f;
        for (int i = 0; i < rows; i++) {
            float d = xp[(i64) i * cols + j] - mu;
            sq += d * d;
        }
        mean[mo + p * ms + j] = mu;
        var[vo + p * vs + j] = sq / rows;
    }
}

// One thread per element; xhat may be null (inference).
extern "C" __global__ void batch_norm_forward(int batch, int rows, int cols, const float *x, i64 xo, i64 xs,
                                              const float *mean, i64 mo, i64 ms, const float *var, i64 vo, i64 vs,
                                              float eps, const float *gamma, i64 gmo, i64 gms,
                                              const float *beta, i64 bto, i64 bts,
                                              float *xhat, i64 ho, i64 hs, float *y, i64 yo, i64 ys) {
    i64 per = (i64) rows * cols;
    GRID_STRIDE_LOOP(t, (i64) batch * per) {
        int p = (int) (t / per);
        i64 e = t % per;
        int j = (int) (e % cols);
        float mu = mean[mo + p * ms + j];
        float ve = var[vo + p * vs + j] + eps;
        float inv = (float) (1.0 / sqrt((double) ve));
        float h = (x[xo + p * xs + e] - mu) * inv;
        if (xhat != 0) xhat[ho + p * hs + e] = h;
        y[yo + p * ys + e] = gamma[gmo + p * gms + j] * h + beta[bto + p * bts + j];
    }
}

// One thread per column (Ioffe and Szegedy 2015): two passes over the rows.
extern "C" __global__ void batch_norm_backward(int batch, int rows, int cols, const float *gy, i64 gyo, i64 gys,
                                               const float *xhat, i64 ho, i64 hs, const float *var, i64 vo, i64 vs,
                                               float eps, const float *gamma, i64 gmo, i64 gms,
                                               float *gx, i64 gxo, i64 gxs, float *gg, i64 ggo, i64 ggs,
                                               float *gb, i64 gbo, i64 gbs) {
    GRID_STRIDE_LOOP(t, (i64) batch * cols) {
        int p = (int) (t / cols);
        int j = (int) (t % cols);
        const float *gyp = gy + gyo + p * gys;
        const float *hp = xhat + ho + p * hs;
        float sumGy = 0.0f;
        float sumGyH = 0.0f;
        for (int i = 0; i < rows; i++) {
            float g = gyp[(i64) i * cols + j];
            sumGy += g;
            sumGyH += g * hp[(i64) i * cols + j];
        }
        gb[gbo + p * gbs + j] = sumGy;
        gg[ggo + p * ggs + j] = sumGyH;
        float ve = var[vo + p * vs + j] + eps;
        float k = (float) (gamma[gmo + p * gms + j] / (rows * sqrt((double) ve)));
        float *gxp = gx + gxo + p * gxs;
        for (int i = 0; i < rows; i++) {
            i64 e = (i64) i * cols + j;
            gxp[e] = k * (rows * gyp[e] - sumGy - hp[e] * sumGyH);
        }
    }
}

// out = x * mask (+ shift when shift is not null).
extern "C" __global__ void multiply_mask(int batch, int n, const float *x, i64 xo, i64 xs,
                                         const float *mask, i64 mo, i64 ms, const float *shift, i64 so, i64 ss,
                                         float *out, i64 oo, i64 os) {
    GRID_STRIDE_LOOP(t, (i64) batch * n) {
        int p = (int) (t / n);
        i64 i = t % n;
        float v = x[xo + p * xs + i] * mask[mo + p * ms + i];
        if (shift != 0) v += shift[so + p * ss + i];
        out[oo + p * os + i] = v;
    }
}

// dst[r][j] = src[(int) indices[r]][j]; an index outside [0, srcRows) sets BAD_ROW_INDEX in *bad.
// src, indices and dst start at their offsets so, io and dso.
extern "C" __global__ void gather_rows(int count, int cols, const float *src, i64 so, i64 srcRows,
                                       const float *indices, i64 io, float *dst, i64 dso, int *bad) {
    GRID_STRIDE_LOOP(t, (i64) count * cols) {
        i64 r = t / cols;
        int j = (int) (t % cols);
        int row = (int) indices[io + r];
        if (row < 0 || row >= srcRows) {
            atomicOr(bad, BAD_ROW_INDEX);
            continue;
        }
        dst[dso + t] = src[so + (i64) row * cols + j];
    }
}

// Runs launches of the kernels of kernels.cu on the CPU, one request after another until the
// end of stdin. A request (all numbers decimal, floats as their IEEE-754 bit patterns):
//   <buffer count>  then per buffer: <length> <bits>...
//   <bad flag> <kernel name> <grid blocks> <threads per block> <argument count>
//   then per argument: <kind i|l|f|p> <value>   (p: buffer index, -1 null, -2 the bad flag)
// Answer on stdout, flushed: <bad flag> then per buffer one line <length> <bits>...
#include "kernels.cu"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

struct Arg {
    char kind;
    long long value;
};

static std::vector<std::vector<float>> buffers;
static int bad = 0;

[[noreturn]] static void fail(const std::string &message) {
    std::fprintf(stderr, "harness: %s\n", message.c_str());
    std::exit(3);
}

static float *buffer(const Arg &a) {
    if (a.kind != 'p') fail("expected a pointer argument");
    if (a.value == -1) return nullptr;
    if (a.value < 0 || a.value >= (long long) buffers.size()) fail("bad buffer index");
    return buffers[a.value].data();
}

template <typename T> struct Conv;
template <> struct Conv<int> {
    static int get(const Arg &a) { if (a.kind != 'i') fail("expected int"); return (int) a.value; }
};
template <> struct Conv<long long> {
    static long long get(const Arg &a) { if (a.kind != 'l') fail("expected long long"); return a.value; }
};
template <> struct Conv<float> {
    static float get(const Arg &a) {
        if (a.kind != 'f') fail("expected float");
        int bits = (int) a.value;
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
    }
};
template <> struct Conv<float *> {
    static float *get(const Arg &a) { return buffer(a); }
};
template <> struct Conv<const float *> {
    static const float *get(const Arg &a) { return buffer(a); }
};
template <> struct Conv<int *> {
    static int *get(const Arg &a) { if (a.kind != 'p' || a.value != -2) fail("expected the bad flag"); return &bad; }
};

template <typename... A, std::size_t... I>
static void call(void (*f)(A...), const std::vector<Arg> &args, std::index_sequence<I...>) {
    f(Conv<A>::get(args[I])...);
}

template <typename... A>
static void run(void (*f)(A...), const std::vector<Arg> &args, unsigned grid, unsigned block) {
    if (args.size() != sizeof...(A)) fail("wrong argument count");
    gridDim = {grid, 1, 1};
    blockDim = {block, 1, 1};
    for (unsigned b = 0; b < grid; b++) {
        for (unsigned t = 0; t < block; t++) {
            blockIdx = {b, 0, 0};
            threadIdx = {t, 0, 0};
            call(f, args, std::index_sequence_for<A...>{});
        }
    }
}

#define KERNEL(name) if (kernel == #name) { run(name, args, grid, block); found = true; }

static void serve(long long count) {
    buffers.assign(count, std::vector<float>());
    for (auto &b : buffers) {
        long long length;
        if (std::scanf("%lld", &length) != 1) fail("no length");
        b.resize(length);
        for (auto &x : b) {
            long long bits;
            if (std::scanf("%lld", &bits) != 1) fail("short buffer");
            int i = (int) bits;
            std::memcpy(&x, &i, sizeof x);
        }
    }
    char name[128];
    unsigned grid, block;
    int nargs;
    if (std::scanf("%d %127s %u %u %d", &bad, name, &grid, &block, &nargs) != 5) fail("bad launch line");
    std::vector<Arg> args(nargs);
    for (auto &a : args) {
        char kind[4];
        if (std::scanf("%3s %lld", kind, &a.value) != 2) fail("bad argument");
        a.kind = kind[0];
    }
    std::string kernel(name);
    bool found = false;
    KERNEL(scale_batched)
    KERNEL(add_bias)
    KERNEL(activation_forward)
    KERNEL(activation_backward)
    KERNEL(prelu_slope_gradient)
    KERNEL(softmax_cross_entropy)
    KERNEL(binary_cross_entropy)
    KERNEL(squared_error)
    KERNEL(column_sums)
    KERNEL(batch_norm_statistics)
    KERNEL(batch_norm_forward)
    KERNEL(batch_norm_backward)
    KERNEL(multiply_mask)
    KERNEL(gather_rows)
    if (!found) fail("unknown kernel " + kernel);
    std::printf("%d\n", bad);
    for (auto &b : buffers) {
        std::printf("%zu", b.size());
        for (float x : b) {
            int i;
            std::memcpy(&i, &x, sizeof i);
            std::printf(" %d", i);
        }
        std::printf("\n");
    }
    std::fflush(stdout);
}

int main() {
    long long count;
    while (std::scanf("%lld", &count) == 1) {
        serve(count);
    }
    return 0;
}

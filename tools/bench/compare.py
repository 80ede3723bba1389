#!/usr/bin/env python3
"""Compare `descent bench` GEMM throughput with numpy and PyTorch on the same shapes.

Runs `java -jar target/descent.jar bench --json`, then times every GEMM shape it reports
in numpy and in torch with the same conventions: float32, row-major C = A @ B (m x k times
k x n, `batch` independent products), warm-up, timed runs of at least 50 ms, median of 7.
With --rounds R the three are measured R times in turn (the machine may be shared) and the
best median of each is kept. Prints a table with the ratios Descent / numpy and
Descent / torch.

All three run in child processes whose environment lacks OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE (a machine may set them to steer its OpenBLAS builds; the development
machines set OPENBLAS_CORETYPE=Haswell, which halves an AVX-512 CPU's SGEMM), so each
library picks its own kernel for this CPU; --keep-openblas-env keeps them for all three. The
script reports numpy's kernel (threadpoolctl if installed, else by asking numpy's OpenBLAS
through ctypes).

--threads N runs all three with N threads; --cpu-time runs them single-threaded and times
the calling thread's CPU time, which a busy machine disturbs far less than the wall clock.

Usage: tools/bench/compare.py [--jar target/descent.jar] [--rounds 1] [--threads N | --cpu-time] [--markdown]
"""
import argparse
import json
import os
import subprocess
import sys

TIMER = r'''
import json, os, sys, time
import numpy as np
def median(xs):
    xs = sorted(xs); n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
clock = time.thread_time if os.environ.get("DESCENT_CPU_TIME") else time.perf_counter
def measure(op, warmup=0.3, min_run=0.05, runs=7):
    t0 = clock(); calls = 0
    while calls < 2 or clock() - t0 < warmup:
        op(); calls += 1
    per = max((clock() - t0) / calls, 1e-9)
    reps = max(1, int(-(-min_run // per)))
    out = []
    for _ in range(runs):
        s = clock()
        for _ in range(reps):
            op()
        out.append((clock() - s) / reps)
    return median(out)
'''

NUMPY = TIMER + r'''
def corename():
    try:
        from threadpoolctl import threadpool_info
        infos = [i for i in threadpool_info() if i.get("internal_api") == "openblas"]
        if infos:
            i = infos[0]
            return "%s %s, %s, %d threads (threadpoolctl)" % (i.get("prefix"), i.get("version"), i.get("architecture"), i.get("num_threads"))
    except ImportError:
        pass
    import ctypes
    libs = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "openblas" in line and line.strip().endswith(".so"):
                libs.add(line.split()[-1])
    for path in libs:
        lib = ctypes.CDLL(path)
        # plain OpenBLAS names, or scipy-openblas's prefixed 64-bit-integer names
        for corename, threads in (("openblas_get_corename", "openblas_get_num_threads"),
                                  ("scipy_openblas_get_corename64_", "scipy_openblas_get_num_threads64_"),
                                  ("scipy_openblas_get_corename", "scipy_openblas_get_num_threads")):
            fn = getattr(lib, corename, None)
            if fn is not None:
                fn.restype = ctypes.c_char_p
                return "%s, core %s, %d threads (ctypes)" % (os.path.basename(path), fn().decode(), getattr(lib, threads)())
    return "unknown (no OpenBLAS found in numpy's process)"
shapes = json.loads(sys.argv[1])
rng = np.random.default_rng(1)
res = []
for m, n, k, b in shapes:
    shape_a = (b, m, k) if b > 1 else (m, k)
    shape_b = (b, k, n) if b > 1 else (k, n)
    A = rng.uniform(-1, 1, shape_a).astype(np.float32)
    B = rng.uniform(-1, 1, shape_b).astype(np.float32)
    C = np.empty((b, m, n) if b > 1 else (m, n), np.float32)
    t = measure(lambda: np.matmul(A, B, out=C))
    res.append(2.0 * m * n * k * b / t / 1e9)
print(json.dumps({"gflops": res, "kernel": corename(), "numpy": np.__version__}))
'''

TORCH = TIMER + r'''
import torch
if os.environ.get("DESCENT_TORCH_THREADS"):
    torch.set_num_threads(int(os.environ["DESCENT_TORCH_THREADS"]))
shapes = json.loads(sys.argv[1])
g = torch.Generator().manual_seed(1)
res = []
with torch.inference_mode():
    for m, n, k, b in shapes:
        shape_a = (b, m, k) if b > 1 else (m, k)
        shape_b = (b, k, n) if b > 1 else (k, n)
        A = torch.rand(shape_a, generator=g, dtype=torch.float32) * 2 - 1
        B = torch.rand(shape_b, generator=g, dtype=torch.float32) * 2 - 1
        C = torch.empty((b, m, n) if b > 1 else (m, n), dtype=torch.float32)
        t = measure(lambda: torch.matmul(A, B, out=C))
        res.append(2.0 * m * n * k * b / t / 1e9)
print(json.dumps({"gflops": res, "torch": torch.__version__, "threads": torch.get_num_threads()}))
'''


def run_python(code, shapes, env):
    out = subprocess.run([sys.executable, "-c", code, json.dumps(shapes)], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jar", default="target/descent.jar")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    parser.add_argument("--threads", type=int, default=None,
                        help="threads for all three (descent.cpu.threads, OPENBLAS_NUM_THREADS, torch.set_num_threads); "
                             "default: each library's own default")
    parser.add_argument("bench_args", nargs="*", help="extra arguments for `descent bench`")
    parser.add_argument("--cpu-time", action="store_true",
                        help="single-threaded, timed by the calling thread's CPU time (steadier on a busy machine)")
    parser.add_argument("--keep-openblas-env", action="store_true",
                        help="keep OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE for all three (default: unset for all)")
    args = parser.parse_args()
    if args.cpu_time:
        args.threads = 1

    base_env = dict(os.environ)
    if not args.keep_openblas_env:
        base_env.pop("OPENBLAS_CORETYPE", None)
        base_env.pop("OPENBLAS_L2_SIZE", None)
    numpy_env = dict(base_env)
    torch_env = dict(base_env)
    java = ["java"]
    if args.threads is not None:
        java.append("-Ddescent.cpu.threads=%d" % args.threads)
        numpy_env["OPENBLAS_NUM_THREADS"] = str(args.threads)
        torch_env["DESCENT_TORCH_THREADS"] = str(args.threads)
    extra = list(args.bench_args)
    if args.cpu_time:
        extra.append("--cpu-time")
        numpy_env["DESCENT_CPU_TIME"] = torch_env["DESCENT_CPU_TIME"] = "1"

    best = {}
    numpy_info = torch_info = None
    for _ in range(args.rounds):
        out = subprocess.run(java + ["-jar", args.jar, "bench", "--json"] + extra,
                             capture_output=True, text=True, check=True, env=base_env)
        report = json.loads(out.stdout.strip().splitlines()[-1])
        rows = report["gemm"]
        shapes = []
        for r in rows:
            key = (r["backend"], r["m"], r["n"], r["k"], r["batch"])
            best.setdefault(key, {}).setdefault("descent", []).append(r["gflops"])
            shape = [r["m"], r["n"], r["k"], r["batch"]]
            if shape not in shapes:
                shapes.append(shape)
        numpy_info = run_python(NUMPY, shapes, numpy_env)
        torch_info = run_python(TORCH, shapes, torch_env)
        for key in best:
            i = shapes.index(list(key[1:]))
            best[key].setdefault("numpy", []).append(numpy_info["gflops"][i])
            best[key].setdefault("torch", []).append(torch_info["gflops"][i])

    print("numpy %s: %s" % (numpy_info["numpy"], numpy_info["kernel"]))
    print("torch %s: %d threads" % (torch_info["torch"], torch_info["threads"]))
    print("env for all three: OPENBLAS_CORETYPE=%s OPENBLAS_L2_SIZE=%s"
          % (base_env.get("OPENBLAS_CORETYPE", "(unset)"), base_env.get("OPENBLAS_L2_SIZE", "(unset)")))
    print("GFLOP/s, median of 7 timed runs, best of %d round(s); threads: %s; clock: %s"
          % (args.rounds, args.threads if args.threads is not None else "library defaults",
             "calling thread's CPU time" if args.cpu_time else "wall"))
    header = ["backend", "shape (m x k · k x n, batch)", "descent", "numpy", "torch", "descent/numpy", "descent/torch"]
    lines = []
    for key, v in best.items():
        backend, m, n, k, b = key
        d, np_, t = max(v["descent"]), max(v["numpy"]), max(v["torch"])
        shape = "[%dx%d]·[%dx%d]%s" % (m, k, k, n, (" x%d" % b) if b > 1 else "")
        lines.append([backend, shape, "%.1f" % d, "%.1f" % np_, "%.1f" % t, "%.2f" % (d / np_), "%.2f" % (d / t)])
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for line in lines:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(str(x)) for x in col) for col in zip(header, *lines)]
        for line in [header] + lines:
            print("  ".join(str(x).rjust(w) if i >= 2 else str(x).ljust(w) for i, (x, w) in enumerate(zip(line, widths))))


if __name__ == "__main__":
    main()

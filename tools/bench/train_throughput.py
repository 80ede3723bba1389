#!/usr/bin/env python3
"""Training throughput: Descent's 8-racer training race against PyTorch eager on the same
setting (8 Adam racers, lr 0.01, a 2-64-64-3 ReLU net, softmax cross-entropy, batch 32, a
600-point 3-arm spiral), in racer-steps per second. One racer-step is one net's forward,
backward and optimizer update on one minibatch. PyTorch steps 8 separate models in turn,
as a plain training loop would, and at each epoch's end (every 19 steps) evaluates them as
Descent's race does: all 600 rows in inference mode, each hidden layer's activation mean and
std, and whether the outputs are finite (--no-eval leaves that out on PyTorch's side only,
as runs 1-26 of the README's table did).

    ./mvnw -q package -DskipTests && python3 tools/bench/train_throughput.py [--cpu-time] [--no-eval] [--rounds 5]

By default both are timed by the wall clock and PyTorch runs with 1 and with 2 threads (its
better median is the reference: small nets often run faster on one thread); the rounds
alternate PyTorch and Descent so that a busy spell hits both, and medians are printed.
--cpu-time times both by the CPU time of the stepping thread (steadier on a busy machine, but
it leaves out Descent's GEMM helper thread; PyTorch is then limited to 1 thread).
Descent runs without OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE, so OpenBLAS picks its own kernel.
"""
import json
import math
import os
import subprocess
import sys
import time

import torch

JAR = os.path.join(os.path.dirname(__file__), "..", "..", "target", "descent.jar")


def spiral3(n=600, noise=0.1, seed=0):
    g = torch.Generator().manual_seed(seed)
    per = n // 3
    xs, ys = [], []
    for k in range(3):
        t = torch.linspace(0, 1, per)
        r = t * 1.0
        angle = t * 4 * math.pi + 2 * math.pi * k / 3
        x = torch.stack([r * torch.cos(angle), r * torch.sin(angle)], 1) + noise * torch.randn(per, 2, generator=g)
        xs.append(x)
        ys.append(torch.full((per,), k))
    return torch.cat(xs).float(), torch.cat(ys).long()


def torch_racer_steps_per_second(cpu_time, evaluation, seconds=5.0, racers=8):
    clock = time.thread_time if cpu_time else time.perf_counter
    torch.manual_seed(0)
    x, y = spiral3()
    nets = [torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.ReLU(), torch.nn.Linear(64, 64), torch.nn.ReLU(),
                                torch.nn.Linear(64, 3)) for _ in range(racers)]
    opts = [torch.optim.Adam(n.parameters(), lr=0.01) for n in nets]
    loss_fn = torch.nn.CrossEntropyLoss()
    perm = torch.randperm(x.shape[0])
    state = {"at": 0}

    def evaluate():
        # what Descent's race does at each epoch's end: every net on all 600 rows in inference
        # mode, each hidden layer's activation mean and std, and whether the outputs are finite
        with torch.no_grad():
            for net in nets:
                h = x
                stats = []
                for layer in net:
                    h = layer(h)
                    if isinstance(layer, torch.nn.ReLU):
                        stats.append(torch.std_mean(h, correction=0))
                bool(torch.isfinite(h).all())

    def step():
        at = state["at"]
        idx = perm[at:at + 32]
        state["at"] = 0 if at + 32 >= x.shape[0] else at + 32
        xb, yb = x[idx], y[idx]
        for net, opt in zip(nets, opts):
            opt.zero_grad()
            loss_fn(net(xb), yb).backward()
            opt.step()
        if state["at"] == 0 and evaluation:
            evaluate()

    for _ in range(100):
        step()
    start = clock()
    steps = 0
    while clock() - start < seconds:
        step()
        steps += 1
    return racers * steps / (clock() - start)


def descent_racer_steps_per_second(cpu_time):
    args = ["java", "-jar", JAR, "bench", "--json", "--shape", "8x8x8"]
    if cpu_time:
        args.append("--cpu-time")
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)
    out = subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout
    report = json.loads(out)
    return {t["backend"]: t["racer_steps_per_second"] for t in report["training"]}


def median(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def main():
    cpu_time = "--cpu-time" in sys.argv
    evaluation = "--no-eval" not in sys.argv
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    thread_counts = [1] if cpu_time else sorted({1, torch.get_num_threads()})
    theirs = {t: [] for t in thread_counts}
    ours = {}
    for _ in range(rounds):
        for t in thread_counts:
            torch.set_num_threads(t)
            theirs[t].append(torch_racer_steps_per_second(cpu_time, evaluation))
        for backend, value in descent_racer_steps_per_second(cpu_time).items():
            ours.setdefault(backend, []).append(value)
    clock = "thread CPU time" if cpu_time else "wall clock"
    print(f"{clock}, medians of {rounds} rounds, racer-steps/s"
          + ("" if evaluation else "; PyTorch without the epoch-end evaluation"))
    for t in thread_counts:
        print(f"PyTorch {torch.__version__} eager, {t} thread(s): {median(theirs[t]):.0f}")
    reference = max(median(v) for v in theirs.values())
    for backend, values in ours.items():
        print(f"Descent {backend}: {median(values):.0f} = {median(values) / reference:.1f}x PyTorch's better setting")


if __name__ == "__main__":
    main()

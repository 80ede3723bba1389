#!/usr/bin/env python3
"""Training accuracy of Descent against PyTorch with the same settings.

For each data set and seed: the same CSV (written by `descent data`, or a shipped CSV), the
whole set used for training (--val 0), the same architecture, torch's default initialisation,
Adam, batch size, epochs and feature scaling. Reported: the training accuracy of the last
epoch, as Descent's CSV defines it (mean over that epoch's minibatches, training mode),
computed the same way for torch. Weights and shuffles come from two different RNGs, so
single runs differ by noise: the table averages three seeds.

    ./mvnw -q package -DskipTests && python3 tools/golden/train_compare.py
"""
import csv
import json
import os
import subprocess
import sys
import tempfile

import torch

JAR = os.path.join(os.path.dirname(__file__), "..", "..", "target", "descent.jar")
SHARED = "/work/shared/data"

# name, data source, layers, activation, epochs, lr, normalize
CASES = [
    ("moons", ("gen", "moons", 400, 0.2), [16, 16], "relu", 60, 0.01, "none"),
    ("circles", ("gen", "circles", 400, 0.1), [16, 16], "relu", 60, 0.01, "none"),
    ("spiral", ("gen", "spiral", 400, 0.1), [64, 64], "relu", 150, 0.01, "none"),
    ("spiral3", ("gen", "spiral3", 600, 0.1), [64, 64], "relu", 150, 0.01, "none"),
    ("iris", ("file", os.path.join(SHARED, "iris.csv")), [16], "relu", 100, 0.01, "standard"),
]
SEEDS = [1, 2, 3]
BATCH = 32


def write_data(source, seed, directory):
    if source[0] == "file":
        return source[1]
    _, name, n, noise = source
    path = os.path.join(directory, f"{name}-{seed}.csv")
    subprocess.run(["java", "-jar", JAR, "data", name, "--samples", str(n), "--noise", str(noise),
                    "--seed", str(seed), "--csv", path], check=True, capture_output=True)
    return path


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    names = {}
    x, y = [], []
    for row in rows[1:]:
        x.append([float(v) for v in row[:-1]])
        y.append(names.setdefault(row[-1], len(names)))
    return torch.tensor(x, dtype=torch.float32), torch.tensor(y), len(names)


def descent(path, layers, activation, epochs, lr, normalize, seed):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        summary = f.name
    subprocess.run(["java", "-jar", JAR, "train", "--data", path, "--layers", ",".join(map(str, layers)),
                    "--activation", activation, "--racer", f"adam lr={lr}", "--epochs", str(epochs),
                    "--batch", str(BATCH), "--val", "0", "--normalize", normalize, "--seed", str(seed),
                    "--backend", "cpu", "--summary", summary], check=True, capture_output=True)
    with open(summary) as f:
        result = json.load(f)["racers"][0]
    os.unlink(summary)
    return result["train_accuracy"]


def pytorch(path, layers, epochs, lr, normalize, seed):
    torch.manual_seed(seed)
    x, y, classes = read_csv(path)
    if normalize == "standard":
        x = (x - x.mean(0)) / x.std(0, unbiased=False)
    sizes = [x.shape[1]] + layers
    modules = []
    for a, b in zip(sizes, sizes[1:]):
        modules += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    net = torch.nn.Sequential(*modules, torch.nn.Linear(sizes[-1], classes))
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
    for _ in range(epochs):
        perm = torch.randperm(n)
        correct = 0
        net.train()
        for start in range(0, n, BATCH):
            idx = perm[start:start + BATCH]
            out = net(x[idx])
            loss = loss_fn(out, y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            correct += (out.argmax(1) == y[idx]).sum().item()
    return correct / n


def main():
    torch.set_num_threads(1)
    print("| data set | net | epochs | Descent train acc. | PyTorch train acc. | difference |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as directory:
        for name, source, layers, activation, epochs, lr, normalize in CASES:
            ours, theirs = [], []
            for seed in SEEDS:
                path = write_data(source, seed, directory)
                ours.append(descent(path, layers, activation, epochs, lr, normalize, seed))
                theirs.append(pytorch(path, layers, epochs, lr, normalize, seed))
            a = sum(ours) / len(ours)
            b = sum(theirs) / len(theirs)
            net = "-".join(str(s) for s in ["in"] + layers + ["out"])
            print(f"| {name} | {net} relu | {epochs} | {a:.3f} | {b:.3f} | {a - b:+.3f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

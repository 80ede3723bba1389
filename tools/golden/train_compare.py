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

# name, data source, layers, activation, epochs, lr, normalize, extras (loss, batchnorm, dropout)
CASES = [
    ("moons", ("gen", "moons", 400, 0.2), [16, 16], "relu", 60, 0.01, "none", {}),
    ("circles", ("gen", "circles", 400, 0.1), [16, 16], "relu", 60, 0.01, "none", {}),
    ("spiral", ("gen", "spiral", 400, 0.1), [64, 64], "relu", 150, 0.01, "none", {}),
    ("spiral3", ("gen", "spiral3", 600, 0.1), [64, 64], "relu", 150, 0.01, "none", {}),
    ("iris", ("file", os.path.join(SHARED, "iris.csv")), [16], "relu", 100, 0.01, "standard", {}),
    ("moons", ("gen", "moons", 400, 0.2), [16, 16], "tanh", 60, 0.01, "none", {"loss": "bce"}),
    ("spiral3", ("gen", "spiral3", 600, 0.1), [64, 64], "relu", 100, 0.01, "none", {"batchnorm": True}),
    ("spiral", ("gen", "spiral", 400, 0.1), [64, 64], "relu", 150, 0.01, "none", {"dropout": 0.1}),
    ("iris", ("file", os.path.join(SHARED, "iris.csv")), [16, 16], "selu", 100, 0.01, "standard", {"dropout": 0.1}),
]
ACTIVATIONS = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "selu": torch.nn.SELU}
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


def descent(path, layers, activation, epochs, lr, normalize, seed, extras):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as f:
        summary = f.name
    args = ["java", "-jar", JAR, "train", "--data", path, "--layers", ",".join(map(str, layers)),
            "--activation", activation, "--racer", f"adam lr={lr}", "--epochs", str(epochs),
            "--batch", str(BATCH), "--val", "0", "--normalize", normalize, "--seed", str(seed),
            "--backend", "cpu", "--summary", summary, "--loss", extras.get("loss", "ce")]
    if extras.get("batchnorm"):
        args.append("--batchnorm")
    if extras.get("dropout"):
        args += ["--dropout", str(extras["dropout"])]
    subprocess.run(args, check=True, capture_output=True)
    with open(summary) as f:
        result = json.load(f)["racers"][0]
    os.unlink(summary)
    return result["train_accuracy"]


def pytorch(path, layers, activation, epochs, lr, normalize, seed, extras):
    torch.manual_seed(seed)
    x, y, classes = read_csv(path)
    if normalize == "standard":
        x = (x - x.mean(0)) / x.std(0, unbiased=False)
    sizes = [x.shape[1]] + layers
    modules = []
    for a, b in zip(sizes, sizes[1:]):
        modules.append(torch.nn.Linear(a, b))
        if extras.get("batchnorm"):
            modules.append(torch.nn.BatchNorm1d(b))
        modules.append(ACTIVATIONS[activation]())
        if extras.get("dropout"):
            p = extras["dropout"]
            modules.append(torch.nn.AlphaDropout(p) if activation == "selu" else torch.nn.Dropout(p))
    bce = extras.get("loss") == "bce"
    net = torch.nn.Sequential(*modules, torch.nn.Linear(sizes[-1], 1 if bce else classes))
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    ce = torch.nn.CrossEntropyLoss()
    bce_fn = torch.nn.BCEWithLogitsLoss()

    def loss_fn(out, target):
        return bce_fn(out[:, 0], target.float()) if bce else ce(out, target)

    def predicted(out):
        return (out[:, 0] > 0).long() if bce else out.argmax(1)
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
            correct += (predicted(out) == y[idx]).sum().item()
    return correct / n


def main():
    torch.set_num_threads(1)
    print("| data set | net | options | epochs | Descent train acc. | PyTorch train acc. | difference |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as directory:
        for name, source, layers, activation, epochs, lr, normalize, extras in CASES:
            ours, theirs = [], []
            for seed in SEEDS:
                path = write_data(source, seed, directory)
                ours.append(descent(path, layers, activation, epochs, lr, normalize, seed, extras))
                theirs.append(pytorch(path, layers, activation, epochs, lr, normalize, seed, extras))
            a = sum(ours) / len(ours)
            b = sum(theirs) / len(theirs)
            net = "-".join(str(s) for s in ["in"] + layers + ["out"])
            options = ", ".join(f"{k}={v}" for k, v in extras.items()) or "ce"
            if normalize != "none":
                options += f", {normalize} scaling"
            print(f"| {name} | {net} {activation} | {options} | {epochs} | {a:.3f} | {b:.3f} | {a - b:+.3f} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

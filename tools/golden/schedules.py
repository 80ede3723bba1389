#!/usr/bin/env python3
"""Golden learning rates (and cycled momentum / beta1) from torch.optim.lr_scheduler.

Writes src/test/resources/golden/schedules/<case>.csv plus an index.txt listing the cases.
Each file starts with '#' lines giving the Descent schedule spec, the optimizer and its
base lr / momentum (beta1 for Adam), then rows

    step,loss,lr,momentum

where row t holds torch's param_groups[0]['lr'] (and 'momentum' or betas[0] when the
schedule cycles it, else NaN) BEFORE optimizer step t+1, i.e. after t scheduler steps, and
'loss' is the value passed to scheduler.step(loss) after that optimizer step (plateau only,
else NaN). Descent's LearningRateSchedule must give the same numbers: learningRate() after
t advance() calls.

Schedules torch does not have (power, invtime, invtime2, piecewise) are recorded through
torch's LambdaLR with the formula in the lambda, which checks step indexing and the
base-lr product against torch's own bookkeeping.

Run from the repository root:  python3 tools/golden/schedules.py
"""
import bisect
import math
import os
import warnings

import torch
from torch.optim import lr_scheduler as S

warnings.filterwarnings("ignore")
torch.set_default_dtype(torch.float64)

OUT = os.path.join("src", "test", "resources", "golden", "schedules")


def make_optimizer(kind):
    """Returns (optimizer, descent optimizer text, base_lr, base_momentum)."""
    p = torch.tensor([1.5, -0.7], requires_grad=True)
    if kind == "sgd":
        return torch.optim.SGD([p], lr=0.1, momentum=0.9), "sgd lr=0.1 momentum=0.9", 0.1, 0.9
    if kind == "sgd0":
        return torch.optim.SGD([p], lr=0.05), "sgd lr=0.05", 0.05, 0.0
    if kind == "adam":
        return (torch.optim.Adam([p], lr=0.01, betas=(0.9, 0.999)),
                "adam lr=0.01 beta1=0.9 beta2=0.999", 0.01, 0.9)
    raise ValueError(kind)


def plateau_losses(n, kind):
    """A fixed loss sequence with descents, flat stretches, tiny gains, bumps and a NaN."""
    out = []
    for t in range(n):
        if kind == "positive":
            if t < 40:
                v = 2.0 * 0.95 ** t
            elif t < 80:
                v = 2.0 * 0.95 ** 40 * (1 - 1e-6 * (t - 40))   # gains below threshold
            elif t < 100:
                v = 0.3 + 0.01 * (t % 3)                          # worse, bumpy
            elif t < 140:
                v = 0.2 * 0.97 ** (t - 100)
            else:
                v = 0.2 * 0.97 ** 40                              # flat
            if t == 150:
                v = float("nan")
        elif kind == "negative":
            # e.g. a log-likelihood objective: values below zero, plateau near -3
            if t < 50:
                v = -3.0 + 2.0 * 0.9 ** t
            elif t < 120:
                v = -3.0 + 0.001 * ((t * 7) % 5)
            else:
                v = -3.5 + 0.5 * 0.98 ** (t - 120)
        elif kind == "accuracy":
            v = min(0.95, 0.5 + 0.01 * t) if t < 100 else 0.95 - 0.001 * (t % 4)
        else:
            raise ValueError(kind)
        out.append(v)
    return out


def lam(f):
    return lambda opt: S.LambdaLR(opt, f)


CASES = []


def case(name, spec, opt, build, steps, cycles=False, losses=None):
    CASES.append(dict(name=name, spec=spec, opt=opt, build=build, steps=steps,
                      cycles=cycles, losses=losses))


def piecewise(boundaries, values, base_lr):
    return lambda t: values[bisect.bisect_right(boundaries, t)] / base_lr


# --- constant, step, multistep, exponential
case("constant_sgd", "constant", "sgd", lam(lambda t: 1.0), 300)
case("step_30_sgd", "step step_size=30 gamma=0.1", "sgd", lambda o: S.StepLR(o, 30), 300)
case("step_7_half_adam", "step step_size=7 gamma=0.5", "adam", lambda o: S.StepLR(o, 7, 0.5), 300)
case("step_1_sgd0", "step step_size=1 gamma=0.99", "sgd0", lambda o: S.StepLR(o, 1, 0.99), 400)
case("multistep_sgd", "multistep milestones=50;120 gamma=0.1", "sgd",
     lambda o: S.MultiStepLR(o, [50, 120]), 300)
case("multistep_adam", "multistep milestones=10,20,200 gamma=0.5", "adam",
     lambda o: S.MultiStepLR(o, [10, 20, 200], 0.5), 300)
case("exponential_sgd", "exponential gamma=0.99", "sgd", lambda o: S.ExponentialLR(o, 0.99), 400)
case("exponential_adam", "exponential gamma=0.95", "adam", lambda o: S.ExponentialLR(o, 0.95), 300)

# --- lecture decays (LambdaLR with the formula)
case("power_sgd", "power s=50 c=1", "sgd", lam(lambda t: 1 / (1 + t / 50) ** 1), 300)
case("power_adam", "power s=10 c=0.5", "adam", lam(lambda t: 1 / (1 + t / 10) ** 0.5), 300)
case("power_default_sgd0", "power", "sgd0", lam(lambda t: 1 / (1 + t / 100) ** 1), 300)
case("invtime_sgd", "invtime k=0.01", "sgd", lam(lambda t: 1 / (1 + 0.01 * t)), 300)
case("invtime_alias_adam", "1/t k=0.1", "adam", lam(lambda t: 1 / (1 + 0.1 * t)), 300)
case("invtime2_sgd", "invtime2 k=0.05", "sgd", lam(lambda t: 1 / (1 + 0.05 * t) ** 2), 300)
case("invtime2_alias_sgd0", "1/t^2 k=0.02", "sgd0", lam(lambda t: 1 / (1 + 0.02 * t) ** 2), 300)
case("piecewise_sgd", "piecewise boundaries=100;200 values=0.1;0.01;0.001", "sgd",
     lam(piecewise([100, 200], [0.1, 0.01, 0.001], 0.1)), 300)
case("piecewise_adam", "piecewise boundaries=5;60;61;250 values=0.02;0.005;0.3;0.001;0.0001", "adam",
     lam(piecewise([5, 60, 61, 250], [0.02, 0.005, 0.3, 0.001, 0.0001], 0.01)), 300)

# --- cosine (torch's recursive form, also past t_max where it rises again)
case("cosine_100_sgd", "cosine t_max=100", "sgd", lambda o: S.CosineAnnealingLR(o, 100), 400)
case("cosine_37_adam", "cosine t_max=37 eta_min=0.001", "adam",
     lambda o: S.CosineAnnealingLR(o, 37, 0.001), 500)
case("cosine_300_sgd0", "cosine t_max=300 eta_min=1e-4", "sgd0",
     lambda o: S.CosineAnnealingLR(o, 300, 1e-4), 300)
case("cosine_10_sgd", "cosine t_max=10 eta_min=0.002", "sgd",
     lambda o: S.CosineAnnealingLR(o, 10, 0.002), 200)

# --- cyclic
case("cyclic_triangular_sgd", "cyclic base_lr=0.001 max_lr=0.1 step_size_up=50", "sgd",
     lambda o: S.CyclicLR(o, 0.001, 0.1, step_size_up=50), 400, cycles=True)
case("cyclic_triangular2_adam",
     "cyclic base_lr=0.0005 max_lr=0.02 step_size_up=20 step_size_down=60 mode=triangular2", "adam",
     lambda o: S.CyclicLR(o, 0.0005, 0.02, step_size_up=20, step_size_down=60, mode="triangular2"),
     400, cycles=True)
case("cyclic_exp_range_sgd", "cyclic base_lr=0.01 max_lr=0.2 step_size_up=25 mode=exp_range gamma=0.995",
     "sgd", lambda o: S.CyclicLR(o, 0.01, 0.2, step_size_up=25, mode="exp_range", gamma=0.995),
     400, cycles=True)
case("cyclic_no_momentum_sgd0", "cyclic base_lr=0.01 max_lr=0.05 step_size_up=13 cycle_momentum=false",
     "sgd0", lambda o: S.CyclicLR(o, 0.01, 0.05, step_size_up=13, cycle_momentum=False), 300)
case("cyclic_momentum_bounds_sgd0",
     "cyclic max_lr=0.5 step_size_up=30 step_size_down=10 base_momentum=0.7 max_momentum=0.95",
     "sgd0", lambda o: S.CyclicLR(o, 0.05, 0.5, step_size_up=30, step_size_down=10,
                                  base_momentum=0.7, max_momentum=0.95), 300, cycles=True)
case("cyclic_default_step_size_adam", "cyclic base_lr=0.001 max_lr=0.01", "adam",
     lambda o: S.CyclicLR(o, 0.001, 0.01), 300, cycles=True)

# --- onecycle (rows 0..total_steps-1: the steps of the cycle)
case("onecycle_sgd", "onecycle max_lr=0.05 total_steps=200", "sgd",
     lambda o: S.OneCycleLR(o, 0.05, total_steps=200), 200, cycles=True)
case("onecycle_linear_adam", "onecycle max_lr=0.02 total_steps=300 anneal_strategy=linear", "adam",
     lambda o: S.OneCycleLR(o, 0.02, total_steps=300, anneal_strategy="linear"), 300, cycles=True)
case("onecycle_three_phase_sgd", "onecycle max_lr=0.1 total_steps=250 pct_start=0.25 three_phase=true",
     "sgd", lambda o: S.OneCycleLR(o, 0.1, total_steps=250, pct_start=0.25, three_phase=True),
     250, cycles=True)
case("onecycle_three_phase_linear_adam",
     "onecycle max_lr=0.01 total_steps=333 three_phase=true anneal_strategy=linear div_factor=10 "
     "final_div_factor=100", "adam",
     lambda o: S.OneCycleLR(o, 0.01, total_steps=333, three_phase=True, anneal_strategy="linear",
                            div_factor=10.0, final_div_factor=100.0), 333, cycles=True)
case("onecycle_no_momentum_sgd0", "onecycle max_lr=0.3 total_steps=150 cycle_momentum=false", "sgd0",
     lambda o: S.OneCycleLR(o, 0.3, total_steps=150, cycle_momentum=False), 150)
case("onecycle_bounds_sgd0",
     "onecycle max_lr=0.2 total_steps=401 pct_start=0.5 base_momentum=0.8 max_momentum=0.9", "sgd0",
     lambda o: S.OneCycleLR(o, 0.2, total_steps=401, pct_start=0.5, base_momentum=0.8,
                            max_momentum=0.9), 401, cycles=True)

# --- short and edge cases: t = 0 already in onecycle's second phase, pct_start 0 and 1, tiny t_max
case("onecycle_three_steps_linear_sgd", "onecycle max_lr=0.1 total_steps=3 anneal_strategy=linear", "sgd",
     lambda o: S.OneCycleLR(o, 0.1, total_steps=3, anneal_strategy="linear"), 3, cycles=True)
case("onecycle_pct_start_0_adam", "onecycle max_lr=0.1 total_steps=50 pct_start=0", "adam",
     lambda o: S.OneCycleLR(o, 0.1, total_steps=50, pct_start=0.0), 50, cycles=True)
case("onecycle_pct_start_1_sgd", "onecycle max_lr=0.1 total_steps=50 pct_start=1", "sgd",
     lambda o: S.OneCycleLR(o, 0.1, total_steps=50, pct_start=1.0), 50, cycles=True)
case("cosine_1_sgd", "cosine t_max=1 eta_min=0.01", "sgd", lambda o: S.CosineAnnealingLR(o, 1, 0.01), 20)
case("cosine_2_adam", "cosine t_max=2", "adam", lambda o: S.CosineAnnealingLR(o, 2), 20)
case("cyclic_one_step_each_sgd", "cyclic base_lr=0.01 max_lr=0.02 step_size_up=1", "sgd",
     lambda o: S.CyclicLR(o, 0.01, 0.02, step_size_up=1), 20, cycles=True)

# --- plateau (ReduceLROnPlateau.step(loss) after each optimizer step)
case("plateau_default_sgd", "plateau", "sgd", lambda o: S.ReduceLROnPlateau(o), 300,
     losses=plateau_losses(300, "positive"))
case("plateau_patience_cooldown_adam", "plateau patience=3 factor=0.5 cooldown=5", "adam",
     lambda o: S.ReduceLROnPlateau(o, patience=3, factor=0.5, cooldown=5), 300,
     losses=plateau_losses(300, "positive"))
case("plateau_min_lr_sgd0", "plateau patience=2 factor=0.3 min_lr=0.001", "sgd0",
     lambda o: S.ReduceLROnPlateau(o, patience=2, factor=0.3, min_lr=0.001), 300,
     losses=plateau_losses(300, "positive"))
case("plateau_abs_negative_sgd", "plateau threshold_mode=abs threshold=0.01 patience=5", "sgd",
     lambda o: S.ReduceLROnPlateau(o, threshold_mode="abs", threshold=0.01, patience=5), 300,
     losses=plateau_losses(300, "negative"))
case("plateau_max_adam", "plateau mode=max patience=4 factor=0.2", "adam",
     lambda o: S.ReduceLROnPlateau(o, mode="max", patience=4, factor=0.2), 300,
     losses=plateau_losses(300, "accuracy"))
case("plateau_eps_sgd0", "plateau patience=1 factor=0.5 eps=0.004", "sgd0",
     lambda o: S.ReduceLROnPlateau(o, patience=1, factor=0.5, eps=0.004), 300,
     losses=plateau_losses(300, "positive"))


def momentum_of(opt):
    g = opt.param_groups[0]
    return g["betas"][0] if "betas" in g else g["momentum"]


def run(c):
    opt, opt_text, base_lr, base_m = make_optimizer(c["opt"])
    sched = c["build"](opt)
    rows = []
    for t in range(c["steps"]):
        lr = float(opt.param_groups[0]["lr"])
        m = float(momentum_of(opt)) if c["cycles"] else float("nan")
        opt.zero_grad()
        p = opt.param_groups[0]["params"][0]
        (0.5 * (p * p).sum()).backward()
        opt.step()
        loss = c["losses"][t] if c["losses"] is not None else float("nan")
        rows.append((t, loss, lr, m))
        if t == c["steps"] - 1:
            break  # the rate after the last recorded step is not needed (onecycle may divide by 0 there)
        if c["losses"] is not None:
            sched.step(loss)
        else:
            sched.step()
    return opt_text, base_lr, base_m, type(sched).__name__, rows


def fmt(v):
    return "NaN" if math.isnan(v) else repr(float(v))


def main():
    os.makedirs(OUT, exist_ok=True)
    names = []
    for c in CASES:
        opt_text, base_lr, base_m, cls, rows = run(c)
        path = os.path.join(OUT, c["name"] + ".csv")
        with open(path, "w") as f:
            f.write(f"# spec: {c['spec']}\n")
            f.write(f"# optimizer: {opt_text}\n")
            f.write(f"# base_lr: {fmt(base_lr)}\n")
            f.write(f"# base_momentum: {fmt(base_m)}\n")
            f.write(f"# source: torch {torch.__version__} {cls}\n")
            f.write("step,loss,lr,momentum\n")
            for t, loss, lr, m in rows:
                f.write(f"{t},{fmt(loss)},{fmt(lr)},{fmt(m)}\n")
        names.append(c["name"])
    with open(os.path.join(OUT, "index.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    print(f"wrote {len(names)} cases to {OUT}")


if __name__ == "__main__":
    main()

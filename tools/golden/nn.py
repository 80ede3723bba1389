#!/usr/bin/env python3
"""Golden numbers for core.nn from PyTorch (CPU, float64): batch norm training forward,
backward, running statistics and inference, and dropout / alpha-dropout constants and
statistics. Prints Java array literals pasted into src/test/java/dev/descent/core/nn/TorchGoldenTest.java.

    python3 tools/golden/nn.py
"""
import torch

torch.manual_seed(20261122)
torch.set_default_dtype(torch.float64)


def j(name, t):
    flat = ", ".join(repr(float(v)) for v in t.detach().reshape(-1).tolist())
    print(f"    static final double[] {name} = {{{flat}}};")


# Net: Linear(3,4) -> BatchNorm1d(4) -> Tanh -> Linear(4,2), loss MSE (mean).
# Weights are random, rounded to float32 so the Java float backend sees the same values.
def f32(t):
    return t.float().double()

x_a = f32(torch.randn(6, 3))
x_b = f32(torch.randn(5, 3) * 2 + 0.5)
x_c = f32(torch.randn(4, 3))
t_a = f32(torch.randn(6, 2))
w0 = f32(torch.randn(3, 4) * 0.8)   # in x out as Descent stores it
b0 = f32(torch.randn(4) * 0.3)
gamma = f32(1 + 0.2 * torch.randn(4))
beta = f32(0.1 * torch.randn(4))
w1 = f32(torch.randn(4, 2) * 0.8)
b1 = f32(torch.randn(2) * 0.3)

lin0 = torch.nn.Linear(3, 4)
bn = torch.nn.BatchNorm1d(4)  # momentum 0.1, eps 1e-5
lin1 = torch.nn.Linear(4, 2)
with torch.no_grad():
    lin0.weight.copy_(w0.T); lin0.bias.copy_(b0)
    bn.weight.copy_(gamma); bn.bias.copy_(beta)
    lin1.weight.copy_(w1.T); lin1.bias.copy_(b1)
net = torch.nn.Sequential(lin0, bn, torch.nn.Tanh(), lin1)

net.train()
loss = torch.nn.functional.mse_loss(net(x_a), t_a)
loss.backward()
print("    // batch norm net: Linear(3,4) -> BatchNorm1d(4) -> Tanh -> Linear(4,2), MSE")
for name, t in [("X_A", x_a), ("X_B", x_b), ("X_C", x_c), ("T_A", t_a), ("W0", w0), ("B0", b0),
                ("GAMMA", gamma), ("BETA", beta), ("W1", w1), ("B1", b1)]:
    j(name, t)
print(f"    static final double LOSS_A = {loss.item()!r};")
j("GRAD_W0", lin0.weight.grad.T)
j("GRAD_B0", lin0.bias.grad)
j("GRAD_GAMMA", bn.weight.grad)
j("GRAD_BETA", bn.bias.grad)
j("GRAD_W1", lin1.weight.grad.T)
j("GRAD_B1", lin1.bias.grad)
j("RUNNING_MEAN_1", bn.running_mean)
j("RUNNING_VAR_1", bn.running_var)
with torch.no_grad():
    net(x_b)
j("RUNNING_MEAN_2", bn.running_mean)
j("RUNNING_VAR_2", bn.running_var)
net.eval()
with torch.no_grad():
    j("EVAL_OUT_C", net(x_c))

# Dropout: the values torch gives kept and dropped units of a constant input 5.0.
print("    // dropout and alpha dropout, p = 0.2, on a constant input 5.0")
x = torch.full((200000,), 5.0)
d = torch.nn.functional.dropout(x, p=0.2, training=True)
print(f"    static final double DROPOUT_KEPT = {d.max().item()!r};")
a = torch.nn.functional.alpha_dropout(x, p=0.2, training=True)
vals = sorted(set(a.tolist()))
print(f"    static final double ALPHA_DROPPED = {vals[0]!r};")
print(f"    static final double ALPHA_KEPT = {vals[-1]!r};")
# statistics on standard normal input: alpha dropout keeps mean 0 and variance 1
z = torch.randn(1_000_000)
az = torch.nn.functional.alpha_dropout(z, p=0.2, training=True)
print(f"    static final double ALPHA_MEAN_N01 = {az.mean().item()!r};")
print(f"    static final double ALPHA_VAR_N01 = {az.var().item()!r};")

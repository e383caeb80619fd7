"""Writes nadam_torch.txt: trajectories of torch.optim.NAdam that NadamTorchTest replays.

Regenerate (from the repository root, with any Python that has torch and numpy):
    python nn-optimizers/src/test/resources/dev/backprop/optimizers/nadam_torch.py \
        > nn-optimizers/src/test/resources/dev/backprop/optimizers/nadam_torch.txt

Each case runs torch.optim.NAdam (single-tensor path, no weight decay) on a fixed parameter vector
with fixed gradients, once in float64 and once in float32. The gradients and the initial parameters
are float32 values, so that Backprop (which works in float) sees exactly the same inputs. Format,
whitespace separated, one record a line:
    case <name> <dtype> <lr> <beta1> <beta2> <eps> <momentum_decay> <steps>
    w0 <initial parameters>
    g <t> <gradient of step t>
    w <t> <parameters after step t, as torch computed them in dtype>
Values are printed with repr (shortest round trip), so Java's Double.parseDouble reads them exactly.
"""
import sys

import numpy as np
import torch

CASES = [
    # name, lr, beta1, beta2, eps, momentum_decay, steps, seed
    ("defaults", 0.002, 0.9, 0.999, 1e-8, 0.004, 20, 13),
    ("fast", 0.05, 0.95, 0.99, 1e-6, 0.01, 60, 14),
]
W0 = np.array([1.0, -0.5, 2.0, 0.25, -3.0, 0.75], dtype=np.float32)
# per-element gradient scales; the last element's gradient is always 0, which leaves it alone
SCALES = np.array([1.0, 0.5, 10.0, 1e-3, 2.0, 0.0], dtype=np.float32)


def gradients(steps, seed):
    rng = np.random.RandomState(seed)
    bias = rng.normal(size=W0.shape)
    return [((bias + rng.normal(size=W0.shape)) * SCALES).astype(np.float32) for _ in range(steps)]


def fmt(values):
    return " ".join(repr(float(v)) for v in values)


def run(out, name, lr, beta1, beta2, eps, psi, steps, seed):
    grads = gradients(steps, seed)
    for dtype in (torch.float64, torch.float32):
        torch.set_default_dtype(dtype)  # the mu product is kept in the default dtype, as in training
        p = torch.nn.Parameter(torch.tensor(W0, dtype=dtype))
        opt = torch.optim.NAdam([p], lr=lr, betas=(beta1, beta2), eps=eps, momentum_decay=psi, foreach=False)
        out.write(f"case {name} {str(dtype).replace('torch.', '')} {lr!r} {beta1!r} {beta2!r} {eps!r} {psi!r} {steps}\n")
        out.write("w0 " + fmt(W0) + "\n")
        for t, g in enumerate(grads, start=1):
            p.grad = torch.tensor(g, dtype=dtype)
            opt.step()
            out.write(f"g {t} " + fmt(g) + "\n")
            out.write(f"w {t} " + fmt(p.detach().numpy()) + "\n")
    torch.set_default_dtype(torch.float32)


def main():
    out = sys.stdout
    out.write(f"# torch.optim.NAdam trajectories, torch {torch.__version__}, written by nadam_torch.py\n")
    for case in CASES:
        run(out, *case)


if __name__ == "__main__":
    main()

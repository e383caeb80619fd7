#!/usr/bin/env python3
"""The numpy side of tools/scaling/sweep.sh: the same MLP as `./backprop bench --peer-config C3 --layers ...`
(ReLU hidden layers, softmax + cross-entropy, SGD with momentum 0.9 at 0.05, He-normal weights), float32, on the
first --limit Fashion-MNIST training images, one untimed epoch and then --epochs timed ones.

Usage: OPENBLAS_NUM_THREADS=T python3 numpy_mlp.py --data DIR --layers 784,1024,1024,10 --batch 256
       [--epochs 2] [--limit 10000]
Prints one line: sec_per_epoch (median of the timed epochs), samples_per_s, gflops (6 x weights x samples/s / 1e9,
the convention of ./backprop bench). A measuring tool, not part of Backprop (numpy is not a dependency).
"""
import argparse, gzip, os, statistics, struct, time
import numpy as np

F = np.float32


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(folder, stem):
    for name in (stem + "-ubyte.gz", stem + "-ubyte", stem + ".gz", stem):
        if os.path.exists(os.path.join(folder, name)):
            return os.path.join(folder, name)
    raise SystemExit(f"no {stem} file in {folder}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--layers", required=True)
    p.add_argument("--batch", type=int, required=True)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--limit", type=int, default=10000)
    a = p.parse_args()
    sizes = [int(s) for s in a.layers.split(",")]
    images = read_idx(find(a.data, "train-images-idx3"))[: a.limit]
    labels = read_idx(find(a.data, "train-labels-idx1"))[: a.limit]
    x_all = images.reshape(len(images), -1).astype(F) / F(255)
    y_all = np.eye(sizes[-1], dtype=F)[labels]
    rng = np.random.default_rng(1)
    W = [(rng.standard_normal((i, o)) * np.sqrt(2.0 / i)).astype(F) for i, o in zip(sizes, sizes[1:])]
    b = [np.zeros(o, F) for o in sizes[1:]]
    vW = [np.zeros_like(w) for w in W]
    vb = [np.zeros_like(v) for v in b]
    lr, mom = F(0.05), F(0.9)
    times = []
    for epoch in range(a.epochs + 1):
        order = rng.permutation(len(x_all))
        start = time.perf_counter()
        for s in range(0, len(order), a.batch):
            idx = order[s:s + a.batch]
            x, y = x_all[idx], y_all[idx]
            acts = [x]
            for i in range(len(W)):
                z = acts[-1] @ W[i] + b[i]
                if i < len(W) - 1:
                    acts.append(np.maximum(z, F(0)))
                else:
                    z -= z.max(axis=1, keepdims=True)
                    e = np.exp(z)
                    acts.append(e / e.sum(axis=1, keepdims=True))
            delta = (acts[-1] - y) / F(len(idx))
            for i in reversed(range(len(W))):
                gW = acts[i].T @ delta
                gb = delta.sum(axis=0)
                if i > 0:
                    delta = (delta @ W[i].T) * (acts[i] > 0)
                vW[i] = mom * vW[i] - lr * gW
                vb[i] = mom * vb[i] - lr * gb
                W[i] += vW[i]
                b[i] += vb[i]
        if epoch > 0:
            times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    samples = len(x_all) / seconds
    weights = sum(i * o for i, o in zip(sizes, sizes[1:]))
    print(f"{seconds:.4f}\t{samples:.1f}\t{6 * weights * samples / 1e9:.3f}")


if __name__ == "__main__":
    main()

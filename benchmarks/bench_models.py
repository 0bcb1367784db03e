"""Training-step benchmarks of classic Chainer models against hand-written NumPy.

Each model runs as Chainer code on chainer_lite (links, F functions, an SGD
optimizer) and as a hand-written NumPy version of the same computation
(forward, backward by hand, SGD update), in the same process, at one thread.
The best of several repeats is reported, with the ratio chainer_lite/NumPy.

- mlp:   784-1000-1000-10 MLP with ReLU, softmax cross entropy, batch 100
- cnn:   LeNet-style: Conv 1->20 5x5, max-pool 2, Conv 20->50 5x5,
         max-pool 2, Linear 800->500 (ReLU) ->10; batch 64
- lstm:  EmbedID 10000x256, LSTM 256, 35 steps, batch 32, Linear 256->10000
- infer: the MLP's forward at batch 1 (test mode, no graph)

Usage: python benchmarks/bench_models.py [mlp cnn lstm infer] [--repeat N]
"""
import os

for _var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
    os.environ.setdefault(_var, '1')

import argparse  # NOQA: E402
import time  # NOQA: E402

import numpy  # NOQA: E402
from numpy.lib.stride_tricks import as_strided  # NOQA: E402

import chainer_lite as chainer  # NOQA: E402
import chainer_lite.functions as F  # NOQA: E402
import chainer_lite.links as L  # NOQA: E402
from chainer_lite import optimizers  # NOQA: E402

LR = 0.01


def best_ms(ours, theirs, repeat, rounds=3):
    """Best times (ms) of the two steps, measured in alternating rounds.

    Each round runs one step ``repeat`` times after an untimed warm-up run
    (so every timed run follows a run of the same step, with its arrays in
    the caches, as in a training loop), then the other step. Alternating the
    rounds spreads changes of a shared machine's load over both sides.
    """
    best = [float('inf'), float('inf')]
    for _ in range(rounds):
        for i, step in enumerate((ours, theirs)):
            step()
            for _ in range(repeat):
                t0 = time.perf_counter()
                step()
                best[i] = min(best[i], time.perf_counter() - t0)
    return best[0] * 1e3, best[1] * 1e3


def params_of(link):
    """The link's parameter arrays (shared with the NumPy version)."""
    return {name: p.array.copy() for name, p in link.namedparams()}


def softmax_cross_entropy_grad(y, t):
    """Mean softmax cross entropy and its gradient w.r.t. the logits."""
    y = y - y.max(axis=1, keepdims=True)
    e = numpy.exp(y)
    s = e.sum(axis=1, keepdims=True)
    p = e / s
    n = len(t)
    loss = -(y[numpy.arange(n), t] - numpy.log(s[:, 0])).mean()
    p[numpy.arange(n), t] -= 1
    p /= n
    return loss, p


# ---------------------------------------------------------------- MLP ------

class MLP(chainer.Chain):

    def __init__(self, n_in=784, n_units=1000, n_out=10):
        super(MLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(n_in, n_units)
            self.l2 = L.Linear(n_units, n_units)
            self.l3 = L.Linear(n_units, n_out)

    def forward(self, x):
        h = F.relu(self.l1(x))
        h = F.relu(self.l2(h))
        return self.l3(h)


def chainer_train_step(model, optimizer, lossfun):
    def step():
        loss = lossfun()
        model.cleargrads()
        loss.backward()
        optimizer.update()
    return step


def numpy_mlp_step(p, x, t):
    W1, b1, W2, b2, W3, b3 = (p['/l1/W'], p['/l1/b'], p['/l2/W'],
                              p['/l2/b'], p['/l3/W'], p['/l3/b'])

    def step():
        h1 = x @ W1.T + b1
        a1 = numpy.maximum(h1, 0)
        h2 = a1 @ W2.T + b2
        a2 = numpy.maximum(h2, 0)
        y = a2 @ W3.T + b3
        _, gy = softmax_cross_entropy_grad(y, t)
        gW3 = gy.T @ a2
        gb3 = gy.sum(axis=0)
        gh2 = gy @ W3
        gh2 *= h2 > 0
        gW2 = gh2.T @ a1
        gb2 = gh2.sum(axis=0)
        gh1 = gh2 @ W2
        gh1 *= h1 > 0
        gW1 = gh1.T @ x
        gb1 = gh1.sum(axis=0)
        for w, g in ((W1, gW1), (b1, gb1), (W2, gW2), (b2, gb2),
                     (W3, gW3), (b3, gb3)):
            w -= LR * g
    return step


def bench_mlp(repeat):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0, 1, (100, 784)).astype(numpy.float32)
    t = rng.randint(0, 10, 100).astype(numpy.int32)
    model = MLP()
    optimizer = optimizers.SGD(LR).setup(model)
    ours = chainer_train_step(
        model, optimizer, lambda: F.softmax_cross_entropy(model(x), t))
    theirs = numpy_mlp_step(params_of(model), x, t)
    return best_ms(ours, theirs, repeat)


def bench_infer(repeat):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0, 1, (1, 784)).astype(numpy.float32)
    model = MLP()
    p = params_of(model)
    W1, b1, W2, b2, W3, b3 = (p['/l1/W'], p['/l1/b'], p['/l2/W'],
                              p['/l2/b'], p['/l3/W'], p['/l3/b'])
    n = 200

    def ours():
        with chainer.using_config('train', False), \
                chainer.no_backprop_mode():
            for _ in range(n):
                model(x)

    def theirs():
        for _ in range(n):
            h = numpy.maximum(x @ W1.T + b1, 0)
            h = numpy.maximum(h @ W2.T + b2, 0)
            h @ W3.T + b3

    ours_ms, theirs_ms = best_ms(ours, theirs, repeat)
    return ours_ms / n, theirs_ms / n


# ---------------------------------------------------------------- CNN ------

class LeNet(chainer.Chain):

    def __init__(self):
        super(LeNet, self).__init__()
        with self.init_scope():
            self.conv1 = L.Convolution2D(1, 20, 5)
            self.conv2 = L.Convolution2D(20, 50, 5)
            self.fc3 = L.Linear(800, 500)
            self.fc4 = L.Linear(500, 10)

    def forward(self, x):
        h = F.max_pooling_2d(self.conv1(x), 2)
        h = F.max_pooling_2d(self.conv2(h), 2)
        h = F.relu(self.fc3(h))
        return self.fc4(h)


def naive_im2col(x, k):
    """(N, C, H, W) -> (N, C, k, k, OH, OW), one copy per kernel position."""
    n, c, h, w = x.shape
    oh, ow = h - k + 1, w - k + 1
    col = numpy.empty((n, c, k, k, oh, ow), x.dtype)
    for i in range(k):
        for j in range(k):
            col[:, :, i, j] = x[:, :, i:i + oh, j:j + ow]
    return col


def naive_col2im(col, h, w):
    n, c, k, _, oh, ow = col.shape
    x = numpy.zeros((n, c, h, w), col.dtype)
    for i in range(k):
        for j in range(k):
            x[:, :, i:i + oh, j:j + ow] += col[:, :, i, j]
    return x


def conv_forward(x, W, b):
    k = W.shape[2]
    col = naive_im2col(x, k)
    y = numpy.tensordot(col, W, ((1, 2, 3), (1, 2, 3)))  # N, OH, OW, OC
    y += b
    return y.transpose(0, 3, 1, 2), col


def conv_backward(gy, col, W, x_shape):
    gW = numpy.tensordot(gy, col, ((0, 2, 3), (0, 4, 5)))
    gb = gy.sum(axis=(0, 2, 3))
    gcol = numpy.tensordot(W, gy, (0, 1))  # C, k, k, N, OH, OW
    gcol = numpy.rollaxis(gcol, 3)
    gx = naive_col2im(gcol, x_shape[2], x_shape[3])
    return gx, gW, gb


def pool_forward(x):
    n, c, h, w = x.shape
    r = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5)
    r = r.reshape(n, c, h // 2, w // 2, 4)
    idx = r.argmax(axis=4)
    return numpy.take_along_axis(r, idx[..., None], 4)[..., 0], idx


def pool_backward(gy, idx, x_shape):
    n, c, h, w = x_shape
    g = numpy.zeros(idx.shape + (4,), gy.dtype)
    numpy.put_along_axis(g, idx[..., None], gy[..., None], 4)
    g = g.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5)
    return g.reshape(x_shape)


def numpy_cnn_step(p, x, t):
    W1, b1, W2, b2 = (p['/conv1/W'], p['/conv1/b'], p['/conv2/W'],
                      p['/conv2/b'])
    W3, b3, W4, b4 = p['/fc3/W'], p['/fc3/b'], p['/fc4/W'], p['/fc4/b']

    def step():
        c1, col1 = conv_forward(x, W1, b1)
        p1, idx1 = pool_forward(c1)
        c2, col2 = conv_forward(p1, W2, b2)
        p2, idx2 = pool_forward(c2)
        f = p2.reshape(len(x), -1)
        h3 = f @ W3.T + b3
        a3 = numpy.maximum(h3, 0)
        y = a3 @ W4.T + b4
        _, gy = softmax_cross_entropy_grad(y, t)
        gW4 = gy.T @ a3
        gb4 = gy.sum(axis=0)
        gh3 = gy @ W4
        gh3 *= h3 > 0
        gW3 = gh3.T @ f
        gb3 = gh3.sum(axis=0)
        gf = (gh3 @ W3).reshape(p2.shape)
        gc2 = pool_backward(gf, idx2, c2.shape)
        gp1, gW2, gb2 = conv_backward(gc2, col2, W2, p1.shape)
        gc1 = pool_backward(gp1, idx1, c1.shape)
        _, gW1, gb1 = conv_backward(gc1, col1, W1, x.shape)
        for w, g in ((W1, gW1), (b1, gb1), (W2, gW2), (b2, gb2),
                     (W3, gW3), (b3, gb3), (W4, gW4), (b4, gb4)):
            w -= LR * g
    return step


def bench_cnn(repeat):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0, 1, (64, 1, 28, 28)).astype(numpy.float32)
    t = rng.randint(0, 10, 64).astype(numpy.int32)
    model = LeNet()
    optimizer = optimizers.SGD(LR).setup(model)
    ours = chainer_train_step(
        model, optimizer, lambda: F.softmax_cross_entropy(model(x), t))
    theirs = numpy_cnn_step(params_of(model), x, t)
    return best_ms(ours, theirs, repeat)


# --------------------------------------------------------------- LSTM ------

class RNNLM(chainer.Chain):

    def __init__(self, n_vocab=10000, n_units=256):
        super(RNNLM, self).__init__()
        with self.init_scope():
            self.embed = L.EmbedID(n_vocab, n_units)
            self.l1 = L.LSTM(n_units, n_units)
            self.l2 = L.Linear(n_units, n_vocab)

    def reset_state(self):
        self.l1.reset_state()

    def forward(self, x):
        return self.l2(self.l1(self.embed(x)))


def sigmoid(x):
    return numpy.tanh(x * 0.5) * 0.5 + 0.5


def numpy_lstm_step(p, xs, ts, n_units):
    E = p['/embed/W']
    Wx, bx, Wh = p['/l1/upward/W'], p['/l1/upward/b'], p['/l1/lateral/W']
    Wo, bo = p['/l2/W'], p['/l2/b']
    # Chainer's LSTM interleaves the four gates per unit: a, i, f, o.
    batch = xs.shape[1]

    def step():
        h = numpy.zeros((batch, n_units), numpy.float32)
        c = numpy.zeros_like(h)
        cache = []
        for x, t in zip(xs, ts):
            e = E[x]
            z = e @ Wx.T + bx
            if cache:
                z += h @ Wh.T
            z = z.reshape(batch, n_units, 4)
            a = numpy.tanh(z[:, :, 0])
            i = sigmoid(z[:, :, 1])
            f = sigmoid(z[:, :, 2])
            o = sigmoid(z[:, :, 3])
            c_prev, h_prev = c, h
            c = a * i + f * c_prev
            tc = numpy.tanh(c)
            h = o * tc
            y = h @ Wo.T + bo
            cache.append((x, t, e, h_prev, c_prev, a, i, f, o, tc, h, y))
        gE = numpy.zeros_like(E)
        gWx = numpy.zeros_like(Wx)
        gbx = numpy.zeros_like(bx)
        gWh = numpy.zeros_like(Wh)
        gWo = numpy.zeros_like(Wo)
        gbo = numpy.zeros_like(bo)
        gh_next = numpy.zeros((batch, n_units), numpy.float32)
        gc_next = numpy.zeros_like(gh_next)
        for k in range(len(cache) - 1, -1, -1):
            x, t, e, h_prev, c_prev, a, i, f, o, tc, h, y = cache[k]
            _, gy = softmax_cross_entropy_grad(y, t)
            gWo += gy.T @ h
            gbo += gy.sum(axis=0)
            gh = gy @ Wo + gh_next
            gc = gh * o * (1 - tc * tc) + gc_next
            gz = numpy.empty((batch, n_units, 4), numpy.float32)
            gz[:, :, 0] = gc * i * (1 - a * a)
            gz[:, :, 1] = gc * a * i * (1 - i)
            gz[:, :, 2] = gc * c_prev * f * (1 - f)
            gz[:, :, 3] = gh * tc * o * (1 - o)
            gz = gz.reshape(batch, 4 * n_units)
            gWx += gz.T @ e
            gbx += gz.sum(axis=0)
            numpy.add.at(gE, x, gz @ Wx)
            if k > 0:
                gWh += gz.T @ h_prev
                gh_next = gz @ Wh
            gc_next = gc * f
        for w, g in ((E, gE), (Wx, gWx), (bx, gbx), (Wh, gWh), (Wo, gWo),
                     (bo, gbo)):
            w -= LR * g
    return step


def bench_lstm(repeat):
    n_vocab, n_units, steps, batch = 10000, 256, 35, 32
    rng = numpy.random.RandomState(0)
    xs = rng.randint(0, n_vocab, (steps, batch)).astype(numpy.int32)
    ts = rng.randint(0, n_vocab, (steps, batch)).astype(numpy.int32)
    model = RNNLM(n_vocab, n_units)
    optimizer = optimizers.SGD(LR).setup(model)

    def lossfun():
        model.reset_state()
        loss = 0
        for x, t in zip(xs, ts):
            loss += F.softmax_cross_entropy(model(x), t)
        return loss

    ours = chainer_train_step(model, optimizer, lossfun)
    # The hand-written version sums the per-step mean losses like lossfun.
    theirs = numpy_lstm_step(params_of(model), xs, ts, n_units)
    return best_ms(ours, theirs, repeat)


BENCHES = {'mlp': bench_mlp, 'cnn': bench_cnn, 'lstm': bench_lstm,
           'infer': bench_infer}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('models', nargs='*', default=list(BENCHES))
    parser.add_argument('--repeat', type=int, default=7)
    args = parser.parse_args()
    print('{:6s} {:>14s} {:>12s} {:>7s}'.format(
        'model', 'chainer_lite', 'numpy', 'ratio'))
    for name in args.models:
        ours, theirs = BENCHES[name](args.repeat)
        print('{:6s} {:11.3f} ms {:9.3f} ms {:6.3f}x'.format(
            name, ours, theirs, ours / theirs))


if __name__ == '__main__':
    main()

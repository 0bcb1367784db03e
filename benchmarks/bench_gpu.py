"""GPU benchmarks: chainer_lite on CuPy vs hand-written CuPy (and PyTorch).

Each benchmark times one training step of the same computation, from the
same initial weights, three ways, in one process:

- chainer_lite: the models of benchmarks/bench_models.py (links, F
  functions, SGD), on ``@cupy:0``;
- hand-written: the forward, backward and SGD update written out with the
  array module (CuPy on the GPU, NumPy with ``--device cpu``);
- PyTorch, when ``import torch`` works (CUDA on the GPU).

Benchmarks: ``mlp`` (784-1000-1000-10, batch 100 and 10,000), ``cnn``
(LeNet, batch 64 and 1,024), ``lstm`` (EmbedID 10000x256, LSTM 256, 35 steps,
batch 32) and ``perop`` (200 elementwise ops on an 8-element array, forward
and backward; microseconds per op). The GPU is synchronized before each
clock reading; the best of ``--repeat`` runs is reported, after warm-up runs
that also compile the kernels. Before timing, the first-step losses of the
three versions are compared, so a wrong hand-written version shows.

Usage:
    python benchmarks/bench_gpu.py [--device gpu|cpu] [--repeat N] [--quick]
                                   [--json FILE] [mlp cnn lstm perop]

``--device cpu`` is a dry run on any machine; ``--quick`` shrinks the
problem sizes (the output says so).
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy  # NOQA: E402

import bench_models  # NOQA: E402
import chainer_lite as chainer  # NOQA: E402
import chainer_lite.functions as F  # NOQA: E402
from chainer_lite import optimizers  # NOQA: E402

LR = bench_models.LR
N_OPS = 200


class Backend(object):
    """The array module, device and clock of one run."""

    def __init__(self, name):
        self.name = name
        if name == 'gpu':
            import cupy
            self.xp = cupy
            self.device = chainer.get_device('@cupy:0')
            self.device.use()
            props = cupy.cuda.runtime.getDeviceProperties(0)
            self.description = '{} (CuPy {})'.format(
                props['name'].decode(), cupy.__version__)
        else:
            self.xp = numpy
            self.device = chainer.get_device('@numpy')
            self.description = 'CPU (NumPy {}, {} threads)'.format(
                numpy.__version__, os.environ.get('OMP_NUM_THREADS', '?'))

    def sync(self):
        if self.xp is not numpy:
            self.xp.cuda.Device().synchronize()

    def send(self, array):
        return self.device.send(array)


def best_ms(step, backend, repeat, warmup=3):
    for _ in range(warmup):
        step()
    backend.sync()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        step()
        backend.sync()
        times.append(time.perf_counter() - t0)
    return min(times) * 1e3


def chainer_step(model, lossfun):
    optimizer = optimizers.SGD(LR).setup(model)

    def step():
        loss = lossfun()
        model.cleargrads()
        loss.backward()
        optimizer.update()
        return loss.array
    return step


def params_on(model, backend):
    """Copies of the model's parameters on the backend (hand-written)."""
    return {name: backend.send(p.array).copy()
            for name, p in model.namedparams()}


def softmax_cross_entropy_grad(xp, y, t):
    """Mean softmax cross entropy and its gradient w.r.t. the logits."""
    y = y - y.max(axis=1, keepdims=True)
    e = xp.exp(y)
    s = e.sum(axis=1, keepdims=True)
    n = len(t)
    rows = xp.arange(n)
    loss = -(y[rows, t] - xp.log(s[:, 0])).mean()
    p = e / s
    p[rows, t] -= 1
    p /= n
    return loss, p


def sgd(pairs):
    for w, g in pairs:
        w -= LR * g


# ---------------------------------------------------------------- MLP ------

def hand_mlp_step(xp, p, x, t):
    W1, b1, W2, b2, W3, b3 = (p['/l1/W'], p['/l1/b'], p['/l2/W'],
                              p['/l2/b'], p['/l3/W'], p['/l3/b'])

    def step():
        h1 = x @ W1.T + b1
        a1 = xp.maximum(h1, 0)
        h2 = a1 @ W2.T + b2
        a2 = xp.maximum(h2, 0)
        y = a2 @ W3.T + b3
        loss, gy = softmax_cross_entropy_grad(xp, y, t)
        gh2 = (gy @ W3) * (h2 > 0)
        gh1 = (gh2 @ W2) * (h1 > 0)
        sgd(((W3, gy.T @ a2), (b3, gy.sum(axis=0)),
             (W2, gh2.T @ a1), (b2, gh2.sum(axis=0)),
             (W1, gh1.T @ x), (b1, gh1.sum(axis=0))))
        return loss
    return step


def torch_mlp_step(torch, model, x, t, dev):
    import torch.nn.functional as tF
    layers = [torch.nn.Linear(784, 1000), torch.nn.Linear(1000, 1000),
              torch.nn.Linear(1000, 10)]
    for layer, link in zip(layers, (model.l1, model.l2, model.l3)):
        _copy_weights(torch, layer, link)
    net = torch.nn.Sequential(layers[0], torch.nn.ReLU(), layers[1],
                              torch.nn.ReLU(), layers[2]).to(dev)
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    tx = torch.from_numpy(x).to(dev)
    tt = torch.from_numpy(t.astype(numpy.int64)).to(dev)

    def step():
        loss = tF.cross_entropy(net(tx), tt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.detach()
    return step


def _copy_weights(torch, layer, link):
    with torch.no_grad():
        layer.weight.copy_(torch.from_numpy(_host(link.W.array)))
        layer.bias.copy_(torch.from_numpy(_host(link.b.array)))


def _host(array):
    return chainer.backend.CpuDevice().send(array)


def bench_mlp(backend, batch, repeat, torch):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0, 1, (batch, 784)).astype(numpy.float32)
    t = rng.randint(0, 10, batch).astype(numpy.int32)
    numpy.random.seed(0)
    model = bench_models.MLP()
    steps = {}
    if torch is not None:
        steps['torch'] = lambda: torch_mlp_step(torch[0], model, x, t,
                                                torch[1])
    p = params_on(model, backend)
    xd, td = backend.send(x), backend.send(t)
    model.to_device(backend.device)
    steps['hand'] = lambda: hand_mlp_step(backend.xp, p, xd, td)
    steps['chainer_lite'] = lambda: chainer_step(
        model, lambda: F.softmax_cross_entropy(model(xd), td))
    return run_versions(steps, backend, repeat)


# ---------------------------------------------------------------- CNN ------

def im2col(xp, x, k):
    """(N, C, H, W) -> (N, C, k, k, OH, OW), one copy per kernel offset."""
    n, c, h, w = x.shape
    oh, ow = h - k + 1, w - k + 1
    col = xp.empty((n, c, k, k, oh, ow), x.dtype)
    for i in range(k):
        for j in range(k):
            col[:, :, i, j] = x[:, :, i:i + oh, j:j + ow]
    return col


def col2im(xp, col, h, w):
    n, c, k, _, oh, ow = col.shape
    x = xp.zeros((n, c, h, w), col.dtype)
    for i in range(k):
        for j in range(k):
            x[:, :, i:i + oh, j:j + ow] += col[:, :, i, j]
    return x


def conv_forward(xp, x, W, b):
    col = im2col(xp, x, W.shape[2])
    y = xp.tensordot(col, W, ((1, 2, 3), (1, 2, 3)))  # N, OH, OW, OC
    y += b
    return xp.ascontiguousarray(y.transpose(0, 3, 1, 2)), col


def conv_backward(xp, gy, col, W, x_shape):
    gW = xp.tensordot(gy, col, ((0, 2, 3), (0, 4, 5)))
    gb = gy.sum(axis=(0, 2, 3))
    gcol = xp.tensordot(W, gy, (0, 1))  # C, k, k, N, OH, OW
    gcol = xp.ascontiguousarray(xp.rollaxis(gcol, 3))
    return col2im(xp, gcol, x_shape[2], x_shape[3]), gW, gb


def pool_forward(xp, x):
    n, c, h, w = x.shape
    r = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5)
    r = r.reshape(n, c, h // 2, w // 2, 4)
    idx = r.argmax(axis=4)
    return xp.take_along_axis(r, idx[..., None], 4)[..., 0], idx


def pool_backward(xp, gy, idx, x_shape):
    n, c, h, w = x_shape
    g = (xp.arange(4) == idx[..., None]) * gy[..., None]
    g = g.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5)
    return g.reshape(x_shape)


def hand_cnn_step(xp, p, x, t):
    W1, b1, W2, b2 = (p['/conv1/W'], p['/conv1/b'], p['/conv2/W'],
                      p['/conv2/b'])
    W3, b3, W4, b4 = p['/fc3/W'], p['/fc3/b'], p['/fc4/W'], p['/fc4/b']

    def step():
        c1, col1 = conv_forward(xp, x, W1, b1)
        p1, idx1 = pool_forward(xp, c1)
        c2, col2 = conv_forward(xp, p1, W2, b2)
        p2, idx2 = pool_forward(xp, c2)
        f = p2.reshape(len(x), -1)
        h3 = f @ W3.T + b3
        a3 = xp.maximum(h3, 0)
        y = a3 @ W4.T + b4
        loss, gy = softmax_cross_entropy_grad(xp, y, t)
        gh3 = (gy @ W4) * (h3 > 0)
        gf = (gh3 @ W3).reshape(p2.shape)
        gc2 = pool_backward(xp, gf, idx2, c2.shape)
        gp1, gW2, gb2 = conv_backward(xp, gc2, col2, W2, p1.shape)
        gc1 = pool_backward(xp, gp1, idx1, c1.shape)
        _, gW1, gb1 = conv_backward(xp, gc1, col1, W1, x.shape)
        sgd(((W4, gy.T @ a3), (b4, gy.sum(axis=0)),
             (W3, gh3.T @ f), (b3, gh3.sum(axis=0)),
             (W2, gW2), (b2, gb2), (W1, gW1), (b1, gb1)))
        return loss
    return step


def torch_cnn_step(torch, model, x, t, dev):
    import torch.nn.functional as tF

    class Net(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.conv1 = torch.nn.Conv2d(1, 20, 5)
            self.conv2 = torch.nn.Conv2d(20, 50, 5)
            self.fc3 = torch.nn.Linear(800, 500)
            self.fc4 = torch.nn.Linear(500, 10)

        def forward(self, x):
            h = tF.max_pool2d(self.conv1(x), 2)
            h = tF.max_pool2d(self.conv2(h), 2)
            h = tF.relu(self.fc3(h.flatten(1)))
            return self.fc4(h)

    net = Net()
    for name in ('conv1', 'conv2', 'fc3', 'fc4'):
        _copy_weights(torch, getattr(net, name), getattr(model, name))
    net = net.to(dev)
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    tx = torch.from_numpy(x).to(dev)
    tt = torch.from_numpy(t.astype(numpy.int64)).to(dev)

    def step():
        loss = tF.cross_entropy(net(tx), tt)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.detach()
    return step


def bench_cnn(backend, batch, repeat, torch):
    rng = numpy.random.RandomState(0)
    x = rng.uniform(0, 1, (batch, 1, 28, 28)).astype(numpy.float32)
    t = rng.randint(0, 10, batch).astype(numpy.int32)
    numpy.random.seed(0)
    model = bench_models.LeNet()
    steps = {}
    if torch is not None:
        steps['torch'] = lambda: torch_cnn_step(torch[0], model, x, t,
                                                torch[1])
    p = params_on(model, backend)
    xd, td = backend.send(x), backend.send(t)
    model.to_device(backend.device)
    steps['hand'] = lambda: hand_cnn_step(backend.xp, p, xd, td)
    steps['chainer_lite'] = lambda: chainer_step(
        model, lambda: F.softmax_cross_entropy(model(xd), td))
    return run_versions(steps, backend, repeat)


# --------------------------------------------------------------- LSTM ------

def sigmoid(xp, x):
    return xp.tanh(x * 0.5) * 0.5 + 0.5


def hand_lstm_step(xp, p, xs, ts, n_units):
    E = p['/embed/W']
    Wx, bx, Wh = p['/l1/upward/W'], p['/l1/upward/b'], p['/l1/lateral/W']
    Wo, bo = p['/l2/W'], p['/l2/b']
    batch = xs.shape[1]
    # Chainer's LSTM interleaves the four gates of each unit: a, i, f, o.

    def step():
        h = xp.zeros((batch, n_units), numpy.float32)
        c = xp.zeros_like(h)
        cache = []
        total = 0
        for k in range(len(xs)):
            x, t = xs[k], ts[k]
            e = E[x]
            z = e @ Wx.T + bx
            if cache:
                z += h @ Wh.T
            z = z.reshape(batch, n_units, 4)
            a = xp.tanh(z[:, :, 0])
            i = sigmoid(xp, z[:, :, 1])
            f = sigmoid(xp, z[:, :, 2])
            o = sigmoid(xp, z[:, :, 3])
            c_prev, h_prev = c, h
            c = a * i + f * c_prev
            tc = xp.tanh(c)
            h = o * tc
            y = h @ Wo.T + bo
            loss, gy = softmax_cross_entropy_grad(xp, y, t)
            total = total + loss
            cache.append((x, e, h_prev, c_prev, a, i, f, o, tc, h, gy))
        grads = [xp.zeros_like(w) for w in (E, Wx, bx, Wh, Wo, bo)]
        gE, gWx, gbx, gWh, gWo, gbo = grads
        gh_next = xp.zeros((batch, n_units), numpy.float32)
        gc_next = xp.zeros_like(gh_next)
        for k in range(len(cache) - 1, -1, -1):
            x, e, h_prev, c_prev, a, i, f, o, tc, h, gy = cache[k]
            gWo += gy.T @ h
            gbo += gy.sum(axis=0)
            gh = gy @ Wo + gh_next
            gc = gh * o * (1 - tc * tc) + gc_next
            gz = xp.stack([gc * i * (1 - a * a), gc * a * i * (1 - i),
                           gc * c_prev * f * (1 - f),
                           gh * tc * o * (1 - o)], axis=2)
            gz = gz.reshape(batch, 4 * n_units)
            gWx += gz.T @ e
            gbx += gz.sum(axis=0)
            xp.add.at(gE, x, gz @ Wx)
            if k > 0:
                gWh += gz.T @ h_prev
                gh_next = gz @ Wh
            gc_next = gc * f
        sgd(zip((E, Wx, bx, Wh, Wo, bo), grads))
        return total
    return step


def torch_lstm_step(torch, n_vocab, n_units, xs, ts, dev):
    import torch.nn.functional as tF
    embed = torch.nn.Embedding(n_vocab, n_units)
    cell = torch.nn.LSTMCell(n_units, n_units)
    out = torch.nn.Linear(n_units, n_vocab)
    net = torch.nn.ModuleList([embed, cell, out]).to(dev)
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    txs = torch.from_numpy(xs.astype(numpy.int64)).to(dev)
    tts = torch.from_numpy(ts.astype(numpy.int64)).to(dev)

    def step():
        state = None
        loss = 0
        for x, t in zip(txs, tts):
            state = cell(embed(x), state)
            loss = loss + tF.cross_entropy(out(state[0]), t)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.detach()
    return step


def bench_lstm(backend, sizes, repeat, torch):
    n_vocab, n_units, n_steps, batch = sizes
    rng = numpy.random.RandomState(0)
    xs = rng.randint(0, n_vocab, (n_steps, batch)).astype(numpy.int32)
    ts = rng.randint(0, n_vocab, (n_steps, batch)).astype(numpy.int32)
    numpy.random.seed(0)
    model = bench_models.RNNLM(n_vocab, n_units)
    steps = {}
    if torch is not None:
        # Its own initial weights (PyTorch's LSTM gate layout differs):
        # only its time is comparable, not its loss.
        steps['torch'] = lambda: torch_lstm_step(
            torch[0], n_vocab, n_units, xs, ts, torch[1])
    p = params_on(model, backend)
    xsd, tsd = backend.send(xs), backend.send(ts)
    model.to_device(backend.device)

    def lossfun():
        model.reset_state()
        loss = 0
        for k in range(n_steps):
            loss += F.softmax_cross_entropy(model(xsd[k]), tsd[k])
        return loss

    steps['hand'] = lambda: hand_lstm_step(backend.xp, p, xsd, tsd, n_units)
    steps['chainer_lite'] = lambda: chainer_step(model, lossfun)
    return run_versions(steps, backend, repeat, compare_torch=False)


# ------------------------------------------------------------- per op ------

def bench_perop(backend, repeat, torch):
    """Microseconds per op of a 200-op chain on 8 elements, fwd + bwd."""
    x_host = numpy.arange(8, dtype=numpy.float32)
    xp = backend.xp
    x = backend.send(x_host)
    one = xp.ones_like(x)

    def ours():
        v = chainer.Variable(x)
        y = op_chain(v)
        y.grad = one
        y.backward()
        return v.grad

    def hand():
        y = op_chain(x, scalar=numpy.float32)
        g = one
        for _ in range(N_OPS // 4):
            g = g * numpy.float32(0.9999)
            g = g * numpy.float32(1.0)
            g = g * numpy.float32(1.0001)
            g = g * numpy.float32(1.0)
        return y, g

    steps = {'chainer_lite': ours, 'hand': hand}
    if torch is not None:
        tt, dev = torch
        tx = tt.from_numpy(x_host).to(dev)

        def theirs():
            v = tx.clone().requires_grad_(True)
            y = op_chain(v)
            y.backward(tt.ones_like(y))
            return v.grad
        steps['torch'] = theirs
    results = {}
    for name, fn in steps.items():
        if _guarded(name, fn) is not None:
            results[name] = best_ms(fn, backend, repeat) * 1e3 / N_OPS
    return results, 'us per op, forward + backward'


def op_chain(x, scalar=float):
    # The chain of benchmarks/bench_per_op.py: *, +, *, - repeated.
    for _ in range(N_OPS // 4):
        x = x * scalar(1.0001)
        x = x + scalar(0.5)
        x = x * scalar(0.9999)
        x = x - scalar(0.5)
    return x


# ----------------------------------------------------------------- run -----

def run_versions(makers, backend, repeat, compare_torch=True):
    """Builds each version's step, checks first-step losses, times them.

    Returns:
        (dict, str): Milliseconds per step by version, and the loss check.
    """
    steps = {}
    # All versions are built (weights copied) before any of them steps.
    for name in ('torch', 'hand', 'chainer_lite'):
        if name in makers:
            steps[name] = _guarded(name, makers[name])
    losses = {}
    for name, step in list(steps.items()):
        if step is not None:
            losses[name] = _guarded(name, lambda: float(_scalar(step())))
        if step is None or losses[name] is None:
            del steps[name]
            losses.pop(name, None)
    ref = losses.get('chainer_lite')
    check = []
    for name, value in losses.items():
        if name == 'chainer_lite' or (name == 'torch' and not compare_torch):
            continue
        ok = ref is not None and abs(value - ref) <= 1e-3 * max(1, abs(ref))
        check.append('{} {}'.format(name, 'ok' if ok else 'MISMATCH ({:.6g} '
                                    'vs {:.6g})'.format(value, ref)))
    results = {name: best_ms(step, backend, repeat)
               for name, step in steps.items()}
    return results, 'first-step loss {:.6g}: {}'.format(
        ref if ref is not None else float('nan'),
        ', '.join(check) or 'nothing to compare')


def _guarded(name, func):
    # A failing version is reported and left out; the others still run.
    try:
        return func()
    except Exception as e:
        print('  {} failed: {}: {}'.format(name, type(e).__name__, e))
        return None


def _scalar(value):
    if hasattr(value, 'item'):
        return value.item()
    return value


def find_torch(device):
    try:
        import torch
    except Exception as e:
        return None, 'PyTorch: not importable ({})'.format(
            type(e).__name__)
    if device == 'gpu':
        if not torch.cuda.is_available():
            return None, 'PyTorch {}: no CUDA'.format(torch.__version__)
        return (torch, 'cuda'), 'PyTorch {} (CUDA)'.format(torch.__version__)
    torch.set_num_threads(1)
    return (torch, 'cpu'), 'PyTorch {} (CPU, 1 thread)'.format(
        torch.__version__)


def plan(quick):
    """(label, function, size argument) of each benchmark row."""
    mlp = (100, 1000) if quick else (100, 10000)
    cnn = (64, 128) if quick else (64, 1024)
    lstm = (1000, 64, 5, 8) if quick else (10000, 256, 35, 32)
    return {
        'mlp': [('mlp batch {}'.format(b), bench_mlp, b) for b in mlp],
        'cnn': [('cnn batch {}'.format(b), bench_cnn, b) for b in cnn],
        'lstm': [('lstm {}x{} {} steps b{}'.format(*lstm), bench_lstm,
                  lstm)],
        'perop': [('per-op us (200 ops)', None, None)],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('benches', nargs='*',
                        default=['mlp', 'cnn', 'lstm', 'perop'])
    parser.add_argument('--device', choices=('gpu', 'cpu'), default='gpu')
    parser.add_argument('--repeat', type=int, default=10)
    parser.add_argument('--quick', action='store_true',
                        help='small sizes (a dry run, not a measurement)')
    parser.add_argument('--json', help='also write the results here')
    args = parser.parse_args(argv)

    backend = Backend(args.device)
    torch, torch_note = find_torch(args.device)
    baseline = 'CuPy' if args.device == 'gpu' else 'NumPy'
    print('device: {}'.format(backend.description))
    print('chainer_lite {}; hand-written {}; {}'.format(
        chainer.__version__, baseline, torch_note))
    if args.quick:
        print('--quick: reduced sizes, not a measurement')
    rows = []
    header = '{:28s} {:>13s} {:>11s} {:>7s} {:>11s} {:>7s}  {}'.format(
        'benchmark', 'chainer_lite', baseline, 'ratio', 'torch', 'ratio',
        'check')
    print(header)
    print('-' * len(header))
    unit = 'ms'
    for bench in args.benches:
        for label, func, size in plan(args.quick)[bench]:
            if bench == 'perop':
                times, check = bench_perop(backend, args.repeat, torch)
                unit = 'us'
            else:
                times, check = func(backend, size, args.repeat, torch)
                unit = 'ms'
            ours = times.get('chainer_lite')
            row = {'benchmark': label, 'unit': unit, 'check': check}
            row.update(times)
            rows.append(row)
            print('{:28s} {:>13s} {:>11s} {:>7s} {:>11s} {:>7s}  {}'.format(
                label, _fmt(ours, unit), _fmt(times.get('hand'), unit),
                _ratio(ours, times.get('hand')),
                _fmt(times.get('torch'), unit),
                _ratio(ours, times.get('torch')), check))
            sys.stdout.flush()
    print('ratio = chainer_lite time / other time (lower is better for '
          'chainer_lite)')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'device': backend.description, 'torch': torch_note,
                       'quick': args.quick, 'repeat': args.repeat,
                       'rows': rows}, f, indent=1)


def _fmt(value, unit):
    return '-' if value is None else '{:.3f} {}'.format(value, unit)


def _ratio(a, b):
    return '-' if a is None or b is None else '{:.2f}x'.format(a / b)


if __name__ == '__main__':
    main()

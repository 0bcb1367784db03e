"""LeNet-style convolution + max pooling, forward and backward.

Network: Conv 1->20 5x5 on 28x28, max-pool 2, Conv 20->50 5x5, max-pool 2
(with biases), batch 64, float32, gradients for W and b of both
convolutions (the input is data and needs none). Compares chainer_lite with
a hand-written NumPy im2col version of the same computation, in the same
process, at one thread; checks that both give the same gradients, then
prints milliseconds per forward+backward and the ratio.

Usage: python benchmarks/bench_conv.py [--repeat N] [--batch N]
"""
import os

os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
os.environ.setdefault('MKL_NUM_THREADS', '1')

import argparse  # NOQA: E402
import timeit  # NOQA: E402

import numpy  # NOQA: E402

import chainer_lite as chainer  # NOQA: E402
import chainer_lite.functions as F  # NOQA: E402


# --- hand-written NumPy version -------------------------------------------

def im2col(x, k):
    # Stride 1, no padding: (n, c, h, w) -> (n, c, k, k, oh, ow).
    n, c, h, w = x.shape
    oh, ow = h - k + 1, w - k + 1
    col = numpy.empty((n, c, k, k, oh, ow), dtype=x.dtype)
    for i in range(k):
        for j in range(k):
            col[:, :, i, j] = x[:, :, i:i + oh, j:j + ow]
    return col


def col2im(col, stride, h, w):
    n, c, kh, kw, oh, ow = col.shape
    x = numpy.zeros((n, c, h, w), dtype=col.dtype)
    for i in range(kh):
        for j in range(kw):
            x[:, :, i:i + stride * oh:stride, j:j + stride * ow:stride] += \
                col[:, :, i, j]
    return x


def conv_forward(x, W, b):
    col = im2col(x, W.shape[2])
    y = numpy.tensordot(col, W, ((1, 2, 3), (1, 2, 3))) + b
    return y.transpose(0, 3, 1, 2), col


def conv_backward(gy, W, col, x_shape, need_gx):
    gW = numpy.tensordot(gy, col, ((0, 2, 3), (0, 4, 5)))
    gb = gy.sum(axis=(0, 2, 3))
    gx = None
    if need_gx:
        gcol = numpy.tensordot(W, gy, (0, 1))  # (c, kh, kw, n, oh, ow)
        gcol = numpy.moveaxis(gcol, 3, 0)
        gx = col2im(gcol, 1, x_shape[2], x_shape[3])
    return gx, gW, gb


def pool_forward(x):
    # 2x2, stride 2: windows as (n, c, 4, oh, ow), then argmax over them.
    n, c, h, w = x.shape
    col = numpy.empty((n, c, 2, 2, h // 2, w // 2), dtype=x.dtype)
    for i in range(2):
        for j in range(2):
            col[:, :, i, j] = x[:, :, i::2, j::2]
    col = col.reshape(n, c, 4, h // 2, w // 2)
    index = col.argmax(axis=2)
    y = numpy.take_along_axis(col, index[:, :, None], axis=2)[:, :, 0]
    return y, index


def pool_backward(gy, index, x_shape):
    n, c, oh, ow = gy.shape
    gcol = numpy.zeros((n, c, 4, oh, ow), dtype=gy.dtype)
    numpy.put_along_axis(gcol, index[:, :, None], gy[:, :, None], axis=2)
    return col2im(gcol.reshape(n, c, 2, 2, oh, ow), 2, *x_shape[2:])


def numpy_step(x, W1, b1, W2, b2):
    h1, col1 = conv_forward(x, W1, b1)
    p1, i1 = pool_forward(h1)
    h2, col2 = conv_forward(p1, W2, b2)
    p2, i2 = pool_forward(h2)
    gp2 = numpy.ones_like(p2)
    gh2 = pool_backward(gp2, i2, h2.shape)
    gp1, gW2, gb2 = conv_backward(gh2, W2, col2, p1.shape, True)
    gh1 = pool_backward(gp1, i1, h1.shape)
    _, gW1, gb1 = conv_backward(gh1, W1, col1, x.shape, False)
    return p2, gW1, gb1, gW2, gb2


# --- chainer_lite version -------------------------------------------------

def chainer_step(x, W1, b1, W2, b2):
    h = F.max_pooling_2d(F.convolution_2d(x, W1, b1), 2)
    y = F.max_pooling_2d(F.convolution_2d(h, W2, b2), 2)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    return y


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--repeat', type=int, default=30)
    parser.add_argument('--batch', type=int, default=64)
    args = parser.parse_args()

    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((args.batch, 1, 28, 28)).astype(numpy.float32)
    params = [rng.standard_normal(s).astype(numpy.float32) * 0.1
              for s in [(20, 1, 5, 5), (20,), (50, 20, 5, 5), (50,)]]
    variables = [chainer.Parameter(p) for p in params]

    def run_chainer():
        for v in variables:
            v.cleargrad()
        return chainer_step(x, *variables)

    def run_numpy():
        return numpy_step(x, *params)

    y = run_chainer()
    expected = run_numpy()
    numpy.testing.assert_allclose(y.array, expected[0], rtol=1e-4,
                                  atol=1e-4)
    for v, g in zip(variables, expected[1:]):
        numpy.testing.assert_allclose(v.grad, g, rtol=1e-3, atol=1e-3)

    timings = {}
    # Interleave the two so that machine load affects both alike.
    for _ in range(args.repeat):
        for name, fn in (('numpy', run_numpy), ('chainer_lite', run_chainer)):
            t = timeit.timeit(fn, number=1)
            timings.setdefault(name, []).append(t)

    best = {name: min(ts) * 1e3 for name, ts in timings.items()}
    median = {name: sorted(ts)[len(ts) // 2] * 1e3
              for name, ts in timings.items()}
    print('LeNet-style conv/pool forward+backward, batch {}, float32, '
          '1 thread, {} runs'.format(args.batch, args.repeat))
    print('{:<14}{:>10}{:>12}'.format('', 'best ms', 'median ms'))
    for name in ('numpy', 'chainer_lite'):
        print('{:<14}{:>10.2f}{:>12.2f}'.format(name, best[name],
                                               median[name]))
    print('ratio chainer_lite / numpy: best {:.2f}x, median {:.2f}x'.format(
        best['chainer_lite'] / best['numpy'],
        median['chainer_lite'] / median['numpy']))


if __name__ == '__main__':
    main()

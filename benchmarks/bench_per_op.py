"""Per-op overhead: a chain of 200 elementwise ops on an 8-element float32 array.

Compares chainer_lite (forward only, forward + backward) with a hand-written
NumPy version of the same chain (forward, and forward + hand-written backward),
in the same process, at one thread. Prints microseconds per op and ratios.

Usage: python benchmarks/bench_per_op.py [--repeat N]
"""
import os

os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
os.environ.setdefault('MKL_NUM_THREADS', '1')

import argparse  # NOQA: E402
import timeit  # NOQA: E402

import numpy  # NOQA: E402

import chainer_lite as chainer  # NOQA: E402

N_OPS = 200


def chain_forward(x):
    # The same cycle of four ops as numpy_forward: *, +, *, -.
    for i in range(N_OPS // 4):
        x = x * 1.0001
        x = x + 0.5
        x = x * 0.9999
        x = x - 0.5
    return x


def run_chainer(x_data, backward):
    x = chainer.Variable(x_data)
    y = chain_forward(x)
    if backward:
        y.grad = numpy.ones_like(y.array)
        y.backward()
    return x


def numpy_forward(x):
    for i in range(N_OPS // 4):
        x = x * numpy.float32(1.0001)
        x = x + numpy.float32(0.5)
        x = x * numpy.float32(0.9999)
        x = x - numpy.float32(0.5)
    return x


def numpy_forward_backward(x):
    # Forward keeping what backward needs, then the backward chain by hand.
    y = numpy_forward(x)
    g = numpy.ones_like(y)
    for i in range(N_OPS // 4):
        g = g * numpy.float32(0.9999)
        g = g * numpy.float32(1.0)
        g = g * numpy.float32(1.0001)
        g = g * numpy.float32(1.0)
    return g


def best_us_per_op(fn, repeat, number):
    times = timeit.repeat(fn, repeat=repeat, number=number)
    return min(times) / number / N_OPS * 1e6


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--repeat', type=int, default=7)
    parser.add_argument('--number', type=int, default=20)
    args = parser.parse_args()
    x = numpy.arange(8, dtype=numpy.float32)

    results = {
        'chainer_lite forward': best_us_per_op(
            lambda: run_chainer(x, False), args.repeat, args.number),
        'chainer_lite forward+backward': best_us_per_op(
            lambda: run_chainer(x, True), args.repeat, args.number),
        'numpy forward': best_us_per_op(
            lambda: numpy_forward(x), args.repeat, args.number),
        'numpy forward+backward': best_us_per_op(
            lambda: numpy_forward_backward(x), args.repeat, args.number),
    }
    for k, v in results.items():
        print('{:32s} {:7.2f} us/op'.format(k, v))
    print('ratio forward          {:5.1f}x numpy'.format(
        results['chainer_lite forward'] / results['numpy forward']))
    print('ratio forward+backward {:5.1f}x numpy'.format(
        results['chainer_lite forward+backward']
        / results['numpy forward+backward']))


if __name__ == '__main__':
    main()

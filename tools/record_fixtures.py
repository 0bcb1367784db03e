"""Record what a reference Chainer 7.8.1 computes, as fixtures for our tests.

Run with the reference interpreter (see tools/README.md), from the repository
root::

    refvenv/bin/python tools/record_fixtures.py

It writes ``tests/fixtures/chainer781/``: ``cases.npz`` (every case of
``CASES`` below: inputs, outputs, output gradients, input gradients and, for
links, the parameters drawn after ``numpy.random.seed(0)``, the persistent
values and the parameter gradients) and the interop files ``mlp_model.npz``,
``mlp_adam.npz`` (written by Chainer's ``save_npz``) and ``mlp_expected.npz``.

This module imports neither Chainer nor chainer_lite at import time: the case
table and the runner receive the library as an argument (``Lib``), so that
``tests/test_reference_fixtures.py`` runs the very same cases on chainer_lite.
"""
import contextlib
import os
import sys
import zipfile
import zlib

import numpy


FIXTURE_DIR = os.path.join(
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    'tests', 'fixtures', 'chainer781')
CASES_FILE = 'cases.npz'
MLP_MODEL_FILE = 'mlp_model.npz'
MLP_ADAM_FILE = 'mlp_adam.npz'
MLP_EXPECTED_FILE = 'mlp_expected.npz'

f16, f32, f64, i32 = numpy.float16, numpy.float32, numpy.float64, numpy.int32


class Lib(object):
    """The library under test, as the cases see it: ``chainer``, F and L."""

    def __init__(self, chainer, functions, links):
        self.chainer = chainer
        self.F = functions
        self.L = links


def lib_of(chainer):
    """Makes a :class:`Lib` from a ``chainer`` (or ``chainer_lite``) module."""
    return Lib(chainer, chainer.functions, chainer.links)


# Input generators: each takes a numpy.random.RandomState and returns one
# array. Inputs are stored in the fixture, so the tests never regenerate them.

def normal(*shape, dtype=f32):
    return lambda rng: rng.standard_normal(shape).astype(dtype)


def uniform(low, high, *shape, dtype=f32):
    return lambda rng: rng.uniform(low, high, shape).astype(dtype)


def ints(low, high, *shape):
    return lambda rng: rng.randint(low, high, shape).astype(i32)


def const(values, dtype):
    return lambda rng: numpy.asarray(values, dtype=dtype)


def away_from_zero(*shape, dtype=f32):
    """Values in +-[0.2, 2]: no input sits near a kink (relu, abs, ...)."""
    def draw(rng):
        sign = numpy.where(rng.uniform(size=shape) < 0.5, -1, 1)
        return (sign * rng.uniform(0.2, 2, shape)).astype(dtype)
    return draw


def dropout_mask(*shape, ratio=0.5, dtype=f32):
    scale = 1 / (1 - ratio)
    return lambda rng: (
        (rng.uniform(size=shape) >= ratio) * scale).astype(dtype)


class Case(object):
    """One function or link call of the reference table.

    Args:
        name: ``'F.<function>'`` or ``'L.<Link>'``, with an optional
            ``'[variant]'``; the part before ``[`` names the API needed.
        call: ``call(lib, *inputs)`` for functions,
            ``call(lib, link, *inputs)`` for links. Returns one output or a
            tuple of outputs (Variables, or arrays for values such as
            running statistics, which are compared but not differentiated).
        inputs: input generators (see above).
        raw: indexes of float inputs passed as arrays rather than Variables
            (masks, class weights, running statistics). Integer inputs are
            always passed as arrays.
        make: for links, ``make(lib)`` builds the link; it runs right after
            ``numpy.random.seed(0)``.
        backward: whether to backpropagate.
        grad_outputs: indexes of the outputs to backpropagate from (default:
            every float Variable output).
        config: ``chainer.config`` values to set around the call.
    """

    def __init__(self, name, call, inputs, raw=(), make=None, backward=True,
                 grad_outputs=None, config=None):
        self.name = name
        self.call = call
        self.inputs = inputs
        self.raw = raw
        self.make = make
        self.backward = backward
        self.grad_outputs = grad_outputs
        self.config = config or {}

    @property
    def api(self):
        return self.name.split('[')[0]

    def __repr__(self):
        return 'Case(%r)' % self.name


def _bn_with_running_stats(lib, x, gamma, beta, mean, var):
    mean, var = mean.copy(), var.copy()
    y = lib.F.batch_normalization(
        x, gamma, beta, eps=1e-3, running_mean=mean, running_var=var,
        decay=0.8)
    return y, mean, var


def _bn_link_test_mode(lib):
    bn = lib.L.BatchNormalization(3)
    bn.avg_mean[...] = numpy.array([0.5, -1, 2], dtype=f32)
    bn.avg_var[...] = numpy.array([0.25, 2, 1.5], dtype=f32)
    return bn


def _lstm_two_steps(lib, link, x1, x2):
    h1 = link(x1)
    h2 = link(x2)
    return h1, h2, link.c


def _classifier(lib, link, x, t):
    loss = link(x, t)
    return loss, link.accuracy


def _function_cases():
    F = 'F.'
    cases = []

    def add(name, call, inputs, **kwargs):
        cases.append(Case(F + name, call, inputs, **kwargs))

    def unary(name, call, gen=normal, shape=(3, 4), dtypes=(f32,)):
        for dtype in dtypes:
            variant = '' if dtype is f32 else '[%s]' % numpy.dtype(dtype).name
            add(name + variant, call, [gen(*shape, dtype=dtype)])

    # Elementwise math and activations.
    unary('absolute', lambda m, x: m.F.absolute(x), away_from_zero,
          dtypes=(f32, f16, f64))
    unary('exp', lambda m, x: m.F.exp(x), dtypes=(f32, f16, f64))
    unary('log', lambda m, x: m.F.log(x), lambda *s, dtype: uniform(
        0.5, 3, *s, dtype=dtype), dtypes=(f32, f64))
    unary('sqrt', lambda m, x: m.F.sqrt(x), lambda *s, dtype: uniform(
        0.5, 3, *s, dtype=dtype), dtypes=(f32, f64))
    unary('square', lambda m, x: m.F.square(x))
    unary('relu', lambda m, x: m.F.relu(x), away_from_zero,
          dtypes=(f32, f16, f64))
    unary('sigmoid', lambda m, x: m.F.sigmoid(x), dtypes=(f32, f16, f64))
    unary('tanh', lambda m, x: m.F.tanh(x), dtypes=(f32, f16, f64))
    unary('elu', lambda m, x: m.F.elu(x), away_from_zero, dtypes=(f32, f64))
    add('elu[alpha=0.5]', lambda m, x: m.F.elu(x, alpha=0.5),
        [away_from_zero(3, 4)])
    unary('leaky_relu', lambda m, x: m.F.leaky_relu(x), away_from_zero)
    add('leaky_relu[slope=0.3]', lambda m, x: m.F.leaky_relu(x, slope=0.3),
        [away_from_zero(3, 4)])
    add('clip', lambda m, x: m.F.clip(x, -0.5, 0.5), [away_from_zero(3, 4)])
    unary('identity', lambda m, x: m.F.identity(x))
    add('identity[two]', lambda m, x, y: m.F.identity(x, y),
        [normal(2, 3), normal(4)])
    add('softmax', lambda m, x: m.F.softmax(x), [normal(3, 4)])
    add('softmax[axis=2]', lambda m, x: m.F.softmax(x, axis=2),
        [normal(2, 3, 4)])
    add('softmax[float64]', lambda m, x: m.F.softmax(x),
        [normal(3, 4, dtype=f64)])
    add('log_softmax', lambda m, x: m.F.log_softmax(x), [normal(3, 4)])
    add('log_softmax[axis=0]', lambda m, x: m.F.log_softmax(x, axis=0),
        [normal(3, 4)])
    add('log_softmax[float16]', lambda m, x: m.F.log_softmax(x),
        [normal(3, 4, dtype=f16)])

    # Binary math.
    add('add', lambda m, x, y: m.F.add(x, y), [normal(3, 4), normal(3, 4)])
    add('add[three]', lambda m, x, y, z: m.F.add(x, y, z),
        [normal(2, 3), normal(2, 3), normal(2, 3)])
    add('maximum', lambda m, x, y: m.F.maximum(x, y),
        [normal(3, 4), normal(3, 4)])
    add('minimum', lambda m, x, y: m.F.minimum(x, y),
        [normal(3, 4), normal(3, 4)])
    add('matmul', lambda m, a, b: m.F.matmul(a, b),
        [normal(3, 4), normal(4, 5)])
    add('matmul[transa_transb]',
        lambda m, a, b: m.F.matmul(a, b, transa=True, transb=True),
        [normal(4, 3), normal(5, 4)])
    add('matmul[batched]', lambda m, a, b: m.F.matmul(a, b),
        [normal(2, 3, 4), normal(2, 4, 5)])
    add('matmul[float64]', lambda m, a, b: m.F.matmul(a, b),
        [normal(3, 4, dtype=f64), normal(4, 2, dtype=f64)])
    add('batch_matmul', lambda m, a, b: m.F.batch_matmul(a, b),
        [normal(2, 3, 4), normal(2, 4, 5)])
    add('batch_matmul[transb]',
        lambda m, a, b: m.F.batch_matmul(a, b, transb=True),
        [normal(2, 3, 4), normal(2, 5, 4)])

    # Reductions and index functions.
    add('sum', lambda m, x: m.F.sum(x), [normal(3, 4)])
    add('sum[axis=1_keepdims]', lambda m, x: m.F.sum(x, axis=1, keepdims=True),
        [normal(3, 4)])
    add('sum[axis=(0,2)]', lambda m, x: m.F.sum(x, axis=(0, 2)),
        [normal(2, 3, 4)])
    add('sum[float16]', lambda m, x: m.F.sum(x, axis=0),
        [normal(3, 4, dtype=f16)])
    add('mean', lambda m, x: m.F.mean(x), [normal(3, 4)])
    add('mean[axis=1]', lambda m, x: m.F.mean(x, axis=1), [normal(3, 4)])
    add('average', lambda m, x: m.F.average(x, axis=0), [normal(3, 4)])
    add('average[weights]',
        lambda m, x, w: m.F.average(x, axis=1, weights=w, keepdims=True),
        [normal(3, 4), uniform(0.5, 2, 4)])
    add('max', lambda m, x: m.F.max(x), [normal(3, 4)])
    add('max[axis=1]', lambda m, x: m.F.max(x, axis=1), [normal(3, 4)])
    add('max[axis=(0,2)_keepdims]',
        lambda m, x: m.F.max(x, axis=(0, 2), keepdims=True),
        [normal(2, 3, 4)])
    add('min', lambda m, x: m.F.min(x), [normal(3, 4)])
    add('min[axis=0]', lambda m, x: m.F.min(x, axis=0), [normal(3, 4)])
    add('argmax', lambda m, x: m.F.argmax(x), [normal(3, 4)], backward=False)
    add('argmax[axis=1]', lambda m, x: m.F.argmax(x, axis=1), [normal(3, 4)],
        backward=False)
    add('argmin', lambda m, x: m.F.argmin(x), [normal(3, 4)], backward=False)
    add('argmin[axis=0]', lambda m, x: m.F.argmin(x, axis=0), [normal(3, 4)],
        backward=False)
    add('accuracy', lambda m, y, t: m.F.accuracy(y, t),
        [normal(6, 3), ints(0, 3, 6)], backward=False)
    add('accuracy[ignore_label]',
        lambda m, y, t: m.F.accuracy(y, t, ignore_label=-1),
        [normal(6, 3), const([0, -1, 2, 1, -1, 0], i32)], backward=False)

    # Array manipulation.
    add('reshape', lambda m, x: m.F.reshape(x, (2, 6)), [normal(3, 4)])
    add('reshape[-1]', lambda m, x: m.F.reshape(x, (-1, 2)), [normal(3, 4)])
    add('broadcast_to', lambda m, x: m.F.broadcast_to(x, (2, 3, 4)),
        [normal(3, 1)])
    add('broadcast', lambda m, x, y: m.F.broadcast(x, y),
        [normal(3, 1), normal(1, 4)])
    add('cast', lambda m, x: m.F.cast(x, f64), [normal(3, 4)])
    add('cast[float64_to_float16]', lambda m, x: m.F.cast(x, f16),
        [normal(3, 4, dtype=f64)])
    add('concat', lambda m, x, y, z: m.F.concat((x, y, z)),
        [normal(2, 1), normal(2, 3), normal(2, 2)])
    add('concat[axis=0]', lambda m, x, y: m.F.concat((x, y), axis=0),
        [normal(1, 3), normal(2, 3)])
    add('hstack', lambda m, x, y: m.F.hstack((x, y)),
        [normal(2, 3), normal(2, 1)])
    add('hstack[1d]', lambda m, x, y: m.F.hstack((x, y)),
        [normal(3), normal(2)])
    add('vstack', lambda m, x, y: m.F.vstack((x, y)),
        [normal(2, 3), normal(1, 3)])
    add('vstack[1d]', lambda m, x, y: m.F.vstack((x, y)),
        [normal(3), normal(3)])
    add('stack', lambda m, x, y: m.F.stack((x, y)),
        [normal(2, 3), normal(2, 3)])
    add('stack[axis=2]', lambda m, x, y: m.F.stack((x, y), axis=2),
        [normal(2, 3), normal(2, 3)])
    add('separate', lambda m, x: m.F.separate(x), [normal(2, 3)])
    add('separate[axis=1]', lambda m, x: m.F.separate(x, axis=1),
        [normal(2, 3, 2)])
    add('split_axis', lambda m, x: m.F.split_axis(x, 2, axis=1),
        [normal(3, 4)])
    add('split_axis[indices]', lambda m, x: m.F.split_axis(x, [1, 3], axis=1),
        [normal(3, 5)])
    add('expand_dims', lambda m, x: m.F.expand_dims(x, 1), [normal(3, 4)])
    add('flatten', lambda m, x: m.F.flatten(x), [normal(2, 3, 2)])
    add('squeeze', lambda m, x: m.F.squeeze(x), [normal(3, 1, 4, 1)])
    add('squeeze[axis=1]', lambda m, x: m.F.squeeze(x, axis=1),
        [normal(3, 1, 4, 1)])
    add('swapaxes', lambda m, x: m.F.swapaxes(x, 0, 2), [normal(2, 3, 4)])
    add('transpose', lambda m, x: m.F.transpose(x), [normal(2, 3, 4)])
    add('transpose[axes]', lambda m, x: m.F.transpose(x, (1, 2, 0)),
        [normal(2, 3, 4)])
    add('get_item[slices]',
        lambda m, x: m.F.get_item(x, (slice(1, None), slice(None, None, 2))),
        [normal(3, 4)])
    add('get_item[int_array]', lambda m, x: m.F.get_item(x, [0, 2, 0]),
        [normal(3, 4)])
    add('get_item[ellipsis_newaxis]',
        lambda m, x: m.F.get_item(x, (Ellipsis, None, 1)), [normal(2, 3, 4)])
    add('get_item[int]', lambda m, x: m.F.get_item(x, 1), [normal(3, 4)])
    add('select_item', lambda m, x, t: m.F.select_item(x, t),
        [normal(4, 3), ints(0, 3, 4)])

    # Connection.
    add('linear', lambda m, x, W, b: m.F.linear(x, W, b),
        [normal(4, 3), normal(2, 3), normal(2)])
    add('linear[nobias]', lambda m, x, W: m.F.linear(x, W),
        [normal(4, 3), normal(2, 3)])
    add('linear[n_batch_axes=2]',
        lambda m, x, W, b: m.F.linear(x, W, b, n_batch_axes=2),
        [normal(2, 3, 4), normal(5, 4), normal(5)])
    add('linear[float64]', lambda m, x, W, b: m.F.linear(x, W, b),
        [normal(4, 3, dtype=f64), normal(2, 3, dtype=f64),
         normal(2, dtype=f64)])
    add('linear[float16]', lambda m, x, W, b: m.F.linear(x, W, b),
        [normal(4, 3, dtype=f16), normal(2, 3, dtype=f16),
         normal(2, dtype=f16)])
    add('embed_id', lambda m, x, W: m.F.embed_id(x, W),
        [ints(0, 5, 2, 3), normal(5, 4)])
    add('embed_id[ignore_label]',
        lambda m, x, W: m.F.embed_id(x, W, ignore_label=-1),
        [const([[0, -1, 4], [4, 2, -1]], i32), normal(5, 4)])
    conv = lambda **kw: (  # NOQA
        lambda m, x, W, *b: m.F.convolution_2d(x, W, *b, **kw))
    add('convolution_2d', conv(),
        [normal(2, 3, 5, 5), normal(4, 3, 3, 3), normal(4)])
    add('convolution_2d[stride=2_pad=1_nobias]', conv(stride=2, pad=1),
        [normal(2, 3, 5, 5), normal(4, 3, 3, 3)])
    add('convolution_2d[stride=(1,2)_pad=(2,0)]',
        conv(stride=(1, 2), pad=(2, 0)),
        [normal(2, 2, 4, 5), normal(3, 2, 3, 2), normal(3)])
    add('convolution_2d[dilate=2_pad=2]', conv(dilate=2, pad=2),
        [normal(2, 2, 5, 5), normal(3, 2, 3, 3), normal(3)])
    add('convolution_2d[groups=2]', conv(groups=2),
        [normal(2, 4, 4, 4), normal(6, 2, 3, 3), normal(6)])
    add('convolution_2d[cover_all]', conv(stride=2, cover_all=True),
        [normal(2, 2, 6, 6), normal(3, 2, 3, 3), normal(3)])
    add('convolution_2d[float64]', conv(pad=1),
        [normal(2, 2, 4, 4, dtype=f64), normal(3, 2, 3, 3, dtype=f64),
         normal(3, dtype=f64)])
    add('convolution_2d[float16]', conv(pad=1),
        [normal(2, 2, 4, 4, dtype=f16), normal(3, 2, 3, 3, dtype=f16),
         normal(3, dtype=f16)])
    deconv = lambda **kw: (  # NOQA
        lambda m, x, W, *b: m.F.deconvolution_2d(x, W, *b, **kw))
    add('deconvolution_2d', deconv(),
        [normal(2, 3, 3, 3), normal(3, 2, 3, 3), normal(2)])
    add('deconvolution_2d[stride=2_pad=1_nobias]', deconv(stride=2, pad=1),
        [normal(2, 3, 3, 3), normal(3, 2, 4, 4)])
    add('deconvolution_2d[outsize]',
        deconv(stride=2, pad=1, outsize=(6, 6)),
        [normal(2, 2, 3, 3), normal(2, 3, 3, 3), normal(3)])
    add('deconvolution_2d[dilate=2]', deconv(dilate=2),
        [normal(2, 2, 3, 3), normal(2, 2, 3, 3), normal(2)])
    add('deconvolution_2d[groups=2]', deconv(groups=2),
        [normal(2, 4, 3, 3), normal(4, 1, 3, 3), normal(2)])
    add('deconvolution_2d[float64]', deconv(stride=2),
        [normal(2, 2, 2, 2, dtype=f64), normal(2, 2, 3, 3, dtype=f64),
         normal(2, dtype=f64)])

    # Pooling.
    add('max_pooling_2d', lambda m, x: m.F.max_pooling_2d(x, 2),
        [normal(2, 2, 5, 5)])
    add('max_pooling_2d[ksize=3_stride=2_pad=1_no_cover_all]',
        lambda m, x: m.F.max_pooling_2d(x, 3, stride=2, pad=1,
                                        cover_all=False),
        [normal(2, 2, 6, 6)])
    add('max_pooling_2d[float64]', lambda m, x: m.F.max_pooling_2d(x, 2),
        [normal(2, 2, 4, 4, dtype=f64)])
    add('average_pooling_2d', lambda m, x: m.F.average_pooling_2d(x, 2),
        [normal(2, 2, 4, 4)])
    add('average_pooling_2d[ksize=3_stride=2_pad=1]',
        lambda m, x: m.F.average_pooling_2d(x, 3, stride=2, pad=1),
        [normal(2, 2, 5, 5)])

    # Normalization.
    add('batch_normalization',
        lambda m, x, g, b: m.F.batch_normalization(x, g, b),
        [normal(5, 3), uniform(0.5, 1.5, 3), normal(3)])
    add('batch_normalization[4d_running_stats]', _bn_with_running_stats,
        [normal(2, 3, 2, 2), uniform(0.5, 1.5, 3), normal(3), normal(3),
         uniform(0.5, 2, 3)], raw=(3, 4))
    add('batch_normalization[float64]',
        lambda m, x, g, b: m.F.batch_normalization(x, g, b, eps=1e-4),
        [normal(4, 2, dtype=f64), uniform(0.5, 1.5, 2, dtype=f64),
         normal(2, dtype=f64)])
    add('fixed_batch_normalization',
        lambda m, x, g, b, mean, var: m.F.fixed_batch_normalization(
            x, g, b, mean, var),
        [normal(4, 3), uniform(0.5, 1.5, 3), normal(3), normal(3),
         uniform(0.5, 2, 3)])
    add('fixed_batch_normalization[4d_eps]',
        lambda m, x, g, b, mean, var: m.F.fixed_batch_normalization(
            x, g, b, mean, var, eps=1e-3),
        [normal(2, 3, 2, 2), uniform(0.5, 1.5, 3), normal(3), normal(3),
         uniform(0.5, 2, 3)])

    # Noise, RNN.
    add('dropout[mask]', lambda m, x, mask: m.F.dropout(x, mask=mask),
        [normal(3, 4), dropout_mask(3, 4)], raw=(1,))
    add('dropout[mask_ratio=0.25]',
        lambda m, x, mask: m.F.dropout(x, 0.25, mask=mask),
        [normal(3, 4), dropout_mask(3, 4, ratio=0.25)], raw=(1,))
    add('dropout[test_mode]', lambda m, x: m.F.dropout(x), [normal(3, 4)],
        config={'train': False})
    add('lstm', lambda m, c, x: m.F.lstm(c, x),
        [normal(3, 4), normal(3, 16)])
    add('lstm[wider_c]', lambda m, c, x: m.F.lstm(c, x),
        [normal(3, 2, 2), normal(2, 8, 2)])

    # Losses.
    add('mean_squared_error', lambda m, x, y: m.F.mean_squared_error(x, y),
        [normal(3, 4), normal(3, 4)])
    add('sigmoid_cross_entropy',
        lambda m, x, t: m.F.sigmoid_cross_entropy(x, t),
        [normal(4, 3), const([[0, 1, -1], [1, 1, 0], [-1, 0, 1],
                              [0, 0, 1]], i32)])
    add('sigmoid_cross_entropy[no_normalize]',
        lambda m, x, t: m.F.sigmoid_cross_entropy(x, t, normalize=False),
        [normal(4, 3), const([[0, 1, -1], [1, 1, 0], [-1, 0, 1],
                              [0, 0, 1]], i32)])
    add('sigmoid_cross_entropy[reduce=no]',
        lambda m, x, t: m.F.sigmoid_cross_entropy(x, t, reduce='no'),
        [normal(4, 3), const([[0, 1, -1], [1, 1, 0], [-1, 0, 1],
                              [0, 0, 1]], i32)])
    sce = lambda **kw: (  # NOQA
        lambda m, x, t, *w: m.F.softmax_cross_entropy(
            x, t, class_weight=w[0] if w else None, **kw))
    add('softmax_cross_entropy', sce(), [normal(5, 4), ints(0, 4, 5)])
    add('softmax_cross_entropy[ignore_label]', sce(),
        [normal(5, 4), const([0, -1, 3, 1, -1], i32)])
    add('softmax_cross_entropy[ignore_label=2]', sce(ignore_label=2),
        [normal(5, 4), const([0, 2, 3, 1, 2], i32)])
    add('softmax_cross_entropy[no_normalize]', sce(normalize=False),
        [normal(5, 4), const([0, -1, 3, 1, -1], i32)])
    add('softmax_cross_entropy[reduce=no]', sce(reduce='no'),
        [normal(5, 4), const([0, -1, 3, 1, 2], i32)])
    add('softmax_cross_entropy[class_weight]', sce(),
        [normal(5, 4), const([0, -1, 3, 1, 3], i32),
         uniform(0.5, 2, 4)], raw=(2,))
    add('softmax_cross_entropy[class_weight_reduce=no]', sce(reduce='no'),
        [normal(5, 4), const([0, -1, 3, 1, 3], i32),
         uniform(0.5, 2, 4)], raw=(2,))
    add('softmax_cross_entropy[3d]', sce(),
        [normal(2, 3, 4), ints(0, 3, 2, 4)])
    add('softmax_cross_entropy[float64]', sce(),
        [normal(5, 4, dtype=f64), ints(0, 4, 5)])
    return cases


def _link_cases():
    def add(name, make, call, inputs, **kwargs):
        cases.append(Case('L.' + name, call, inputs, make=make, **kwargs))

    cases = []
    apply = lambda m, link, x: link(x)  # NOQA
    add('Linear', lambda m: m.L.Linear(3, 4), apply, [normal(2, 3)])
    add('Linear[lazy]', lambda m: m.L.Linear(None, 4), apply, [normal(2, 3)])
    add('Linear[nobias_out_only]', lambda m: m.L.Linear(4, nobias=True),
        apply, [normal(2, 3)])
    add('Convolution2D', lambda m: m.L.Convolution2D(2, 3, 3, pad=1), apply,
        [normal(2, 2, 4, 4)])
    add('Convolution2D[lazy_groups]',
        lambda m: m.L.Convolution2D(None, 4, 3, stride=2, groups=2), apply,
        [normal(2, 2, 5, 5)])
    add('Deconvolution2D',
        lambda m: m.L.Deconvolution2D(2, 3, 4, stride=2, pad=1), apply,
        [normal(2, 2, 3, 3)])
    add('Deconvolution2D[lazy]', lambda m: m.L.Deconvolution2D(None, 2, 3),
        apply, [normal(2, 3, 2, 2)])
    add('EmbedID', lambda m: m.L.EmbedID(5, 3), apply, [ints(0, 5, 2, 3)])
    add('EmbedID[ignore_label]',
        lambda m: m.L.EmbedID(5, 3, ignore_label=-1), apply,
        [const([[0, -1, 4], [4, 2, -1]], i32)])
    add('BatchNormalization[train]', lambda m: m.L.BatchNormalization(3),
        apply, [normal(4, 3)])
    add('BatchNormalization[train_4d]',
        lambda m: m.L.BatchNormalization(3, decay=0.5), apply,
        [normal(2, 3, 2, 2)])
    add('BatchNormalization[test]', _bn_link_test_mode, apply,
        [normal(4, 3)], config={'train': False})
    add('LSTM[two_steps]', lambda m: m.L.LSTM(3, 4), _lstm_two_steps,
        [normal(2, 3), normal(2, 3)])
    add('LSTM[lazy_two_steps]', lambda m: m.L.LSTM(None, 4), _lstm_two_steps,
        [normal(2, 3), normal(2, 3)])
    add('Classifier', lambda m: m.L.Classifier(m.L.Linear(3, 4)),
        _classifier, [normal(5, 3), ints(0, 4, 5)], grad_outputs=(0,))
    return cases


CASES = _function_cases() + _link_cases()
# Fixture keys are '<case name>/<what>/<index or name>'.
assert all('/' not in case.name for case in CASES)
assert len({case.name for case in CASES}) == len(CASES)


def case_seed(name):
    """A fixed seed per case, so that adding a case changes no other one."""
    return zlib.crc32(name.encode('utf-8'))


def _as_tuple(outputs):
    return tuple(outputs) if isinstance(outputs, (tuple, list)) else (
        outputs,)


def _array_of(value):
    return numpy.asarray(getattr(value, 'array', value))


def run_case(lib, case, inputs, make_grad_outputs):
    """Runs ``case`` on ``lib`` and returns what it computed, by key.

    Args:
        lib (Lib): the library under test.
        case (Case): the case.
        inputs (list of numpy.ndarray): the input arrays.
        make_grad_outputs: called with the list of outputs to backpropagate
            from (Variables); returns their gradients as arrays.

    Returns:
        dict: ``out/<i>`` (outputs), ``gout/<i>`` (output gradients),
        ``gin/<i>`` (input gradients that are not None), and for links
        ``param/<name>`` (parameters after the forward pass),
        ``grad_before/<name>`` (their gradients then, if not None),
        ``pgrad/<name>`` (their gradients after ``cleargrads()`` and the
        backward pass, if not None) and
        ``persist/<key>`` (the other serialized values, such as running
        statistics, after the forward pass).
    """
    chainer = lib.chainer
    args = []
    for i, x in enumerate(inputs):
        if x.dtype.kind == 'f' and i not in case.raw:
            x = chainer.Variable(x.copy())
        else:
            x = x.copy()
        args.append(x)

    link = None
    if case.make is not None:
        numpy.random.seed(0)
        link = case.make(lib)
    with contextlib.ExitStack() as stack:
        for key, value in sorted(case.config.items()):
            stack.enter_context(chainer.using_config(key, value))
        if link is None:
            outputs = _as_tuple(case.call(lib, *args))
        else:
            outputs = _as_tuple(case.call(lib, link, *args))

    result = {}
    for i, y in enumerate(outputs):
        result['out/%d' % i] = _array_of(y).copy()
    if link is not None:
        params = {name.lstrip('/'): p for name, p in link.namedparams()}
        for name, p in params.items():
            result['param/' + name] = _array_of(p).copy()
            # Chainer fills the gradient of a new parameter with NaN.
            if p.grad is not None:
                result['grad_before/' + name] = _array_of(p.grad).copy()
        state = chainer.serializers.DictionarySerializer()
        state.save(link)
        for key, value in state.target.items():
            if key not in params:
                result['persist/' + key] = numpy.asarray(value).copy()

    if case.backward:
        if case.grad_outputs is None:
            indexes = [i for i, y in enumerate(outputs)
                       if isinstance(y, chainer.Variable)
                       and y.dtype.kind == 'f']
        else:
            indexes = case.grad_outputs
        ys = [outputs[i] for i in indexes]
        if link is not None:
            link.cleargrads()
        gys = make_grad_outputs(ys)
        for i, gy in zip(indexes, gys):
            result['gout/%d' % i] = gy
        chainer.backward(ys, [chainer.Variable(gy.copy()) for gy in gys])
        for i, x in enumerate(args):
            if isinstance(x, chainer.Variable) and x.grad is not None:
                result['gin/%d' % i] = _array_of(x.grad).copy()
        if link is not None:
            for name, p in link.namedparams():
                if p.grad is not None:
                    result['pgrad/' + name.lstrip('/')] = (
                        _array_of(p.grad).copy())
    return result


# The interop model: Classifier(MLP), the first layer with a lazy input size.

def make_mlp(lib):
    """Builds ``Classifier(MLP)``; call right after ``numpy.random.seed``."""
    chainer, F, L = lib.chainer, lib.F, lib.L

    class MLP(chainer.Chain):
        def __init__(self):
            super(MLP, self).__init__()
            with self.init_scope():
                self.l1 = L.Linear(None, 5)
                self.l2 = L.Linear(5, 3)

        def forward(self, x):
            return self.l2(F.relu(self.l1(x)))

    return L.Classifier(MLP())


def mlp_data():
    rng = numpy.random.RandomState(1)
    x = rng.standard_normal((6, 4)).astype(f32)
    t = rng.randint(0, 3, 6).astype(i32)
    return x, t


def train_mlp(lib, steps=3):
    """Seeds, builds the MLP and runs ``steps`` Adam updates on fixed data."""
    x, t = mlp_data()
    numpy.random.seed(0)
    model = make_mlp(lib)
    optimizer = lib.chainer.optimizers.Adam(alpha=0.01)
    optimizer.setup(model)
    for _ in range(steps):
        optimizer.update(model, x, t)
    return model, optimizer


def mlp_probe(lib, model, optimizer):
    """What the interop tests compare: outputs now, params after one update.

    Runs one more update, so call it last.
    """
    x, t = mlp_data()
    probe = {'x': x, 't': t}
    with lib.chainer.using_config('train', False):
        probe['y'] = _array_of(model.predictor(x)).copy()
        probe['loss'] = _array_of(model(x, t)).copy()
    optimizer.update(model, x, t)
    probe['t_after_update'] = numpy.asarray(optimizer.t)
    for name, p in model.namedparams():
        probe['after_update' + name] = _array_of(p).copy()
    return probe


def _record_cases(lib):
    arrays = {}
    for case in CASES:
        rng = numpy.random.RandomState(case_seed(case.name))
        inputs = [gen(rng) for gen in case.inputs]

        def make_grad_outputs(ys):
            return [rng.standard_normal(y.shape).astype(y.dtype) for y in ys]

        result = run_case(lib, case, inputs, make_grad_outputs)
        for i, x in enumerate(inputs):
            arrays['%s/in/%d' % (case.name, i)] = x
        for key, value in result.items():
            arrays['%s/%s' % (case.name, key)] = value
    for key, value in arrays.items():
        assert value.dtype != object, key
    return arrays


def _save(filename, arrays):
    """Like ``numpy.savez_compressed``, but the same arrays give the same
    bytes (sorted members, fixed timestamps), so re-recording unchanged
    values leaves git clean."""
    path = os.path.join(FIXTURE_DIR, filename)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as npz:
        for key in sorted(arrays):
            info = zipfile.ZipInfo(
                key + '.npy', date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with npz.open(info, 'w') as f:
                numpy.lib.format.write_array(
                    f, numpy.asanyarray(arrays[key]), allow_pickle=False)


def main():
    import chainer
    import chainer.functions  # NOQA
    import chainer.links  # NOQA
    assert chainer.__version__ == '7.8.1', chainer.__version__
    lib = lib_of(chainer)
    os.makedirs(FIXTURE_DIR, exist_ok=True)

    arrays = _record_cases(lib)
    arrays['__meta__/versions'] = numpy.array(
        ['chainer ' + chainer.__version__, 'numpy ' + numpy.__version__,
         'python %d.%d' % sys.version_info[:2]])
    _save(CASES_FILE, arrays)

    model, optimizer = train_mlp(lib)
    chainer.serializers.save_npz(
        os.path.join(FIXTURE_DIR, MLP_MODEL_FILE), model)
    chainer.serializers.save_npz(
        os.path.join(FIXTURE_DIR, MLP_ADAM_FILE), optimizer)
    _save(MLP_EXPECTED_FILE, mlp_probe(lib, model, optimizer))

    total = sum(os.path.getsize(os.path.join(FIXTURE_DIR, f))
                for f in os.listdir(FIXTURE_DIR))
    print('%d cases recorded in %s (%d bytes in all)'
          % (len(CASES), FIXTURE_DIR, total))


if __name__ == '__main__':
    main()

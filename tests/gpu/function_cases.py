"""The table of F functions checked on CPU and GPU (tests/gpu).

One :class:`Case` per public function of ``chainer_lite/functions/*/_names.py``
(several for a few), each with small fixed-shape inputs built from a seeded
generator, so that the CPU run and the GPU run see the same numbers.
:func:`missing_names` lists the exported names that no case covers.
"""
import os
import re

import numpy

import chainer_lite.functions as F
from chainer_lite import utils

F16, F32, F64 = numpy.float16, numpy.float32, numpy.float64
ALL = (F16, F32, F64)
F32_64 = (F32, F64)


class Input(object):
    """One input of a case: how to build it and whether it is differentiated.

    Args:
        shape (tuple): The array's shape.
        low, high (float): Uniform range of the values.
        kind (str): ``'x'`` a differentiable float input of the case dtype
            (a Variable), ``'n'`` a non-differentiated float array of the
            case dtype, ``'i'`` an int32 array (``low <= v < high``), ``'b'``
            a bool array.
        build (callable): ``build(rng, dtype)`` returns the array (overrides
            shape and range).
    """

    def __init__(self, shape=(), low=-1.0, high=1.0, kind='x', build=None):
        self.shape = shape
        self.low = low
        self.high = high
        self.kind = kind
        self._build = build

    @property
    def differentiable(self):
        return self.kind == 'x'

    def build(self, rng, dtype):
        if self._build is not None:
            a = numpy.asarray(self._build(rng, dtype))
            return a.astype(dtype) if self.kind in 'xn' else a
        if self.kind == 'i':
            return rng.randint(self.low, self.high, self.shape).astype(
                numpy.int32)
        if self.kind == 'b':
            return rng.uniform(0, 1, self.shape) < 0.5
        values = rng.uniform(self.low, self.high, self.shape)
        return values.astype(dtype)


def X(*shape, low=-1.0, high=1.0):
    """A differentiable float input."""
    return Input(shape, low, high)


def N(*shape, low=-1.0, high=1.0):
    """A float input of the case dtype that is not differentiated."""
    return Input(shape, low, high, kind='n')


def Int(*shape, low=0, high=3):
    """An int32 input in ``[low, high)``."""
    return Input(shape, low, high, kind='i')


def Bool(*shape):
    """A bool input (True with probability 1/2)."""
    return Input(shape, kind='b')


def Built(build, kind='x'):
    """An input made by ``build(rng, dtype)``."""
    return Input(kind=kind, build=build)


def well_conditioned(*shape):
    # I + small noise: invertible, with a positive determinant.
    def build(rng, dtype):
        n = shape[-1]
        return numpy.eye(n) + rng.uniform(-0.3, 0.3, shape)
    return Built(build)


def positive_definite(n):
    def build(rng, dtype):
        m = rng.uniform(-1, 1, (n, n))
        return m @ m.T + n * numpy.eye(n)
    return Built(build)


def permutation(n):
    return Built(lambda rng, dtype: rng.permutation(n).astype(numpy.int32),
                 kind='i')


class Case(object):
    """One function, its inputs and what to check.

    Args:
        name (str): The name exported in ``F`` that the case covers.
        func (callable): Called with the inputs (Variables for ``'x'``
            inputs, arrays otherwise) and ``device=`` when ``device_arg``.
        inputs (list of Input): The inputs.
        id (str): Test id (default: ``name``); unique in the table.
        dtypes (tuple): Float dtypes the case runs with.
        backward, double (bool): Check gradients / second-order gradients.
        random (bool): The output is random: only shapes, dtypes, placement
            and finiteness are compared, never values.
        scipy (bool): The CPU side needs SciPy.
        train (bool): ``chainer.config.train`` during the call.
        tolerances (dict): ``{'forward'|'backward'|'double_backward':
            {'atol':..., 'rtol':...}}`` overriding TOLERANCES.
        fake_skip (str): Why the strict fake CuPy cannot run the case (the
            dry run skips it with this reason; a real GPU runs it).
        device_arg (bool): Pass ``device=`` (the chainer Device used).
    """

    def __init__(self, name, func, inputs, id=None, dtypes=(F32,),
                 backward=True, double=True, random=False, scipy=False,
                 train=True, tolerances=None, fake_skip=None,
                 device_arg=False):
        self.name = name
        self.func = func
        self.inputs = inputs
        self.id = id or name
        self.dtypes = dtypes
        self.backward = backward
        self.double = double and backward
        self.random = random
        self.scipy = scipy
        self.train = train
        self.tolerances = tolerances or {}
        self.fake_skip = fake_skip
        self.device_arg = device_arg

    def __repr__(self):
        return '<Case {}>'.format(self.id)


def _to_coo(a):
    # The sparse operand of sparse_matmul, built on a's device.
    return utils.to_coo(a)


def _n_step_args(n_dirs, n_mats, in_size=3, units=4, batches=(3, 2, 1)):
    """Inputs of an n_step_* RNN of one layer: hx, (cx), ws, bs, xs."""
    inputs = [X(n_dirs, batches[0], units)]
    for _ in range(n_dirs):
        for k in range(n_mats):
            inputs.append(X(units, in_size if k < n_mats // 2 else units))
        for k in range(n_mats):
            inputs.append(X(units))
    for b in batches:
        inputs.append(X(b, in_size))
    return inputs


def _n_step(func, n_dirs, n_mats, with_cell, **kwargs):
    # Unflattens (hx, [cx], W..., b..., x...) into the n_step_* arguments.
    def call(*args):
        args = list(args)
        states = [args.pop(0)]
        if with_cell:
            states.append(args.pop(0))
        ws, bs = [], []
        for _ in range(n_dirs):
            ws.append(args[:n_mats])
            bs.append(args[n_mats:2 * n_mats])
            args = args[2 * n_mats:]
        return func(1, 0.0, *states, ws, bs, args, **kwargs)
    return call


def _with_cell(inputs):
    return inputs[:1] + [X(*inputs[0].shape)] + inputs[1:]


def _sampler(device):
    # A deterministic negative sampler on the case's device.
    def sample(shape):
        samples = numpy.arange(numpy.prod(shape)).reshape(shape) % 5
        return device.send(samples.astype(numpy.int32))
    return sample


def _rois(n):
    # ROIs (4 coordinates each) inside a 6 x 6 image.
    def build(rng, dtype):
        lo = rng.uniform(0, 2, (n, 2))
        hi = lo + rng.uniform(2, 3.5, (n, 2))
        return numpy.concatenate([lo, hi], axis=1)
    return Built(build, kind='n')


def _rois_batched(n, batch=2):
    # ROIs (batch_index, x_min, y_min, x_max, y_max) in a 6 x 6 image.
    def build(rng, dtype):
        lo = rng.uniform(0, 2, (n, 2))
        hi = lo + rng.uniform(2, 3.5, (n, 2))
        index = rng.randint(0, batch, (n, 1))
        return numpy.concatenate([index, lo, hi], axis=1)
    return Built(build, kind='n')


CASES = [
    # ------------------------------------------------------------ activation
    Case('clipped_relu', lambda x: F.clipped_relu(x, 0.5), [X(3, 4)],
         dtypes=ALL),
    Case('relu6', F.relu6, [X(3, 4, low=-2, high=8)]),
    Case('crelu', F.crelu, [X(3, 4)]),
    Case('elu', F.elu, [X(3, 4)], dtypes=ALL),
    Case('hard_sigmoid', F.hard_sigmoid, [X(3, 4, low=-3, high=3)]),
    Case('leaky_relu', F.leaky_relu, [X(3, 4)], dtypes=ALL),
    Case('log_softmax', F.log_softmax, [X(3, 5)], dtypes=ALL),
    Case('maxout', lambda x: F.maxout(x, 2), [X(3, 6)]),
    Case('prelu', F.prelu, [X(3, 4), X(4)]),
    Case('relu', F.relu, [X(3, 4)], dtypes=ALL),
    Case('rrelu', F.rrelu, [X(3, 4)], train=False),
    Case('rrelu', F.rrelu, [X(3, 4)], id='rrelu-train', random=True),
    Case('selu', F.selu, [X(3, 4)]),
    Case('sigmoid', F.sigmoid, [X(3, 4)], dtypes=ALL),
    Case('softmax', F.softmax, [X(3, 5)], dtypes=ALL),
    Case('softplus', F.softplus, [X(3, 4)]),
    Case('swish', F.swish, [X(3, 4), X(4)]),
    Case('tanh', F.tanh, [X(3, 4)], dtypes=ALL),
    # ----------------------------------------------------------------- array
    Case('as_strided', lambda x: F.as_strided(x, (3, 3), (1, 2)), [X(12)],
         fake_skip='as_strided builds CuPy arrays on raw device memory'),
    Case('broadcast', F.broadcast, [X(3, 1), X(1, 4)]),
    Case('broadcast_to', lambda x: F.broadcast_to(x, (3, 4)), [X(3, 1)]),
    Case('cast', lambda x: F.cast(x, numpy.float64), [X(3, 4)],
         dtypes=(F16, F32)),
    Case('concat', lambda a, b: F.concat((a, b), axis=1),
         [X(2, 3), X(2, 4)], dtypes=ALL),
    Case('copy', lambda x, device: F.copy(x, device), [X(3, 4)],
         device_arg=True),
    Case('depth2space', lambda x: F.depth2space(x, 2), [X(1, 4, 2, 3)]),
    Case('diagonal', lambda x: F.diagonal(x, 1), [X(3, 4)]),
    Case('dstack', lambda a, b: F.dstack((a, b)), [X(2, 3), X(2, 3)]),
    Case('expand_dims', lambda x: F.expand_dims(x, 1), [X(3, 4)]),
    Case('flatten', F.flatten, [X(2, 3, 2)]),
    Case('flip', lambda x: F.flip(x, 1), [X(3, 4)]),
    Case('fliplr', F.fliplr, [X(3, 4)]),
    Case('flipud', F.flipud, [X(3, 4)]),
    Case('get_item', lambda x: F.get_item(x, (slice(None), [0, 2, 2])),
         [X(3, 4)], dtypes=ALL),
    Case('get_item', lambda x, i: F.get_item(x, i), [X(5, 2), Int(4, high=5)],
         id='get_item-array-index'),
    Case('hstack', lambda a, b: F.hstack((a, b)), [X(2, 3), X(2, 1)]),
    Case('im2col', lambda x: F.im2col(x, 2, pad=1), [X(1, 2, 4, 4)]),
    Case('moveaxis', lambda x: F.moveaxis(x, 0, 2), [X(2, 3, 4)]),
    Case('pad', lambda x: F.pad(x, ((0, 0), (1, 2)), 'constant'), [X(3, 4)]),
    Case('pad_sequence', lambda a, b: F.pad_sequence([a, b]),
         [X(3, 2), X(2, 2)]),
    Case('permutate', F.permutate, [X(4, 3), permutation(4)]),
    Case('repeat', lambda x: F.repeat(x, 2, axis=1), [X(3, 4)]),
    Case('reshape', lambda x: F.reshape(x, (2, 6)), [X(3, 4)], dtypes=ALL),
    Case('resize_images', lambda x: F.resize_images(x, (5, 6)),
         [X(1, 2, 3, 4)]),
    Case('rollaxis', lambda x: F.rollaxis(x, 2), [X(2, 3, 4)]),
    Case('scatter_add',
         lambda a, b: F.scatter_add(a, ([0, 0, 2], slice(None)), b),
         [X(3, 4), X(3, 4)]),
    Case('select_item', F.select_item, [X(3, 4), Int(3, high=4)]),
    Case('separate', F.separate, [X(3, 4)]),
    Case('space2depth', lambda x: F.space2depth(x, 2), [X(1, 1, 4, 6)]),
    Case('spatial_transformer_grid',
         lambda theta: F.spatial_transformer_grid(theta, (3, 4)),
         [X(2, 2, 3)]),
    Case('spatial_transformer_sampler', F.spatial_transformer_sampler,
         [X(2, 3, 4, 5), X(2, 2, 4, 5, low=-0.9, high=0.9)]),
    Case('split_axis', lambda x: F.split_axis(x, 3, 1), [X(3, 6)]),
    Case('squeeze', F.squeeze, [X(3, 1, 4)]),
    Case('stack', lambda a, b: F.stack((a, b), 1), [X(3, 4), X(3, 4)]),
    Case('swapaxes', lambda x: F.swapaxes(x, 0, 2), [X(2, 3, 4)]),
    Case('tile', lambda x: F.tile(x, (2, 1)), [X(3, 4)]),
    Case('transpose', F.transpose, [X(2, 3, 4)], dtypes=ALL),
    Case('transpose_sequence', lambda a, b, c: F.transpose_sequence(
        [a, b, c]), [X(3, 2), X(2, 2), X(1, 2)]),
    Case('vstack', lambda a, b: F.vstack((a, b)), [X(2, 3), X(1, 3)]),
    Case('where', F.where, [Bool(3, 4), X(3, 4), X(3, 4)]),
    # ------------------------------------------------------------ connection
    Case('bilinear', F.bilinear,
         [X(2, 3), X(2, 4), X(3, 4, 5), X(3, 5), X(4, 5), X(5)]),
    Case('convolution_2d', lambda x, W, b: F.convolution_2d(x, W, b, pad=1),
         [X(2, 3, 5, 5), X(4, 3, 3, 3), X(4)], dtypes=ALL,
         tolerances={'forward': {'atol': 5e-3, 'rtol': 5e-3}}),
    Case('convolution_2d', lambda x, W: F.convolution_2d(
        x, W, stride=2, dilate=2, groups=2), [X(2, 4, 7, 7), X(4, 2, 2, 2)],
        id='convolution_2d-groups'),
    Case('convolution_1d', F.convolution_1d, [X(2, 3, 6), X(4, 3, 3), X(4)]),
    Case('convolution_3d', F.convolution_3d,
         [X(1, 2, 4, 4, 4), X(3, 2, 2, 2, 2), X(3)]),
    Case('convolution_nd', lambda x, W, b: F.convolution_nd(x, W, b, pad=1),
         [X(2, 3, 5, 5), X(4, 3, 3, 3), X(4)]),
    Case('deconvolution_2d', lambda x, W, b: F.deconvolution_2d(
        x, W, b, stride=2), [X(2, 3, 3, 3), X(3, 4, 3, 3), X(4)]),
    Case('deconvolution_1d', F.deconvolution_1d,
         [X(2, 3, 4), X(3, 2, 3), X(2)]),
    Case('deconvolution_3d', F.deconvolution_3d,
         [X(1, 2, 3, 3, 3), X(2, 3, 2, 2, 2), X(3)]),
    Case('deconvolution_nd', lambda x, W: F.deconvolution_nd(x, W, pad=1),
         [X(2, 3, 3, 3), X(3, 4, 3, 3)]),
    Case('deformable_convolution_2d_sampler',
         lambda x, offset, W, b: F.deformable_convolution_2d_sampler(
             x, offset, W, b, pad=1),
         [X(2, 3, 4, 4), X(2, 18, 4, 4, low=-0.7, high=0.7), X(2, 3, 3, 3),
          X(2)]),
    Case('depthwise_convolution_2d', F.depthwise_convolution_2d,
         [X(2, 3, 5, 5), X(2, 3, 3, 3), X(6)]),
    Case('dilated_convolution_2d', lambda x, W, b: F.dilated_convolution_2d(
        x, W, b, dilate=2), [X(2, 3, 6, 6), X(4, 3, 2, 2), X(4)]),
    Case('embed_id', F.embed_id, [Int(4, high=5), X(5, 3)], dtypes=ALL),
    Case('embed_id', lambda x, W: F.embed_id(x, W, ignore_label=-1),
         [Int(6, low=-1, high=5), X(5, 3)], id='embed_id-ignore'),
    Case('linear', F.linear, [X(3, 4), X(5, 4), X(5)], dtypes=ALL),
    Case('local_convolution_2d', F.local_convolution_2d,
         [X(2, 3, 4, 4), X(2, 2, 2, 3, 3, 3), X(2, 2, 2)]),
    Case('shift', F.shift, [X(2, 9, 4, 4)]),
    # ------------------------------------------------------------ evaluation
    Case('accuracy', F.accuracy, [X(6, 4), Int(6, high=4)], backward=False),
    Case('binary_accuracy', F.binary_accuracy, [X(6, 3), Int(6, 3, high=2)],
         backward=False),
    Case('classification_summary', lambda y, t: F.classification_summary(
        y, t, label_num=4), [X(8, 4), Int(8, high=4)], backward=False),
    Case('f1_score', lambda y, t: F.f1_score(y, t, label_num=4),
         [X(8, 4), Int(8, high=4)], backward=False),
    Case('precision', lambda y, t: F.precision(y, t, label_num=4),
         [X(8, 4), Int(8, high=4)], backward=False),
    Case('recall', lambda y, t: F.recall(y, t, label_num=4),
         [X(8, 4), Int(8, high=4)], backward=False),
    Case('r2_score', F.r2_score, [X(6, 3), X(6, 3)], backward=False),
    # ------------------------------------------------------------------ loss
    Case('absolute_error', F.absolute_error, [X(3, 4), X(3, 4)]),
    Case('black_out', F.black_out,
         [X(3, 4), Int(3, high=6), X(6, 4), Int(3, 2, high=6)]),
    Case('contrastive', F.contrastive, [X(4, 3), X(4, 3), Int(4, high=2)]),
    Case('argmax_crf1d', lambda cost, a, b: F.argmax_crf1d(cost, [a, b]),
         [X(3, 3), X(2, 3), X(2, 3)], backward=False),
    Case('crf1d', lambda cost, a, b, ta, tb: F.crf1d(cost, [a, b], [ta, tb]),
         [X(3, 3), X(2, 3), X(2, 3), Int(2, high=3), Int(2, high=3)]),
    Case('cross_covariance', F.cross_covariance, [X(4, 3), X(4, 2)]),
    Case('connectionist_temporal_classification',
         lambda a, b, c, d, t: F.connectionist_temporal_classification(
             [a, b, c, d], t, 0),
         [X(2, 3), X(2, 3), X(2, 3), X(2, 3), Int(2, 2, low=1, high=3)],
         double=False),
    Case('decov', F.decov, [X(4, 3)]),
    Case('discriminative_margin_based_clustering_loss',
         lambda e, t: F.discriminative_margin_based_clustering_loss(
             e, t, 0.5, 1.5, 3),
         [X(2, 3, 4, 4), Int(2, 4, 4, high=3)]),
    Case('hinge', F.hinge, [X(4, 3), Int(4, high=3)]),
    Case('huber_loss', lambda x, t: F.huber_loss(x, t, 1.0),
         [X(4, 3, low=-2, high=2), X(4, 3)]),
    Case('mean_absolute_error', F.mean_absolute_error, [X(3, 4), X(3, 4)]),
    Case('mean_squared_error', F.mean_squared_error, [X(3, 4), X(3, 4)],
         dtypes=ALL),
    Case('negative_sampling', lambda x, t, W, device: F.negative_sampling(
        x, t, W, _sampler(device), 2), [X(3, 4), Int(3, high=5), X(5, 4)],
        device_arg=True),
    Case('sigmoid_cross_entropy', F.sigmoid_cross_entropy,
         [X(4, 3), Int(4, 3, high=2)], dtypes=ALL),
    Case('softmax_cross_entropy', F.softmax_cross_entropy,
         [X(4, 3), Int(4, high=3)], dtypes=ALL, double=False),
    Case('softmax_cross_entropy', lambda x, t: F.softmax_cross_entropy(
        x, t, enable_double_backprop=True), [X(4, 3), Int(4, high=3)],
        id='softmax_cross_entropy-double'),
    Case('squared_difference', F.squared_difference, [X(3, 4), X(3, 4)]),
    Case('squared_error', F.squared_error, [X(3, 4), X(3, 4)]),
    Case('triplet', F.triplet, [X(4, 3), X(4, 3), X(4, 3)]),
    Case('bernoulli_nll', F.bernoulli_nll, [X(4, 3, low=0, high=1), X(4, 3)]),
    Case('gaussian_kl_divergence', F.gaussian_kl_divergence,
         [X(4, 3), X(4, 3)]),
    Case('gaussian_nll', F.gaussian_nll, [X(4, 3), X(4, 3), X(4, 3)]),
    # ------------------------------------------------------------------ math
    Case('arctanh', F.arctanh, [X(3, 4, low=-0.9, high=0.9)]),
    Case('average', lambda x, w: F.average(x, axis=1, weights=w),
         [X(3, 4), X(4, low=0.5, high=1)]),
    Case('mean', lambda x: F.mean(x, axis=0), [X(3, 4)]),
    Case('absolute', F.absolute, [X(3, 4)], dtypes=ALL),
    Case('add', F.add, [X(3, 4), X(3, 4), X(3, 4)]),
    Case('batch_l2_norm_squared', F.batch_l2_norm_squared, [X(3, 2, 2)]),
    Case('bias', F.bias, [X(3, 4), X(4)]),
    Case('ceil', F.ceil, [X(3, 4, low=-3, high=3)], backward=False),
    Case('cholesky', F.cholesky, [positive_definite(3)], dtypes=F32_64),
    Case('clip', lambda x: F.clip(x, -0.5, 0.5), [X(3, 4)]),
    Case('cumprod', lambda x: F.cumprod(x, axis=1), [X(3, 4)]),
    Case('cumsum', lambda x: F.cumsum(x, axis=1), [X(3, 4)]),
    Case('batch_det', F.batch_det, [well_conditioned(2, 3, 3)],
         dtypes=F32_64),
    Case('det', F.det, [well_conditioned(3, 3)], dtypes=F32_64),
    Case('digamma', F.digamma, [X(3, 4, low=0.5, high=3)], scipy=True),
    Case('einsum', lambda a, b: F.einsum('ij,jk->ik', a, b),
         [X(3, 4), X(4, 2)]),
    Case('erf', F.erf, [X(3, 4)]),
    Case('erfc', F.erfc, [X(3, 4)]),
    Case('erfcinv', F.erfcinv, [X(3, 4, low=0.2, high=1.8)], scipy=True),
    Case('erfcx', F.erfcx, [X(3, 4)], scipy=True),
    Case('erfinv', F.erfinv, [X(3, 4, low=-0.9, high=0.9)], scipy=True),
    Case('exp', F.exp, [X(3, 4)], dtypes=ALL),
    Case('log', F.log, [X(3, 4, low=0.5, high=2)], dtypes=ALL),
    Case('log10', F.log10, [X(3, 4, low=0.5, high=2)]),
    Case('log2', F.log2, [X(3, 4, low=0.5, high=2)]),
    Case('expm1', F.expm1, [X(3, 4)]),
    Case('fft', lambda r, i: F.fft((r, i)), [X(3, 4), X(3, 4)],
         dtypes=F32_64),
    Case('ifft', lambda r, i: F.ifft((r, i)), [X(3, 4), X(3, 4)],
         dtypes=F32_64),
    Case('fix', F.fix, [X(3, 4, low=-3, high=3)], backward=False),
    Case('floor', F.floor, [X(3, 4, low=-3, high=3)], backward=False),
    Case('fmod', F.fmod, [X(3, 4, low=-3, high=3), X(3, 4, low=0.7,
                                                     high=1.3)]),
    Case('cosh', F.cosh, [X(3, 4)]),
    Case('sinh', F.sinh, [X(3, 4)]),
    Case('identity', F.identity, [X(3, 4), X(2)]),
    Case('batch_inv', F.batch_inv, [well_conditioned(2, 3, 3)],
         dtypes=F32_64),
    Case('inv', F.inv, [well_conditioned(3, 3)], dtypes=F32_64),
    Case('lgamma', F.lgamma, [X(3, 4, low=0.5, high=3)], scipy=True),
    Case('linear_interpolate', F.linear_interpolate,
         [X(3, 4, low=0, high=1), X(3, 4), X(3, 4)]),
    Case('log_ndtr', F.log_ndtr, [X(3, 4)], scipy=True),
    Case('log1p', F.log1p, [X(3, 4, low=-0.5, high=1)]),
    Case('logsumexp', lambda x: F.logsumexp(x, axis=1), [X(3, 4)],
         dtypes=ALL),
    Case('batch_matmul', F.batch_matmul, [X(2, 3, 4), X(2, 4, 5)]),
    Case('matmul', F.matmul, [X(3, 4), X(4, 5)], dtypes=ALL,
         tolerances={'forward': {'atol': 1e-2, 'rtol': 1e-2}}),
    Case('matmul', lambda a, b: F.matmul(a, b, transa=True, transb=True),
         [X(4, 3), X(5, 4)], id='matmul-trans'),
    Case('maximum', F.maximum, [X(3, 4), X(3, 4)]),
    Case('minimum', F.minimum, [X(3, 4), X(3, 4)]),
    Case('argmax', lambda x: F.argmax(x, axis=1), [X(3, 4)],
         backward=False),
    Case('argmin', lambda x: F.argmin(x, axis=1), [X(3, 4)],
         backward=False),
    Case('max', lambda x: F.max(x, axis=1), [X(3, 4)], dtypes=ALL),
    Case('min', lambda x: F.min(x, axis=1), [X(3, 4)]),
    Case('ndtr', F.ndtr, [X(3, 4)]),
    Case('ndtri', F.ndtri, [X(3, 4, low=0.1, high=0.9)], scipy=True),
    Case('polygamma', F.polygamma, [Int(3, 4, high=3), X(3, 4, low=0.5,
                                                         high=3)],
         scipy=True),
    Case('prod', lambda x: F.prod(x, axis=1), [X(3, 4)]),
    Case('scale', F.scale, [X(3, 4), X(4)]),
    Case('sign', F.sign, [X(3, 4)], backward=False),
    Case('sparse_matmul', lambda a, b: F.sparse_matmul(_to_coo(a), b),
         [N(3, 4), X(4, 2)]),
    Case('rsqrt', F.rsqrt, [X(3, 4, low=0.5, high=2)]),
    Case('sqrt', F.sqrt, [X(3, 4, low=0.5, high=2)], dtypes=ALL),
    Case('square', F.square, [X(3, 4)]),
    Case('sum', lambda x: F.sum(x, axis=1), [X(3, 4)], dtypes=ALL),
    Case('sum_to', lambda x: F.sum_to(x, (1, 4)), [X(3, 4)]),
    Case('tensordot', F.tensordot, [X(2, 3, 4), X(3, 4, 5)]),
    Case('arccos', F.arccos, [X(3, 4, low=-0.9, high=0.9)]),
    Case('arcsin', F.arcsin, [X(3, 4, low=-0.9, high=0.9)]),
    Case('arctan', F.arctan, [X(3, 4)]),
    Case('arctan2', F.arctan2, [X(3, 4), X(3, 4, low=0.5, high=1)]),
    Case('cos', F.cos, [X(3, 4)], dtypes=ALL),
    Case('sin', F.sin, [X(3, 4)]),
    Case('tan', F.tan, [X(3, 4)]),
    Case('zeta', F.zeta, [N(3, 4, low=2, high=4), X(3, 4, low=1, high=2)],
         scipy=True),
    # ----------------------------------------------------------------- noise
    Case('dropout', F.dropout, [X(3, 4)], random=True),
    Case('gaussian', F.gaussian, [X(3, 4), X(3, 4)], random=True),
    Case('gumbel_softmax', F.gumbel_softmax, [X(3, 4)], random=True),
    Case('simplified_dropconnect',
         lambda x, W, b, mask: F.simplified_dropconnect(x, W, b, mask=mask),
         [X(3, 4), X(2, 4), X(2), N(3, 2, 4, low=0, high=1.5)]),
    Case('zoneout', F.zoneout, [X(3, 4), X(3, 4)], random=True),
    # --------------------------------------------------------- normalization
    Case('batch_normalization', F.batch_normalization,
         [X(4, 3, 2, 2), X(3), X(3)], dtypes=ALL),
    Case('fixed_batch_normalization', F.fixed_batch_normalization,
         [X(4, 3), X(3), X(3), X(3), X(3, low=0.5, high=1.5)]),
    Case('batch_renormalization',
         lambda x, g, b, mean, var: F.batch_renormalization(
             x, g, b, 3.0, 5.0, running_mean=mean, running_var=var),
         [X(4, 3), X(3), X(3), N(3), N(3, low=0.5, high=1.5)]),
    Case('fixed_batch_renormalization', F.fixed_batch_renormalization,
         [X(4, 3), X(3), X(3), X(3), X(3, low=0.5, high=1.5)]),
    Case('decorrelated_batch_normalization',
         lambda x: F.decorrelated_batch_normalization(x, groups=2),
         [X(8, 4)], dtypes=F32_64, double=False),
    Case('fixed_decorrelated_batch_normalization',
         lambda x, m, p: F.fixed_decorrelated_batch_normalization(
             x, m, p, groups=2), [X(6, 4), X(2, 2), X(2, 2, 2)]),
    Case('group_normalization', lambda x, g, b: F.group_normalization(
        x, 2, g, b), [X(2, 4, 3), X(4), X(4)]),
    Case('normalize', F.normalize, [X(3, 4)]),
    Case('layer_normalization', F.layer_normalization,
         [X(3, 4), X(4), X(4)]),
    Case('local_response_normalization', F.local_response_normalization,
         [X(2, 7, 3, 3)]),
    # --------------------------------------------------------------- pooling
    Case('average_pooling_2d', lambda x: F.average_pooling_2d(x, 2),
         [X(2, 3, 4, 4)], dtypes=ALL),
    Case('average_pooling_1d', lambda x: F.average_pooling_1d(x, 2, pad=1),
         [X(2, 3, 5)]),
    Case('average_pooling_3d', lambda x: F.average_pooling_3d(x, 2),
         [X(1, 2, 4, 4, 4)]),
    Case('average_pooling_nd', lambda x: F.average_pooling_nd(
        x, 3, stride=2, pad=1), [X(2, 3, 5, 5)]),
    Case('max_pooling_1d', lambda x: F.max_pooling_1d(x, 2), [X(2, 3, 6)]),
    Case('max_pooling_2d', lambda x: F.max_pooling_2d(x, 3, stride=2, pad=1),
         [X(2, 3, 5, 5)], dtypes=ALL),
    Case('max_pooling_3d', lambda x: F.max_pooling_3d(x, 2),
         [X(1, 2, 4, 4, 4)]),
    Case('max_pooling_nd', lambda x: F.max_pooling_nd(x, 2),
         [X(2, 3, 4, 4)]),
    Case('roi_average_align_2d', lambda x, rois, idx: F.roi_average_align_2d(
        x, rois, idx, 2, 1.0, sampling_ratio=2),
        [X(2, 3, 6, 6), _rois(3), Int(3, high=2)],
         double=False),
    Case('roi_average_pooling_2d',
         lambda x, rois, idx: F.roi_average_pooling_2d(x, rois, idx, 2, 1.0),
         [X(2, 3, 6, 6), _rois(3), Int(3, high=2)],
         double=False),
    Case('roi_max_align_2d', lambda x, rois, idx: F.roi_max_align_2d(
        x, rois, idx, 2, 1.0, sampling_ratio=2),
        [X(2, 3, 6, 6), _rois(3), Int(3, high=2)],
         double=False),
    Case('roi_max_pooling_2d',
         lambda x, rois, idx: F.roi_max_pooling_2d(x, rois, idx, 2, 1.0),
         [X(2, 3, 6, 6), _rois(3), Int(3, high=2)],
         double=False),
    Case('roi_pooling_2d', lambda x, rois: F.roi_pooling_2d(
        x, rois, 2, 2, 1.0), [X(2, 3, 6, 6), _rois_batched(3)]),
    Case('spatial_pyramid_pooling_2d',
         lambda x: F.spatial_pyramid_pooling_2d(x, 2, pooling='max'),
         [X(2, 3, 8, 8)]),
    Case('unpooling_2d', lambda x: F.unpooling_2d(x, 2, cover_all=False),
         [X(2, 3, 2, 3)]),
    Case('unpooling_1d', lambda x: F.unpooling_1d(x, 2, cover_all=False),
         [X(2, 3, 3)]),
    Case('unpooling_3d', lambda x: F.unpooling_3d(x, 2, cover_all=False),
         [X(1, 2, 2, 2, 2)]),
    Case('unpooling_nd', lambda x: F.unpooling_nd(x, 2, cover_all=False),
         [X(2, 3, 2, 3)]),
    Case('upsampling_2d', lambda x, i: F.upsampling_2d(
        x, i, 2, outsize=(4, 4)), [X(2, 3, 2, 2), Int(2, 3, 2, 2, high=4)]),
    # ------------------------------------------------------------------- rnn
    Case('lstm', F.lstm, [X(3, 4), X(3, 16)], dtypes=ALL),
    Case('n_step_lstm', _n_step(F.n_step_lstm, 1, 8, True),
         _with_cell(_n_step_args(1, 8))),
    Case('n_step_bilstm', _n_step(F.n_step_bilstm, 2, 8, True),
         _with_cell(_n_step_args(2, 8))),
    Case('n_step_gru', _n_step(F.n_step_gru, 1, 6, False),
         _n_step_args(1, 6)),
    Case('n_step_bigru', _n_step(F.n_step_bigru, 2, 6, False),
         _n_step_args(2, 6)),
    Case('n_step_rnn', _n_step(F.n_step_rnn, 1, 2, False),
         _n_step_args(1, 2)),
    Case('n_step_birnn', _n_step(F.n_step_birnn, 2, 2, False,
                                 activation='relu'), _n_step_args(2, 2)),
    Case('slstm', F.slstm, [X(3, 4), X(3, 4), X(3, 16), X(3, 16)]),
    Case('tree_lstm', F.tree_lstm, [X(3, 4), X(3, 4), X(3, 20)]),
    # ------------------------------------------------------------------ util
    Case('forget', lambda x, W: F.forget(
        lambda a, b: F.tanh(F.linear(a, b)), x, W), [X(3, 4), X(5, 4)],
        double=False),
]


def exported_names():
    """The public names that ``chainer_lite/functions/*/_names.py`` export."""
    root = os.path.dirname(F.__file__)
    names = set()
    for category in sorted(os.listdir(root)):
        path = os.path.join(root, category, '_names.py')
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for module, name, alias in re.findall(
                    r'^from (\S+) import (\w+)(?: as (\w+))?', f.read(),
                    re.MULTILINE):
                names.add(alias or name)
    return names


def missing_names():
    """Exported F names without a case, sorted."""
    return sorted(exported_names() - {case.name for case in CASES})


def cases_with_dtypes(cases=None):
    """``(case, dtype)`` pairs, one per dtype of each case, with ids."""
    pairs = []
    for case in CASES if cases is None else cases:
        for dtype in case.dtypes:
            pairs.append((case, numpy.dtype(dtype)))
    return pairs


def pair_id(pair):
    case, dtype = pair
    return '{}-{}'.format(case.id, dtype.name)


"""chainer.utils helpers: array casting, shapes, sparse matrices and more."""
import os
import warnings

import numpy
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

from chainer_lite import utils
from chainer_lite.utils import cache
from chainer_lite.utils import imgproc
from chainer_lite.utils import precision

SETTINGS = settings(max_examples=20, deadline=None)
DTYPES = [None, numpy.float16, numpy.float32, numpy.float64]


@pytest.mark.parametrize('dtype', DTYPES)
@pytest.mark.parametrize('value', [
    numpy.float32(1), numpy.array(1, numpy.float32),
    numpy.array([1, 2], numpy.float32)])
def test_force_array(value, dtype):
    y = utils.force_array(value, dtype=dtype)
    assert isinstance(y, numpy.ndarray)
    assert y.dtype == (numpy.float32 if dtype is None else dtype)
    assert y.shape == numpy.shape(value)
    if dtype is None and isinstance(value, numpy.ndarray):
        assert y is value


def test_force_type():
    f32 = numpy.dtype(numpy.float32)
    assert type(utils.force_type(f32, numpy.int32(1))) is numpy.float32
    assert utils.force_type(f32, numpy.array([1])).dtype == f32
    x = numpy.array([1], numpy.float32)
    assert utils.force_type(f32, x) is x


@pytest.mark.parametrize('shape', [(), (0,), (2, 3), (5, 0, 7)])
def test_size_of_shape(shape):
    size = utils.size_of_shape(shape)
    assert type(size) is int and size == numpy.empty(shape).size


@st.composite
def sum_to_cases(draw):
    in_shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, max_side=3))
    ndim = draw(st.integers(0, len(in_shape)))
    kept = in_shape[len(in_shape) - ndim:]
    out_shape = tuple(d if draw(st.booleans()) else 1 for d in kept)
    return in_shape, out_shape


@SETTINGS
@given(sum_to_cases())
def test_sum_to_undoes_broadcast(case):
    in_shape, out_shape = case
    x = numpy.arange(numpy.prod(in_shape), dtype=numpy.float64).reshape(
        in_shape)
    y = utils.sum_to(x, out_shape)
    assert y.shape == out_shape
    # Summing g into y's shape is the adjoint of broadcasting: for every z,
    # <x, broadcast(z)> == <sum_to(x), z>.
    z = numpy.random.RandomState(0).uniform(size=out_shape)
    numpy.testing.assert_allclose(
        (x * numpy.broadcast_to(z, in_shape)).sum(), (y * z).sum())


def test_sum_to_same_shape_returns_input():
    x = numpy.ones((2, 3))
    assert utils.sum_to(x, (2, 3)) is x


def test_format_array_props():
    arrays = [numpy.zeros((2, 3), numpy.float32), None]
    assert utils._format_array_props(arrays) == '(2, 3):float32, None'


def test_sum_to_rejects_variables():
    from chainer_lite import variable
    with pytest.raises(TypeError, match='Use chainer.functions.sum_to'):
        utils.sum_to(variable.Variable(numpy.ones((2, 3))), (3,))


def test_check_arrays_forward_compatible():
    utils._check_arrays_forward_compatible(
        (numpy.zeros(1), None, numpy.zeros(2)), 'F')
    with pytest.raises(TypeError) as info:
        utils._check_arrays_forward_compatible((1.0,), 'ReLU')
    assert str(info.value) == (
        'incompatible array types are mixed in the forward input (ReLU).\n'
        "Actual: <class 'float'>")
    with pytest.raises(TypeError) as info:
        utils._check_arrays_forward_compatible((numpy.zeros(1), [1]))
    assert str(info.value) == (
        'incompatible array types are mixed in the forward input.\n'
        "Actual: <class 'numpy.ndarray'>, <class 'list'>")


def test_raise_from_keeps_cause_in_message():
    try:
        raise KeyError('k')
    except KeyError as e:
        with pytest.raises(RuntimeError) as info:
            utils._raise_from(RuntimeError, 'outer', e)
    assert str(info.value) == "outer\n\n(caused by)\nKeyError: 'k'\n"


def test_repr_with_named_data():
    class Hook(object):
        pass
    text = utils._repr_with_named_data(Hook(), name='h', priority=1)
    assert text.startswith('<') and text.endswith(' name=h priority=1>')
    assert 'Hook' in text


def test_tempdir_is_removed():
    with utils.tempdir() as path:
        assert os.path.isdir(path)
        open(os.path.join(path, 'f'), 'w').close()
    assert not os.path.exists(path)


def test_collections_abc():
    assert isinstance([], utils.collections_abc.Sequence)


def test_final_methods():
    class Base(utils.enable_final()):
        @utils.final
        def fixed(self):
            return 1

        @utils.final(action=DeprecationWarning)
        def soft(self):
            return 2

    assert Base.__mro__ == (Base, object)
    with pytest.raises(TypeError, match="method 'fixed' is final."):
        class Bad(Base):
            def fixed(self):
                return 3
    with pytest.warns(DeprecationWarning, match="Overriding method 'soft'"):
        class Soft(Base):
            def soft(self):
                return 4
    assert Soft().soft() == 4 and Soft().fixed() == 1


def test_nondeterministic_warns_only_when_asked():
    from chainer_lite import configuration
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        with configuration.using_config('warn_nondeterministic', False):
            utils.nondeterministic('atomicAdd')
        with configuration.using_config('warn_nondeterministic', True):
            utils.nondeterministic('atomicAdd')
    assert len(w) == 1 and 'Source: atomicAdd' in str(w[0].message)


@pytest.mark.parametrize('batch', [0, 1, 3])
@pytest.mark.parametrize('ldnz', [None, 20])
def test_to_coo_round_trip(batch, ldnz):
    rng = numpy.random.RandomState(batch)
    shape = (3, 4) if batch == 0 else (batch, 3, 4)
    x = rng.uniform(-1, 1, shape).astype(numpy.float32)
    x[rng.uniform(size=shape) < 0.5] = 0
    coo = utils.to_coo(x, ldnz=ldnz)
    assert coo.shape == (3, 4)
    assert coo.data.shape == coo.row.shape == coo.col.shape
    assert coo.row.dtype == coo.col.dtype == numpy.int32
    nnz = max(numpy.count_nonzero(m) for m in x.reshape(-1, 3, 4))
    assert coo.data.shape[-1] == (nnz if ldnz is None else max(nnz, ldnz))
    numpy.testing.assert_array_equal(coo.to_dense(), x)
    assert coo.order == 'C'


def test_coo_duplicates_are_summed():
    data = numpy.array([3., 0., 4., -5.], numpy.float32)
    row = numpy.array([0, 0, 1, 0])
    col = numpy.array([0, 1, 2, 0])
    dense = utils.CooMatrix(data, row, col, (2, 3)).to_dense()
    numpy.testing.assert_array_equal(dense, [[-2, 0, 0], [0, 0, 4]])


def test_coo_validation():
    a = numpy.zeros(2)
    with pytest.raises(ValueError, match='ndim of data must be 1 or 2.'):
        utils.CooMatrix(numpy.zeros((1, 1, 1)), a, a, (2, 2))
    with pytest.raises(ValueError, match='length of shape must be 2.'):
        utils.CooMatrix(a, a, a, (2,))
    with pytest.raises(ValueError, match='order must be'):
        utils.CooMatrix(a, a, a, (2, 2), order='X')


def test_get_order():
    assert utils.get_order(numpy.array([0, 0, 1]),
                           numpy.array([0, 1, 1])) == 'C'
    assert utils.get_order(numpy.array([0, 1, 0]),
                           numpy.array([0, 1, 2])) == 'F'
    assert utils.get_order(numpy.array([0, 2, 4, 1, 3]),
                           numpy.array([1, 3, 0, 2, 4])) == 'other'
    with pytest.raises(ValueError):
        utils.get_order(numpy.array([0, 1]), numpy.array([0, 1, 2]))
    with pytest.raises(ValueError):
        utils.get_order(numpy.array([0, -1]), numpy.array([-1, 1]))


def test_oversample():
    img = numpy.arange(2 * 4 * 5, dtype=numpy.float32).reshape(2, 4, 5)
    crops = imgproc.oversample([img, img + 1], (2, 3))
    assert crops.shape == (20, 2, 2, 3)
    numpy.testing.assert_array_equal(crops[0], img[:, :2, :3])
    numpy.testing.assert_array_equal(crops[3], img[:, 2:, 2:])
    numpy.testing.assert_array_equal(crops[4], img[:, 1:3, 1:4])
    numpy.testing.assert_array_equal(crops[5:10], crops[0:5, :, :, ::-1])
    numpy.testing.assert_array_equal(crops[10], img[:, :2, :3] + 1)


def test_cached_property_per_backprop_mode():
    from chainer_lite import configuration

    class Holder(object):
        calls = 0

        @cache.cached_property
        def value(self):
            self.calls += 1
            return object()

    h = Holder()
    first = h.value
    assert h.value is first and h.calls == 1
    with configuration.using_config('enable_backprop', False):
        other = h.value
    assert other is not first and h.calls == 2
    assert h.value is first
    assert Holder.value.__name__ == 'value'
    with pytest.raises(AttributeError, match='readonly'):
        h.value = 1


def test_fp16_mixed_precision_helper():
    class Node(object):
        @precision._fp16_mixed_precision_helper
        def forward(self, inputs):
            self.seen = inputs
            return inputs

    node = Node()
    half = numpy.zeros(2, numpy.float16)
    ints = numpy.zeros(2, numpy.int8)
    out = node.forward((half, ints))
    assert node.seen[0].dtype == numpy.float32 and node.seen[1] is ints
    assert out[0].dtype == numpy.float16 and out[1] is ints
    single = numpy.zeros(2, numpy.float32)
    out = node.forward((half, single))
    assert out[0].dtype == numpy.float32


def test_experimental_warns():
    import chainer_lite
    saved = getattr(chainer_lite, 'disable_experimental_feature_warning',
                    False)
    try:
        chainer_lite.disable_experimental_feature_warning = False
        with pytest.warns(FutureWarning, match='^C.f is experimental. The'):
            utils.experimental('C.f')
        chainer_lite.disable_experimental_feature_warning = True
        with warnings.catch_warnings():
            warnings.simplefilter('error')
            utils.experimental('C.f')
    finally:
        chainer_lite.disable_experimental_feature_warning = saved


@SETTINGS
@given(st.lists(st.integers(0, 5), min_size=1, max_size=6).filter(any))
def test_walker_alias_frequencies(weights):
    numpy.random.seed(0)
    sampler = utils.WalkerAlias(weights)
    assert not sampler.use_gpu
    samples = sampler.sample((20000,))
    assert samples.dtype == numpy.int32 and samples.shape == (20000,)
    freq = numpy.bincount(samples, minlength=len(weights)) / 20000.
    expected = numpy.asarray(weights, float) / sum(weights)
    numpy.testing.assert_allclose(freq, expected, atol=0.02)
    assert not freq[expected == 0].any()

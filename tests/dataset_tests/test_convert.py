import pickle

import hypothesis
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
import numpy
import pytest

from chainer_lite import backend
from chainer_lite import dataset
from chainer_lite.dataset import convert


_dtypes = st.sampled_from([numpy.float32, numpy.float64, numpy.int32,
                           numpy.int64, numpy.uint8])


@st.composite
def _ragged_arrays(draw, n_min=1, n_max=5):
    # A list of arrays with the same ndim and dtype but random shapes.
    dtype = draw(_dtypes)
    ndim = draw(st.integers(0, 3))
    n = draw(st.integers(n_min, n_max))
    return [draw(hnp.arrays(dtype, hnp.array_shapes(
        min_dims=ndim, max_dims=ndim, min_side=0, max_side=4)))
        for _ in range(n)]


def _padded_reference(arrays, padding):
    shape = tuple(max(a.shape[d] for a in arrays)
                  for d in range(arrays[0].ndim))
    out = numpy.full((len(arrays),) + shape, padding, dtype=arrays[0].dtype)
    for i, a in enumerate(arrays):
        out[(i,) + tuple(slice(0, s) for s in a.shape)] = a
    return out


@hypothesis.given(_ragged_arrays(), st.integers(0, 3))
def test_concat_arrays_with_padding(arrays, padding):
    result = dataset.concat_examples(arrays, padding=padding)
    expected = _padded_reference(arrays, padding)
    assert result.dtype == arrays[0].dtype
    numpy.testing.assert_array_equal(result, expected)


@hypothesis.given(st.integers(1, 4), st.integers(0, 3), st.integers(0, 3))
def test_concat_arrays_same_shape(n, rows, cols):
    arrays = [numpy.random.rand(rows, cols).astype(numpy.float32)
              for _ in range(n)]
    result = dataset.concat_examples(arrays)
    numpy.testing.assert_array_equal(result, numpy.stack(arrays))


@hypothesis.given(_ragged_arrays(), _ragged_arrays(), st.data())
def test_concat_tuples_and_dicts_with_padding(xs, ys, data):
    n = min(len(xs), len(ys))
    xs, ys = xs[:n], ys[:n]
    pad_x = data.draw(st.integers(0, 2))
    pad_y = data.draw(st.integers(0, 2))

    tuples = list(zip(xs, ys))
    out = dataset.concat_examples(tuples, padding=(pad_x, pad_y))
    assert isinstance(out, tuple) and len(out) == 2
    numpy.testing.assert_array_equal(out[0], _padded_reference(xs, pad_x))
    numpy.testing.assert_array_equal(out[1], _padded_reference(ys, pad_y))

    dicts = [{'x': x, 'y': y} for x, y in zip(xs, ys)]
    out = dataset.concat_examples(dicts, padding={'x': pad_x, 'y': pad_y})
    assert sorted(out) == ['x', 'y']
    numpy.testing.assert_array_equal(out['x'], _padded_reference(xs, pad_x))
    numpy.testing.assert_array_equal(out['y'], _padded_reference(ys, pad_y))

    # A scalar padding applies to every position.
    out = dataset.concat_examples(tuples, padding=pad_x)
    numpy.testing.assert_array_equal(out[1], _padded_reference(ys, pad_x))


def test_concat_builtin_values():
    x, y = dataset.concat_examples([([1, 2], 1), ([3, 4], 2)])
    numpy.testing.assert_array_equal(x, [[1, 2], [3, 4]])
    numpy.testing.assert_array_equal(y, [1, 2])
    assert y.dtype == numpy.array(1).dtype
    floats = dataset.concat_examples([1.0, 2.0])
    assert floats.dtype == numpy.float64


def test_concat_shape_mismatch_without_padding():
    with pytest.raises(ValueError):
        dataset.concat_examples([numpy.zeros(2), numpy.zeros(3)])


def test_concat_empty_batch():
    with pytest.raises(ValueError, match='batch is empty'):
        dataset.concat_examples([])


@pytest.mark.parametrize('device', [None, -1, '@numpy',
                                    backend.CpuDevice()])
def test_concat_to_cpu_devices(device):
    out = dataset.concat_examples([numpy.zeros(2), numpy.ones(2)], device)
    assert isinstance(out, numpy.ndarray)
    numpy.testing.assert_array_equal(out, [[0, 0], [1, 1]])
    out = dataset.concat_examples([numpy.zeros(2)], device=device)
    assert out.shape == (1, 2)


def test_concat_examples_pickles():
    converter = pickle.loads(pickle.dumps(dataset.concat_examples))
    out = converter([numpy.zeros(2), numpy.ones(2)], None)
    numpy.testing.assert_array_equal(out, [[0, 0], [1, 1]])


def test_to_device():
    x = numpy.arange(3)
    assert dataset.to_device(None, x) is x
    assert dataset.to_device(-1, x) is x
    assert dataset.to_device('@numpy', x) is x


def test_converter_decorator_normalizes_device():
    received = []

    @dataset.converter()
    def conv(batch, device):
        received.append(device)
        return batch

    assert isinstance(conv, dataset.Converter)
    assert conv([1], -1) == [1]
    assert conv([1], device='@numpy') == [1]
    assert conv([1], None) == [1]
    assert received == [backend.CpuDevice(), backend.CpuDevice(), None]


def test_converter_decorator_rejects_non_callable():
    with pytest.raises(TypeError, match='Can only wrap a callable'):
        dataset.converter()(3)


def test_converter_base_is_abstract():
    with pytest.raises(NotImplementedError):
        dataset.Converter()([], None)


def test_call_converter_old_and_new_style():
    calls = []

    def old_style(batch, device):
        calls.append(device)
        return batch

    convert._call_converter(old_style, [1], backend.CpuDevice())
    convert._call_converter(old_style, [1], None)
    assert calls == [-1, None]

    new_style = dataset.converter()(lambda batch, device: device)
    assert convert._call_converter(
        new_style, [1], backend.CpuDevice()) == backend.CpuDevice()


@pytest.mark.parametrize('padding', [None, 0])
def test_concat_with_async_transfer_on_cpu(padding):
    conv = dataset.ConcatWithAsyncTransfer()
    arrays = [numpy.random.rand(2, 3) for _ in range(4)]
    numpy.testing.assert_array_equal(
        conv(arrays, padding=padding), numpy.stack(arrays))
    tuples = [(a, a * 2) for a in arrays]
    x, y = conv(tuples, padding=padding)
    numpy.testing.assert_array_equal(x, numpy.stack(arrays))
    numpy.testing.assert_array_equal(y, numpy.stack(arrays) * 2)
    dicts = [{'a': a} for a in arrays]
    out = conv(dicts, padding=padding)
    numpy.testing.assert_array_equal(out['a'], numpy.stack(arrays))


def test_concat_with_async_transfer_device_is_fixed():
    conv = dataset.ConcatWithAsyncTransfer()
    tuples = [(numpy.zeros(2), numpy.ones(1))]
    conv(tuples, -1)
    conv(tuples, -1)
    with pytest.raises(ValueError, match='device is different'):
        conv(tuples, None)
    with pytest.raises(ValueError, match='batch is empty'):
        conv([], -1)


def test_concat_with_async_transfer_pads_ragged_tuples():
    conv = dataset.ConcatWithAsyncTransfer()
    x, = conv([(numpy.array([1, 2]),), (numpy.array([3]),)], padding=-1)
    numpy.testing.assert_array_equal(x, [[1, 2], [3, -1]])

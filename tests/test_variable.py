"""Variable and Parameter: construction, gradients, reprs, copies, errors."""
import copy
import pickle
import warnings

import numpy as np
import pytest

import chainer_lite as chainer
from chainer_lite import Variable


@pytest.mark.parametrize('bad', [5.0, [1.0, 2.0], np.float32(1), 3, None.__class__])
def test_variable_rejects_non_arrays_with_blog_message(bad):
    with pytest.raises(TypeError) as e:
        Variable(bad)
    assert str(e.value) == (
        'numpy.ndarray or cuda.ndarray are expected.\n'
        'Actual: {}'.format(type(bad)))


def test_uninitialized_variable():
    v = Variable()
    assert v.array is None and v.data is None
    with pytest.raises(AttributeError):
        v.shape


def test_array_and_data_are_one_property():
    a = np.arange(3.0)
    v = Variable(a)
    assert v.data is a and v.array is a
    b = np.zeros((2, 2), np.float32)
    v.data = b
    assert v.array is b
    assert v.node.shape == (2, 2) and v.node.dtype == np.float32
    assert (v.shape, v.ndim, v.size, v.dtype) == ((2, 2), 2, 4, np.float32)
    assert len(v) == 2


def test_keyword_errors():
    with pytest.raises(TypeError) as e:
        Variable(np.zeros(1), foo=1)
    assert "unexpected keyword argument(s) 'foo'" in str(e.value)
    with pytest.raises(ValueError) as e:
        Variable(np.zeros(1), volatile=True)
    assert 'volatile argument is not supported anymore' in str(e.value)


def test_repr_and_str():
    v = Variable(np.array([0., 1., 2.]), name='x')
    assert repr(v) == 'variable x([0., 1., 2.])'
    assert str(Variable(np.array([0., 1., 2.]))) == 'variable([0. 1. 2.])'
    assert repr(Variable()) == 'variable(None)'
    assert repr(Variable(np.zeros((0, 3)))) == 'variable([], shape=(0, 3))'


@pytest.mark.parametrize('op', ['==', '!=', '<', '<=', '>', '>='])
def test_comparisons_raise(op):
    a = Variable(np.zeros(1))
    with pytest.raises(TypeError) as e:
        eval('a {} a'.format(op))
    assert str(e.value) == (
        'Variables do not support {} operator. You could use `array` '
        'attribute instead.'.format(op))


def test_bool_and_hash_raise():
    v = Variable(np.zeros(1))
    with pytest.raises(TypeError):
        bool(v)
    with pytest.raises(TypeError):
        hash(v)


def test_grad_setter_checks():
    v = Variable(np.zeros(3, np.float32))
    with pytest.raises(TypeError) as e:
        v.grad = [1, 2, 3]
    assert 'Type of grad is invalid' in str(e.value)
    with pytest.raises(TypeError) as e:
        v.grad = np.zeros(3, np.float64)
    assert str(e.value) == ('Dtype of data and grad mismatch\n'
                            'grad: float64 != data: float32')
    with pytest.raises(ValueError) as e:
        v.grad = np.zeros(2, np.float32)
    assert str(e.value) == ('Shape of data and grad mismatch\n'
                            'grad: (2,) != data: (3,)')
    g = np.ones(3, np.float32)
    v.grad = g
    assert v.grad is g
    assert v.grad_var.array is g


def test_cleargrad_and_zerograd():
    v = Variable(np.ones(2))
    v.grad = np.ones(2)
    v.cleargrad()
    assert v.grad is None
    with pytest.warns(DeprecationWarning):
        v.zerograd()
    np.testing.assert_array_equal(v.grad, np.zeros(2))


def test_copy_shares_array_but_not_node():
    x = Variable(np.ones(2))
    y = x * 2
    c = copy.copy(y)
    assert c.array is y.array
    assert c.creator is None and y.creator is not None
    d = copy.deepcopy(y)
    assert d.array is not y.array
    np.testing.assert_array_equal(d.array, y.array)


def test_pickle_roundtrip_drops_creator():
    x = Variable(np.arange(3.0), name='x')
    x.grad = np.ones(3)
    y = pickle.loads(pickle.dumps(x))
    assert y.name == 'x'
    np.testing.assert_array_equal(y.array, x.array)
    np.testing.assert_array_equal(y.grad, x.grad)
    z = pickle.loads(pickle.dumps(x * 2))
    assert z.creator is None


def test_as_variable_and_as_array():
    a = np.zeros(2)
    v = chainer.as_variable(a)
    assert v.array is a and not v.requires_grad
    assert chainer.as_variable(v) is v
    assert chainer.as_array(v) is a
    assert chainer.as_array(a) is a


def test_one_element_backward_warns_not_prints(capsys):
    x = Variable(np.array([3.0]))
    y = x * x
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        y.backward()
    assert any(issubclass(i.category, DeprecationWarning) for i in w)
    assert capsys.readouterr().out == ''
    np.testing.assert_array_equal(x.grad, [6.0])


def test_backward_many_elements_without_grad_fails_in_function():
    x = Variable(np.arange(3.0))
    y = x * 2
    with pytest.raises(TypeError):
        y.backward()
    assert x.grad is None


def test_reshape_transpose_T():
    x = Variable(np.arange(6.0))
    assert x.reshape(2, 3).shape == (2, 3)
    assert x.reshape((3, 2)).shape == (3, 2)
    m = x.reshape(2, 3)
    assert m.T.shape == (3, 2)
    assert m.transpose(1, 0).shape == (3, 2)
    y = chainer.functions.sum(m.T * 2)
    y.backward()
    np.testing.assert_array_equal(x.grad, np.full(6, 2.0))


def test_getitem_backward_accumulates_repeated_indices():
    x = Variable(np.arange(4.0))
    y = chainer.functions.sum(x[np.array([0, 0, 3])])
    y.backward()
    np.testing.assert_array_equal(x.grad, [2., 0., 0., 1.])


def test_assigning_data_updates_retained_node_data():
    x = Variable(np.ones((3, 2), np.float32))
    chainer.functions.log(x)  # Log retains its input for backward
    new = np.ones((2, 4), np.float64)
    x.data = new
    assert x.node.shape == (2, 4) and x.node.dtype == np.float64
    assert x.node.data is new

"""The remembered type checks (``type_check._inputs_only``) and the lazily
made nodes of outputs computed without backprop."""
import dis
import importlib
import pkgutil
import types

import numpy
import pytest

import chainer_lite
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _import_all():
    for info in pkgutil.walk_packages(chainer_lite.__path__, 'chainer_lite.'):
        if '__main__' in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:  # optional dependencies (e.g. h5py)
            pass


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _reads_first_argument(func):
    """Whether ``func`` uses its first argument (``self``) in any way."""
    code = func.__code__
    first = code.co_varnames[0]
    if 'super' in code.co_names or '__class__' in code.co_freevars:
        return True  # zero-argument super() reads self implicitly

    def walk(c):
        if first in c.co_freevars or first in c.co_cellvars:
            return True
        for ins in dis.get_instructions(c):
            value = ins.argval
            if value == first or (
                    isinstance(value, tuple) and first in value):
                return True
        return any(walk(k) for k in c.co_consts
                   if isinstance(k, types.CodeType))
    return walk(code)


def _marked_checks():
    _import_all()
    found = {}
    for cls in _subclasses(function_node.FunctionNode):
        check = cls.__dict__.get('check_type_forward')
        if cls.__module__.startswith('chainer_lite.') and \
                hasattr(check, '_passed_signatures'):
            found[cls.__module__ + '.' + cls.__qualname__] = check
    return found


def test_marked_checks_do_not_read_self():
    marked = _marked_checks()
    assert len(marked) > 50  # the mark is in use across the functions
    offenders = sorted(name for name, check in marked.items()
                       if _reads_first_argument(check))
    assert offenders == []


def test_detector_sees_self():
    class ReadsSelf(function_node.FunctionNode):
        def check_type_forward(self, in_types):
            type_check.expect(in_types[0].ndim == self.ndim)

    class UsesSuper(ReadsSelf):
        def check_type_forward(self, in_types):
            super().check_type_forward(in_types)

    class InComprehension(function_node.FunctionNode):
        def check_type_forward(self, in_types):
            type_check.expect(*[t.ndim == self.n for t in in_types])

    class Pure(function_node.FunctionNode):
        def check_type_forward(self, in_types):
            type_check.expect(in_types[0].ndim == 1)

    assert _reads_first_argument(ReadsSelf.check_type_forward)
    assert _reads_first_argument(UsesSuper.check_type_forward)
    assert _reads_first_argument(InComprehension.check_type_forward)
    assert not _reads_first_argument(Pure.check_type_forward)


_check_calls = []


class _Counting(function_node.FunctionNode):

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        _check_calls.append(1)
        type_check._argname(in_types, ('x',))
        x_type, = in_types
        type_check.expect(x_type.dtype.kind == 'f', x_type.ndim == 2)

    def forward(self, inputs):
        return inputs[0] * 2,


@pytest.fixture
def counting():
    del _check_calls[:]
    _Counting.check_type_forward._passed_signatures.clear()
    return _Counting


@pytest.mark.parametrize('backprop', [True, False])
def test_passing_signature_is_checked_once(counting, backprop):
    with chainer_lite.using_config('enable_backprop', backprop):
        for _ in range(3):
            counting().apply((numpy.zeros((2, 3), numpy.float32),))
        assert len(_check_calls) == 1
        counting().apply((numpy.zeros((2, 4), numpy.float32),))
        counting().apply((numpy.zeros((2, 3), numpy.float64),))
        assert len(_check_calls) == 3


def test_failures_are_never_remembered(counting):
    bad = numpy.zeros((2, 3, 4), numpy.float32)
    for _ in range(2):
        with pytest.raises(type_check.InvalidType) as e:
            counting().apply((bad,))
        assert 'Expect: x.ndim == 2' in str(e.value)
        assert 'Actual: 3 != 2' in str(e.value)
    # light run + full run, each time
    assert len(_check_calls) == 4
    assert len(counting.check_type_forward._passed_signatures) == 0


def test_bad_input_after_a_pass_still_fails(counting):
    counting().apply((numpy.zeros((2, 3), numpy.float32),))
    with pytest.raises(type_check.InvalidType):
        counting().apply((numpy.zeros((2, 3), numpy.int32),))


def test_disabled_type_check_skips_cache(counting):
    with chainer_lite.using_config('type_check', False):
        counting().apply((numpy.zeros((2, 3, 4), numpy.float32),))
    assert len(_check_calls) == 0
    assert len(counting.check_type_forward._passed_signatures) == 0


def test_cache_is_bounded(counting):
    limit = type_check._MAX_CACHED_SIGNATURES
    for n in range(1, limit + 10):
        counting().apply((numpy.zeros((1, n), numpy.float32),))
    assert len(counting.check_type_forward._passed_signatures) <= limit


def test_none_input_has_no_signature():
    class NoneOk(function_node.FunctionNode):
        @type_check._inputs_only
        def check_type_forward(self, in_types):
            type_check.expect(in_types.size() == 2)

        def forward(self, inputs):
            return inputs[0] + 1,

    for _ in range(2):
        y, = NoneOk().apply((numpy.zeros(2, numpy.float32), None))
        numpy.testing.assert_array_equal(y.array, numpy.ones(2))
    assert len(NoneOk.check_type_forward._passed_signatures) == 0


def test_subclass_overriding_an_inputs_only_check_is_not_cached():
    class Base(function_node.FunctionNode):
        @type_check._inputs_only
        def check_type_forward(self, in_types):
            pass

        def forward(self, inputs):
            return inputs

    class Child(Base):
        limit = 3

        def check_type_forward(self, in_types):
            type_check.expect(in_types[0].shape[0] < self.limit)

    x = numpy.zeros(2, numpy.float32)
    Child().apply((x,))
    child = Child()
    child.limit = 2
    with pytest.raises(type_check.InvalidType):
        child.apply((x,))


# ------------------------------------------------- nodes made on demand ---

def test_output_node_is_made_on_first_use():
    x = chainer_lite.Variable(numpy.array([1., -2.], numpy.float32))
    with chainer_lite.no_backprop_mode():
        y = chainer_lite.functions.relu(x)
    assert '_node' not in y.__dict__
    node = y.node
    assert node is y.node
    assert node.creator is None
    assert node.shape == (2,) and node.dtype == numpy.float32
    assert node.requires_grad
    assert y.name is None and y.rank == 0


def test_no_backprop_output_feeds_a_graph_later():
    x = chainer_lite.Variable(numpy.array([1., -2., 3.], numpy.float32))
    with chainer_lite.no_backprop_mode():
        h = x * 2
    y = chainer_lite.functions.sum(h * h)
    y.backward()
    numpy.testing.assert_allclose(h.grad, 2 * h.array)
    assert x.grad is None  # the graph stops at h
    assert h.creator is None
    assert y.creator.inputs[0].creator.rank == 0  # h * h, from a leaf
    assert y.creator.rank == 1


def test_no_backprop_output_setters_and_copies():
    with chainer_lite.no_backprop_mode():
        y = chainer_lite.functions.identity(numpy.zeros(3, numpy.float32))
    y.name = 'y'
    assert y.node.name == 'y'
    with chainer_lite.no_backprop_mode():
        z = chainer_lite.functions.identity(numpy.zeros(3, numpy.float32))
    z.array = numpy.zeros((2, 2), numpy.float64)
    assert z.node.shape == (2, 2) and z.node.dtype == numpy.float64
    import copy
    import pickle
    for w in (copy.copy(y), copy.deepcopy(y), pickle.loads(pickle.dumps(y))):
        assert w.name == 'y'
        numpy.testing.assert_array_equal(w.array, y.array)


def test_missing_attribute_message():
    v = chainer_lite.Variable(numpy.zeros(1, numpy.float32))
    with pytest.raises(AttributeError, match="no attribute 'nonexistent'"):
        v.nonexistent
    assert not hasattr(v, 'nonexistent')


def test_raw_inputs_without_backprop_are_checked():
    with chainer_lite.no_backprop_mode():
        with pytest.raises(TypeError, match='incompatible array types'):
            chainer_lite.functions.identity([1, 2])


# ------------------------------------- configuration read once per change ---

@pytest.mark.parametrize('set_globally', [False, True])
def test_apply_sees_every_configuration_change(set_globally):
    # apply keeps the entries it reads until the configuration changes;
    # every way of changing them must be seen by the next apply.
    x = chainer_lite.Variable(numpy.ones(2, numpy.float32))
    target = chainer_lite.global_config if set_globally else \
        chainer_lite.config
    assert chainer_lite.functions.identity(x).creator is not None
    old = chainer_lite.global_config.enable_backprop
    local = chainer_lite.config._local.__dict__
    # A thread-local entry would hide the global one.
    old_local = local.pop('enable_backprop', None)
    try:
        target.enable_backprop = False
        assert chainer_lite.functions.identity(x).creator is None
        target.enable_backprop = True
        assert chainer_lite.functions.identity(x).creator is not None
    finally:
        chainer_lite.global_config.enable_backprop = old
        if old_local is not None:
            chainer_lite.config.enable_backprop = old_local
        elif not set_globally:
            del chainer_lite.config.enable_backprop
    with chainer_lite.using_config('type_check', False):
        chainer_lite.functions.relu(numpy.zeros(2, numpy.int32))  # unchecked
    with pytest.raises(type_check.InvalidType):
        chainer_lite.functions.relu(numpy.zeros(2, numpy.int32))
    with chainer_lite.using_config('debug', True):
        y = chainer_lite.functions.identity(x)
        assert y.creator.stack is not None
    assert chainer_lite.functions.identity(x).creator.stack is None


def test_configuration_is_per_thread():
    import threading
    x = chainer_lite.Variable(numpy.ones(2, numpy.float32))
    seen = []

    def other():
        seen.append(chainer_lite.functions.identity(x).creator is not None)

    with chainer_lite.no_backprop_mode():
        assert chainer_lite.functions.identity(x).creator is None
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert seen == [True]


def test_mock_check_on_an_instance_runs_every_time():
    from unittest import mock
    node_type = chainer_lite.functions.activation.relu.ReLU
    x = numpy.ones(2, numpy.float32)
    for mock_type in (mock.Mock, mock.MagicMock):
        for _ in range(2):
            node = node_type()
            node.check_type_forward = mock_type()
            node.apply((x,))
            assert node.check_type_forward.call_count == 1

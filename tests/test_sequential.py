"""Sequential: forward pass, list-like editing, children order, copies."""
import functools
import io
import pickle

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
from chainer_lite import initializers


class _Scale(chainer.Link):
    # y = s * x with a learnable scalar s.

    def __init__(self, s=1.0):
        super(_Scale, self).__init__()
        with self.init_scope():
            self.s = chainer.Parameter(initializers.Constant(s), (1,))

    def forward(self, x):
        return F.broadcast_to(self.s, x.shape) * x


def _double(x):
    return x * 2


def test_forward_applies_layers_in_order():
    model = chainer.Sequential(_Scale(3.0), _double, lambda x: x + 1)
    x = numpy.array([1., 2.], numpy.float32)
    numpy.testing.assert_array_equal(model(x).array, [7., 13.])


def test_forward_unpacks_tuples():
    model = chainer.Sequential(lambda x, y: (x + y, x - y),
                               lambda s, d: s * d)
    assert model(5, 3) == 16


def test_forward_without_layers():
    with pytest.raises(RuntimeError, match='does not have any layer'):
        chainer.Sequential()(1)


def test_rejects_non_callable():
    with pytest.raises(ValueError, match='should be callable'):
        chainer.Sequential(1)
    seq = chainer.Sequential(_double)
    with pytest.raises(ValueError, match='should be callable'):
        seq[0] = 3


def test_children_order_follows_chainer():
    # Chainer 7.8.1 places an appended link right after the first link, so
    # a, b, c become children a, c, b (and so do parameter paths).
    a, b, c = _Scale(1.), _Scale(2.), _Scale(3.)
    seq = chainer.Sequential(a, b, c)
    assert list(seq) == [a, b, c]
    assert list(seq.children()) == [a, c, b]
    assert (a.name, b.name, c.name) == ('0', '2', '1')
    assert [name for name, _ in seq.namedparams()] == [
        '/0/s', '/1/s', '/2/s']
    assert [p.array[0] for p in seq.params()] == [1., 3., 2.]


def test_children_order_of_appended_links():
    # The example of chainer/chainer#6053 (kept for file compatibility).
    seq = chainer.Sequential()
    for i in range(6):
        seq.append(_Scale(float(i)))
    assert [int(c.s.array[0]) for c in seq.children()] == [0, 5, 4, 3, 2, 1]
    assert [int(layer.s.array[0]) for layer in seq] == [0, 1, 2, 3, 4, 5]


def test_npz_keys_follow_children():
    from chainer_lite import serializers
    seq = chainer.Sequential(_Scale(1.), _Scale(2.), _Scale(3.))
    buf = io.BytesIO()
    serializers.save_npz(buf, seq)
    buf.seek(0)
    saved = numpy.load(buf)
    assert sorted(saved.keys()) == ['0/s', '1/s', '2/s']
    assert [saved[k][0] for k in ('0/s', '1/s', '2/s')] == [1., 3., 2.]
    buf.seek(0)
    other = chainer.Sequential(_Scale(0.), _Scale(0.), _Scale(0.))
    serializers.load_npz(buf, other)
    assert [layer.s.array[0] for layer in other] == [1., 2., 3.]


def test_two_links_keep_order():
    a, b = _Scale(), _Scale()
    seq = chainer.Sequential(a, F.relu, b)
    assert list(seq.children()) == [a, b]
    assert (a.name, b.name) == ('0', '1')


_OPS = st.lists(st.tuples(
    st.sampled_from(['append', 'insert', 'pop', 'remove', 'setitem']),
    st.booleans(), st.integers(-6, 6)), max_size=12)


@hypothesis.given(ops=_OPS)
@hypothesis.settings(max_examples=30, deadline=None)
def test_editing_matches_a_list(ops):
    # Whatever the edits, the layers behave like a Python list, and the
    # children are exactly the links among them, named by position.
    seq = chainer.Sequential()
    ref = []
    for op, is_link, index in ops:
        layer = _Scale() if is_link else functools.partial(_double)
        n = len(ref)
        if op == 'append':
            seq.append(layer)
            ref.append(layer)
        elif op == 'insert':
            if -n <= index <= n:
                seq.insert(index, layer)
                ref.insert(index, layer)
            else:
                with pytest.raises(IndexError):
                    seq.insert(index, layer)
        elif n == 0:
            continue
        elif op == 'pop':
            i = index % n
            assert seq.pop(i) is ref.pop(i)
        elif op == 'remove':
            victim = ref[index % n]
            seq.remove(victim)
            ref.remove(victim)
        elif op == 'setitem':
            i = index % n
            seq[i] = layer
            ref[i] = layer
        assert list(seq) == ref
        assert len(seq) == len(ref)
        children = list(seq.children())
        links = [l for l in ref if isinstance(l, chainer.Link)]
        assert sorted(map(id, children)) == sorted(map(id, links))
        assert [c.name for c in children] == [
            str(i) for i in range(len(children))]


def test_list_api():
    a, b = _Scale(), _Scale()
    seq = chainer.Sequential(a, F.relu)
    seq.extend(chainer.Sequential(b, F.relu))
    assert len(seq) == 4 and seq[2] is b
    assert seq.index(b) == 2
    assert seq.count(F.relu) == 2
    assert a in seq and b in seq
    assert list(reversed(seq)) == [F.relu, b, F.relu, a]
    assert seq[1:3] == [F.relu, b]
    assert seq.count_by_layer_type('_Scale') == 2
    assert seq.count_by_layer_type('relu') == 2
    seq.remove_by_layer_type('relu')
    assert list(seq) == [a, b]
    with pytest.raises(ValueError, match='There is no layer'):
        seq.remove(F.relu)
    del seq[0]
    assert list(seq) == [b] and b.name == '0'
    seq.clear()
    assert len(seq) == 0 and list(seq.children()) == []
    assert list(seq.params()) == []


def test_add_and_iadd():
    a, b = _Scale(), _Scale()
    s1, s2 = chainer.Sequential(a), chainer.Sequential(F.relu, b)
    s3 = s1 + s2
    assert list(s3) == [a, F.relu, b]
    s1 += s2
    assert list(s1) == [a, F.relu, b]
    with pytest.raises(ValueError, match='supports only objects'):
        s1 + 1
    with pytest.raises(ValueError, match='supports only objects'):
        s1 += 1


def test_flatten():
    a, b = _Scale(), _Scale()
    nested = chainer.Sequential(a, chainer.Sequential(F.relu, b))
    assert list(nested.flatten()) == [a, F.relu, b]


def test_copy_modes():
    a = _Scale(2.0)
    seq = chainer.Sequential(a, F.relu)
    shared = seq.copy()
    assert shared[0] is not a and shared[0].s.array is a.s.array
    assert shared[1] is F.relu
    deep = seq.copy(mode='copy')
    assert deep[0].s.array is not a.s.array
    numpy.testing.assert_array_equal(deep[0].s.array, a.s.array)


def test_copyparams():
    src = chainer.Sequential(_Scale(5.0), F.relu)
    dst = chainer.Sequential(_Scale(1.0), F.relu)
    dst.copyparams(src)
    assert dst[0].s.array[0] == 5.0
    with pytest.raises(ValueError, match='Objects other than Sequential'):
        dst.copyparams(chainer.ChainList())


def test_str():
    seq = chainer.Sequential(chainer.Sequential(_Scale()), _double)
    assert str(seq) == (
        'Sequential(\n'
        '  (0): Sequential(\n'
        '    (0): _Scale(),\n'
        '  ),\n'
        '  (1): %s,\n'
        ')' % _double)
    assert str(chainer.Sequential()) == 'Sequential()'


def test_pickle():
    seq = chainer.Sequential(_Scale(4.0), _double)
    clone = pickle.loads(pickle.dumps(seq))
    assert clone[0].s.array[0] == 4.0 and clone[1] is _double
    with pytest.raises(ValueError, match='lambda function'):
        pickle.dumps(chainer.Sequential(lambda x: x))


def test_repeat_sequential():
    seq = chainer.Sequential(_Scale(), F.relu)
    repeated = seq.repeat(2, mode='copy')
    assert len(repeated) == 2
    assert all(isinstance(r, chainer.Sequential) for r in repeated)
    assert repeated[0][0] is not repeated[1][0]

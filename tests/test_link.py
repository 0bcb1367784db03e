"""Link, Chain and ChainList: registration, traversal order, copies, state."""
import copy
import pickle
import warnings

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import initializers


class _DictSerializer(object):
    # The AbstractSerializer protocol: ``s(key, value)`` saves and returns
    # the value, ``s[name]`` opens a child scope (keys joined with '/').

    def __init__(self, target=None, path=''):
        self.target = {} if target is None else target
        self.path = path

    def __getitem__(self, name):
        return _DictSerializer(self.target, self.path + name + '/')

    def __call__(self, key, value):
        self.target[self.path + key] = (
            None if value is None else numpy.array(value))
        return value


class _DictDeserializer(_DictSerializer):

    def __getitem__(self, name):
        return _DictDeserializer(self.target, self.path + name + '/')

    def __call__(self, key, value):
        stored = self.target[self.path + key]
        if value is None or stored is None:
            return stored
        if isinstance(value, numpy.ndarray):
            numpy.copyto(value, stored)
            return value
        return type(value)(stored)


class _Affine(chainer.Link):
    # A small link with an initialized weight, a lazily initialized bias
    # and a persistent counter.

    def __init__(self, n_in=3, n_out=2):
        super(_Affine, self).__init__()
        with self.init_scope():
            self.W = chainer.Parameter(initializers.Normal(1.0),
                                       (n_out, n_in))
            self.b = chainer.Parameter(initializers.Zero())
        self.add_persistent('count', 0)
        self.n_out = n_out

    def forward(self, x):
        if self.b.array is None:
            self.b.initialize((self.n_out,))
        self.count += 1
        return chainer.functions.matmul(x, self.W, transb=True) + \
            chainer.functions.broadcast_to(self.b, (x.shape[0], self.n_out))


class _Net(chainer.Chain):

    def __init__(self):
        super(_Net, self).__init__()
        with self.init_scope():
            self.l2 = _Affine(2, 2)
            self.l1 = _Affine(3, 2)
            self.p = chainer.Parameter(initializers.One(), (1,))

    def forward(self, x):
        return self.l2(self.l1(x))


def test_add_param_from_constructor_and_dtype():
    link = chainer.Link(x=(2, 3), y=((4,), 'd'), z=(None, 'f'))
    assert link.x.shape == (2, 3) and link.x.dtype == numpy.float32
    assert numpy.isnan(link.x.array).all()
    assert numpy.isnan(link.x.grad).all()
    assert link.y.dtype == numpy.float64
    assert link.z.array is None
    assert link.x.name == 'x'
    link.z.initialize((2,))
    assert link.z.dtype == numpy.float32


def test_init_scope_registers_only_parameters():
    link = chainer.Link()
    with link.init_scope():
        link.p = chainer.Parameter(0.5, (2,))
        link.v = chainer.Variable(numpy.zeros(2, numpy.float32))
    link.q = chainer.Parameter(0.5, (2,))
    assert [name for name, _ in link.namedparams()] == ['/p']
    assert link.p.name == 'p'
    assert not link.within_init_scope


def test_add_param_existing_attribute():
    link = chainer.Link()
    link.add_persistent('a', 1)
    with pytest.raises(AttributeError, match='cannot register a new '
                       'parameter a: attribute exists'):
        link.add_param('a', (2,))


def test_add_param_with_initializer():
    link = chainer.Link()
    link.add_param('w', (2,), initializer=initializers.Constant(3.0))
    numpy.testing.assert_array_equal(link.w.array, [3.0, 3.0])
    link.add_param('u', initializer=initializers.Zero(numpy.float64))
    assert link.u.array is None
    link.u.initialize((3,))
    assert link.u.dtype == numpy.float64


def test_persistent_registration():
    link = chainer.Link()
    link.add_persistent('n', 3)
    with pytest.raises(AttributeError, match='persistent value n'):
        link.add_persistent('n', 4)
    link.m = numpy.zeros(2)
    link.register_persistent('m')
    assert link._persistent == {'n', 'm'}
    with pytest.raises(AttributeError, match='non-existent attribute'):
        link.register_persistent('nothing')
    del link.m
    assert link._persistent == {'n'}


def test_register_persistent_turns_parameter_into_persistent():
    link = chainer.Link(w=(2,))
    link.register_persistent('w')
    assert list(link.params()) == []
    assert 'w' in link._persistent


def test_missing_super_init():
    class NoInit(chainer.Link):
        def __init__(self):
            pass

        def forward(self, x):
            return x

    with pytest.raises(RuntimeError, match=r'Link\.__init__\(\) has not '
                       r'been called\.'):
        NoInit()(1)

    class InitScopeNoInit(chainer.Link):
        def __init__(self):
            with self.init_scope():
                pass

    with pytest.raises(RuntimeError, match='has not been called'):
        InitScopeNoInit()


def test_call_without_forward():
    with pytest.raises(AttributeError):
        chainer.Link()(1)


def test_call_prefers_mixin_call():
    class Mixin(object):
        def __call__(self, x):
            return ('mixin', x)

    class Mixed(chainer.Link, Mixin):
        def forward(self, x):
            return ('forward', x)

    assert Mixed()(1) == ('mixin', 1)

    class Plain(chainer.Link):
        def forward(self, x):
            return ('forward', x)

    class PlainThenMixed(Plain, Mixin):
        pass

    # The choice is made per class, not inherited from a base class that
    # was called first.
    assert Plain()(2) == ('forward', 2)
    assert PlainThenMixed()(2) == ('mixin', 2)


def test_str():
    assert str(chainer.Link()) == 'Link()'

    class Spec(chainer.Link):
        @property
        def printable_specs(self):
            yield 'a', 1
            yield 'b', None

    assert str(Spec()) == 'Spec(a=1, b=None)'
    chain = chainer.Chain(c=Spec(), a=chainer.ChainList(Spec()))
    assert str(chain) == (
        'Chain(\n'
        '  (a): ChainList(\n'
        '    (0): Spec(a=1, b=None),\n'
        '  ),\n'
        '  (c): Spec(a=1, b=None),\n'
        ')')
    assert str(chainer.ChainList()) == 'ChainList()'


def test_chain_order_and_names():
    net = _Net()
    assert [name for name, _ in net.namedparams()] == [
        '/p', '/l1/W', '/l1/b', '/l2/W', '/l2/b']
    assert [name for name, _ in net.namedparams(include_uninit=False)] == [
        '/p', '/l1/W', '/l2/W']
    assert [p.name for p in net.params()] == ['p', 'W', 'b', 'W', 'b']
    assert [name for name, _ in net.namedlinks()] == ['/', '/l1', '/l2']
    assert [name for name, _ in net.namedlinks(skipself=True)] == [
        '/l1', '/l2']
    assert list(net.links()) == [net, net.l1, net.l2]
    assert list(net.children()) == [net.l1, net.l2]
    assert net.l1.name == 'l1'
    assert net['l1'] is net.l1


@hypothesis.given(names=st.lists(
    st.text('abcdefgh', min_size=1, max_size=4), unique=True, max_size=6))
@hypothesis.settings(max_examples=20, deadline=None)
def test_chain_children_sorted(names):
    chain = chainer.Chain()
    for name in names:
        chain.add_link(name, chainer.Link(W=(1,)))
    assert [n for n, _ in chain.namedparams()] == [
        '/%s/W' % n for n in sorted(names)]


def test_add_link_errors():
    chain = chainer.Chain(a=chainer.Link())
    with pytest.raises(AttributeError, match='cannot register a new link a'):
        chain.add_link('a', chainer.Link())
    with pytest.raises(TypeError, match='non-link object'):
        chain.add_link('b', 1)
    with pytest.raises(AttributeError, match='attribute exists'):
        with chain.init_scope():
            chain.a = chainer.Link()
    del chain.a
    assert list(chain.children()) == []


def test_chainlist_indexing_and_names():
    a, b, c = chainer.Link(W=(1,)), chainer.Link(W=(2,)), chainer.Link(W=(3,))
    cl = chainer.ChainList(a, b)
    cl.append(c)
    assert [n for n, _ in cl.namedparams()] == ['/0/W', '/1/W', '/2/W']
    assert [l.name for l in cl] == ['0', '1', '2']
    del cl[0]
    assert [l.name for l in cl] == ['0', '1'] and cl[0] is b
    cl.insert(0, a)
    assert list(cl) == [a, b, c] and a.name == '0' and c.name == '2'
    cl[1:] = [c]
    assert list(cl) == [a, c] and c.name == '1'
    with pytest.raises(TypeError, match='cannot register a new link'):
        with cl.init_scope():
            cl.x = chainer.Link()
    with pytest.raises(TypeError, match='indices must be integers'):
        cl['a'] = a


def test_copy_share():
    net = _Net()
    net.cleargrads()
    for p in net.params(include_uninit=False):
        p.grad = numpy.ones_like(p.array)
    copied = net.copy(mode='share')
    assert copied.name is None
    assert copied.l1 is not net.l1 and copied.l1.name == 'l1'
    assert copied.l1.W is not net.l1.W
    assert copied.l1.W.array is net.l1.W.array
    assert copied.l1.W.grad is None
    assert copied.l1.b.array is None
    assert net.l1.W.grad is not None


def test_copy_copy_and_init():
    net = _Net()
    deep = net.copy(mode='copy')
    assert deep.l1.W.array is not net.l1.W.array
    numpy.testing.assert_array_equal(deep.l1.W.array, net.l1.W.array)
    numpy.random.seed(0)
    fresh = net.copy(mode='init')
    assert fresh.l1.W.array is not net.l1.W.array
    assert not numpy.array_equal(fresh.l1.W.array, net.l1.W.array)
    assert fresh.l1.b.array is None
    with pytest.raises(ValueError, match='\'mode\' argument'):
        net.copy(mode='deep')


def test_copy_chainlist():
    cl = chainer.ChainList(chainer.Link(W=(2,)), chainer.Link(W=(2,)))
    shared = cl.copy()
    assert shared[1] is not cl[1] and shared[1].name == '1'
    assert shared[1].W.array is cl[1].W.array
    deep = cl.copy(mode='copy')
    assert deep[0].W.array is not cl[0].W.array


def test_copyparams_and_persistent():
    src, dst = _Net(), _Net()
    src.l1.count = 5
    src.l1.b.initialize((2,))
    dst.l1.b.initialize((2,))
    src.l1.b.array[...] = 7
    dst.copyparams(src)
    for (_, p), (_, q) in zip(dst.namedparams(), src.namedparams()):
        if q.array is not None:
            numpy.testing.assert_array_equal(p.array, q.array)
            assert p.array is not q.array
    assert dst.l1.count == 5
    dst.l1.count = 0
    dst.copyparams(src, copy_persistent=False)
    assert dst.l1.count == 0


def test_cleargrads_and_addgrads():
    a, b = _Net(), _Net()
    a.cleargrads()
    assert all(p.grad is None for p in a.params())
    for p in b.params(include_uninit=False):
        p.grad = numpy.full_like(p.array, 2)
    for p in a.params(include_uninit=False):
        p.grad = numpy.full_like(p.array, 1)
    a.addgrads(b)
    for p in a.params(include_uninit=False):
        numpy.testing.assert_array_equal(p.grad, numpy.full_like(p.array, 3))


def test_zerograds_deprecated():
    net = _Net()
    with pytest.warns(DeprecationWarning, match='zerograds is deprecated'):
        net.zerograds()
    for p in net.params(include_uninit=False):
        assert (p.grad == 0).all()


def test_count_params_warns_for_uninitialized():
    net = _Net()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        assert net.count_params() == 1 + 6 + 4
    assert len(w) == 2 and "'/l1/b'" in str(w[0].message)


class _Rule(object):
    enabled = True


def test_update_switches():
    net = _Net()
    assert not net.update_enabled
    for p in net.params():
        p.update_rule = _Rule()
    assert net.update_enabled
    net.disable_update()
    assert not net.update_enabled
    assert all(not p.update_rule.enabled for p in net.params())
    net.enable_update()
    assert all(p.update_rule.enabled for p in net.params())


def test_serialize_roundtrip_and_lazy_init():
    net = _Net()
    net.l1.b.initialize((2,))
    net.l1.b.array[...] = [1, 2]
    net.l2.count = 4
    target = {}
    net.serialize(_DictSerializer(target))
    assert sorted(target) == [
        'l1/W', 'l1/b', 'l1/count', 'l2/W', 'l2/b', 'l2/count', 'p']
    assert target['l2/b'] is None

    other = _Net()
    assert other.l1.b.array is None
    other.serialize(_DictDeserializer(target))
    numpy.testing.assert_array_equal(other.l1.b.array, [1, 2])
    numpy.testing.assert_array_equal(other.l1.W.array, net.l1.W.array)
    assert other.l2.b.array is None
    assert other.l2.count == 4


def test_serialize_chainlist_keys():
    cl = chainer.ChainList(chainer.Link(W=(1,)), chainer.Link(W=(1,)))
    target = {}
    cl.serialize(_DictSerializer(target))
    assert sorted(target) == ['0/W', '1/W']


def test_repeat():
    link = chainer.Link(W=(2,))
    link.W.array[...] = 1
    for mode in ('init', 'copy', 'share'):
        seq = link.repeat(3, mode=mode)
        assert isinstance(seq, chainer.Sequential) and len(seq) == 3
        assert all(l is not link for l in seq)
    assert link.repeat(3, mode='share')[0].W.array is link.W.array
    assert len(link.repeat(0)) == 0
    with pytest.raises(ValueError):
        link.repeat(2, mode='bad')


def test_deepcopy_and_pickle():
    net = _Net()
    for clone in (copy.deepcopy(net), pickle.loads(pickle.dumps(net))):
        assert [n for n, _ in clone.namedparams()] == [
            n for n, _ in net.namedparams()]
        numpy.testing.assert_array_equal(clone.l2.W.array, net.l2.W.array)
        assert clone.l2.W.array is not net.l2.W.array


def test_to_device_cpu():
    net = _Net()
    net.add_persistent('stat', numpy.zeros(2))
    array = net.l1.W.array
    assert net.to_device('@numpy') is net
    assert net.l1.W.array is array
    assert net.device == chainer.get_device('@numpy')
    assert net.xp is numpy


class _RecordHook(chainer.LinkHook):
    name = 'record'

    def __init__(self):
        self.events = []

    def added(self, link):
        self.events.append(('added', link))

    def deleted(self, link):
        self.events.append(('deleted', link))

    def forward_preprocess(self, args):
        self.events.append(('pre', args.link, args.forward_name, args.args))

    def forward_postprocess(self, args):
        self.events.append(('post', args.link, args.out))


def test_local_hook():
    link = _Affine()
    hook = _RecordHook()
    assert link.add_hook(hook) is link
    with pytest.raises(KeyError, match='already exists'):
        link.add_hook(hook)
    x = numpy.ones((1, 3), numpy.float32)
    y = link(x)
    assert hook.events[0] == ('added', link)
    assert hook.events[1][:3] == ('pre', link, 'forward')
    assert hook.events[2][2] is y
    link.delete_hook('record')
    assert hook.events[-1] == ('deleted', link)
    with pytest.raises(KeyError, match='does not exist'):
        link.delete_hook('record')
    with pytest.raises(TypeError, match='Hook must be of type LinkHook'):
        link.add_hook(object())


def test_global_hook_covers_nested_links():
    net = _Net()
    hook = _RecordHook()
    with hook:
        with pytest.raises(KeyError, match='hook record already exists'):
            _RecordHook().__enter__()
        net(numpy.ones((2, 3), numpy.float32))
    pre = [event[1] for event in hook.events if event[0] == 'pre']
    assert pre == [net, net.l1, net.l2]
    assert hook.events[0] == ('added', None)
    assert hook.events[-1] == ('deleted', None)
    assert 'record' not in chainer._get_link_hooks()


def test_small_model_learns():
    # A two-layer chain trained by hand-written SGD reduces its loss.
    numpy.random.seed(0)
    net = _Net()
    x = numpy.random.randn(16, 3).astype(numpy.float32)
    t = numpy.random.randn(16, 2).astype(numpy.float32)

    def loss_value():
        diff = net(x) - t
        return chainer.functions.sum(diff * diff) / len(x)

    first = float(loss_value().array)
    for _ in range(30):
        loss = loss_value()
        net.cleargrads()
        loss.backward()
        for name, p in net.namedparams():
            if name == '/p':  # unused by forward: no gradient
                assert p.grad is None
                continue
            p.array -= 0.05 * p.grad
    assert float(loss_value().array) < first * 0.5

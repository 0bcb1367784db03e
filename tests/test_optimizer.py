"""Optimizer machinery: Hyperparameter, UpdateRule, Optimizer, GradientMethod,
hooks, loss scaling and serialization."""
import copy
import pickle
import warnings

import hypothesis
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import optimizer
from chainer_lite import optimizer_hooks
from chainer_lite import optimizers
from chainer_lite import serializers
import chainer_lite.functions as F


def _link(**arrays):
    link = chainer.Link()
    with link.init_scope():
        for name, array in arrays.items():
            setattr(link, name, chainer.Parameter(array))
    return link


def _chain(**links):
    chain = chainer.Chain()
    with chain.init_scope():
        for name, link in links.items():
            setattr(chain, name, link)
    return chain


class _RecordingRule(optimizer.UpdateRule):
    # Records the calls of update_core; keeps one state array 'a'.

    def __init__(self, parent_hyperparam=None):
        super(_RecordingRule, self).__init__(parent_hyperparam)
        self.calls = []

    def init_state(self, param):
        self.state['a'] = param.xp.zeros_like(param.array)
        self.state['n'] = 0

    def update_core(self, param):
        self.calls.append((self.t, None if param.grad is None
                           else param.grad.copy()))


class _RecordingOptimizer(optimizer.GradientMethod):

    def create_update_rule(self):
        return _RecordingRule(self.hyperparam)


# Hyperparameter ------------------------------------------------------------

def test_hyperparameter_falls_back_to_parent():
    parent = optimizer.Hyperparameter()
    parent.x, parent.y = 1, 2
    child = optimizer.Hyperparameter(parent)
    child.y, child.z = 3, 4
    assert (child.x, child.y, child.z) == (1, 3, 4)
    assert child.parent is parent
    assert child.get_dict() == {'x': 1, 'y': 3, 'z': 4}
    assert repr(child) == 'Hyperparameter(x=1, y=3, z=4)'
    assert not hasattr(parent, 'z')
    with pytest.raises(AttributeError):
        child.missing


def test_hyperparameter_copies_and_pickles_with_parent():
    parent = optimizer.Hyperparameter()
    parent.lr = 0.1
    child = optimizer.Hyperparameter(parent)
    child.momentum = 0.9
    parent2, child2 = copy.deepcopy([parent, child])
    assert child2.parent is parent2
    assert child2.get_dict() == child.get_dict()
    child3 = pickle.loads(pickle.dumps(child))
    assert child3.get_dict() == {'lr': 0.1, 'momentum': 0.9}


def test_hyperparameter_proxy_aliases_hyperparam():
    opt = optimizers.MomentumSGD()
    opt.momentum = 0.5
    assert opt.hyperparam.momentum == 0.5
    assert isinstance(optimizers.MomentumSGD.__dict__['momentum'],
                      optimizer.HyperparameterProxy)


# UpdateRule ----------------------------------------------------------------

def _param(grad=True):
    p = chainer.Parameter(numpy.arange(3, dtype=numpy.float32))
    if grad:
        p.grad = numpy.ones(3, numpy.float32)
    return p


def test_update_rule_counts_initializes_state_and_calls_hooks_in_order():
    rule = _RecordingRule()
    order = []
    rule.add_hook(lambda r, p: order.append(('pre', r.t)), name='a')
    rule.add_hook(lambda r, p: order.append(('post', r.t)), name='b',
                  timing='post')
    param = _param()
    assert rule.state is None
    rule.update(param)
    assert rule.t == 1 and set(rule.state) == {'a', 'n'}
    assert order == [('pre', 1), ('post', 1)]
    rule.remove_hook('a')
    rule.update(param)
    assert order == [('pre', 1), ('post', 1), ('post', 2)]


def test_update_rule_disabled_does_nothing():
    rule = _RecordingRule()
    rule.enabled = False
    rule.update(_param())
    assert rule.t == 0 and rule.calls == [] and rule.state is None


def test_update_rule_divides_grad_by_loss_scale():
    rule = _RecordingRule()
    param = _param()
    param._loss_scale = 4.0
    rule.update(param)
    numpy.testing.assert_array_equal(rule.calls[0][1], [0.25] * 3)


def test_update_rule_dispatches_on_device():
    calls = []

    class Rule(optimizer.UpdateRule):
        def update_core_cpu(self, param):
            calls.append('cpu')

        def update_core_gpu(self, param):
            calls.append('gpu')

    Rule().update(_param())
    assert calls == ['cpu']
    with pytest.raises(NotImplementedError):
        optimizer.UpdateRule().update(_param())
    with pytest.raises(NotImplementedError, match='ChainerX'):
        optimizer.UpdateRule().update_core_chainerx(_param())


def test_hook_registration_errors():
    rule = _RecordingRule()
    with pytest.raises(TypeError, match='hook function must be callable'):
        rule.add_hook(1)
    with pytest.raises(ValueError, match='timing must be one of'):
        rule.add_hook(lambda r, p: None, name='x', timing='later')

    class Nameless(object):
        def __call__(self, rule, param):
            pass

    with pytest.raises(ValueError, match='name of the hook'):
        rule.add_hook(Nameless())

    def hook(rule, param):
        pass

    rule.add_hook(hook)  # named after the function
    with pytest.raises(KeyError, match='hook "hook" already exists'):
        rule.add_hook(hook)
    with pytest.raises(KeyError):
        rule.remove_hook('nothing')


@pytest.mark.parametrize('dtype', [None, numpy.float16, numpy.float32])
def test_use_fp32_update_on_uninitialized_parameter(dtype):
    def initializer(array):
        raise AssertionError('never called')
    if dtype is not None:
        initializer.dtype = dtype
    param = chainer.Parameter(initializer)
    seen = []
    rule = optimizer.UpdateRule()
    rule.update_core = seen.append
    rule.use_fp32_update()
    rule.update(param)
    if dtype == numpy.float16:
        assert seen[0] is not param and seen[0].dtype == numpy.float32
    else:
        assert seen[0] is param
    assert param.array is None


def test_use_fp32_update_updates_float16_through_float32_copy():
    link = _link(w=numpy.full(3, 1.0, numpy.float16))
    opt = optimizers.SGD(lr=1e-4)
    opt.use_fp32_update()
    opt.setup(link)
    array = link.w.array
    for _ in range(10):
        link.w.grad = numpy.ones(3, numpy.float16)
        opt.update()
    assert link.w.array is array  # written back in place
    # 1e-4 steps vanish in float16 arithmetic (ulp of 1 is 1e-3) but add up
    # in the float32 copy.
    assert link.w.array.dtype == numpy.float16
    numpy.testing.assert_allclose(link.w.array, 0.999, atol=5e-4)
    assert link.w.update_rule._fp32_param.array.dtype == numpy.float32


# Optimizer / GradientMethod --------------------------------------------------

def test_setup_returns_self_and_requires_a_link():
    opt = optimizers.SGD()
    link = _link(w=numpy.zeros(2, numpy.float32))
    assert opt.setup(link) is opt
    assert opt.target is link and opt.t == 0 and opt.epoch == 0
    with pytest.raises(TypeError) as e:
        opt.setup('xxx')
    assert str(e.value) == 'optimization target must be a link'


def test_hooks_need_setup():
    opt = optimizers.SGD()
    with pytest.raises(RuntimeError) as e:
        opt.add_hook(lambda o: None, 'h')
    assert str(e.value) == 'Optimizer is not set up. Call `setup` method.'


def test_setup_attaches_rules_to_present_parameters_only():
    link = _link(w=numpy.zeros(2, numpy.float32))
    opt = _RecordingOptimizer().setup(link)
    rule = link.w.update_rule
    assert isinstance(rule, _RecordingRule)
    assert rule.hyperparam.parent is opt.hyperparam
    with link.init_scope():
        link.late = chainer.Parameter(numpy.zeros(2, numpy.float32))
    assert link.late.update_rule is None


def test_new_epoch():
    opt = optimizer.Optimizer()
    opt.new_epoch()
    assert opt.epoch == 1
    with pytest.raises(RuntimeError, match='invalid new_epoch call'):
        opt.new_epoch(auto=True)
    opt.use_auto_new_epoch = True
    opt.new_epoch(auto=True)
    assert opt.epoch == 2
    with pytest.raises(RuntimeError, match='duplicated new_epoch'):
        opt.new_epoch()


def test_update_with_lossfun_order_of_operations():
    link = _link(w=numpy.array([1.0, 2.0], numpy.float32))
    link.w.grad = numpy.array([100.0, 100.0], numpy.float32)  # stale
    opt = optimizers.SGD(lr=0.5).setup(link)
    events = []

    def lossfun(scale):
        # Called before the gradients are cleared.
        events.append(('loss', link.w.grad.copy()))
        return F.sum(link.w * link.w) * scale

    class Hook(object):
        def __init__(self, timing):
            self.name = 'record_' + timing
            self.timing = timing

        def __call__(self, opt):
            events.append((self.timing, opt.t, link.w.grad.copy()))

    opt.add_hook(Hook('pre'))
    opt.add_hook(Hook('post'))
    opt.update(lossfun, 3.0)
    assert events[0][0] == 'loss'
    numpy.testing.assert_array_equal(events[0][1], [100, 100])
    assert events[1][:2] == ('pre', 0) and events[2][:2] == ('post', 1)
    # d(3 * sum(w ** 2))/dw = 6 w, no stale gradient accumulated.
    numpy.testing.assert_array_equal(events[1][2], [6, 12])
    numpy.testing.assert_allclose(link.w.array, [1 - 3, 2 - 6])
    assert opt.t == 1


def test_update_gives_zero_gradients_to_cleared_parameters():
    link = _link(w=numpy.ones(2, numpy.float32))
    opt = _RecordingOptimizer().setup(link)
    link.cleargrads()
    opt.update()
    numpy.testing.assert_array_equal(link.w.update_rule.calls[0][1], [0, 0])


def test_hook_called_for_each_param():
    link = _chain(a=_link(w=numpy.ones(2, numpy.float32)),
                  b=_link(w=numpy.ones(3, numpy.float32)))
    opt = _RecordingOptimizer().setup(link)
    seen = []

    def hook(rule, param):
        seen.append((rule, param))
    hook.call_for_each_param = True
    opt.add_hook(hook)
    link.cleargrads()
    opt.update()
    assert seen == [(link.a.w.update_rule, link.a.w),
                    (link.b.w.update_rule, link.b.w)]


def test_invalid_auto_timing_falls_back_to_pre():
    opt = _RecordingOptimizer().setup(_link(w=numpy.ones(1, numpy.float32)))

    def hook(opt):
        pass
    hook.timing = 'sometime'
    with pytest.warns(UserWarning, match='defaulting timing to \'pre\''):
        opt.add_hook(hook)
    assert 'hook' in opt._hookable._pre_update_hooks
    opt.remove_hook('hook')
    assert 'hook' not in opt._hookable._pre_update_hooks


@pytest.mark.parametrize('name', ['WeightDecay', 'Lasso', 'GradientClipping',
                                  'GradientNoise', 'GradientHardClipping'])
def test_deprecated_hook_aliases(name):
    args = (1.0, 2.0) if name == 'GradientHardClipping' else (1.0,)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        hook = getattr(optimizer, name)(*args)
    assert [x.category for x in w] == [DeprecationWarning]
    assert str(w[0].message) == optimizer.make_deprecation_message(name)
    assert isinstance(hook, getattr(optimizer_hooks, name))
    assert type(hook).__name__ == name
    pickle.loads(pickle.dumps(hook))


def test_use_cleargrads_is_deprecated():
    with pytest.warns(DeprecationWarning):
        optimizers.SGD().use_cleargrads()


# Loss scaling ----------------------------------------------------------------

def test_loss_scaling_configuration_errors():
    opt = optimizers.SGD()
    with pytest.raises(ValueError, match='interval must be greater'):
        opt.loss_scaling(interval=0)
    with pytest.raises(ValueError, match='loss_scale must be a positive'):
        opt.loss_scaling(scale=-1)


@hypothesis.given(scale=st.sampled_from([1.0, 2.0, 64.0, 1024.0]))
def test_static_loss_scaling_gives_the_unscaled_update(scale):
    def run(loss_scale):
        link = _link(w=numpy.array([1.0, -2.0, 3.0], numpy.float32))
        opt = optimizers.SGD(lr=0.1).setup(link)
        if loss_scale is not None:
            opt.loss_scaling(scale=loss_scale)
        opt.update(lambda: F.sum(link.w * link.w))
        return link.w.array

    numpy.testing.assert_allclose(run(scale), run(None), rtol=1e-6)


def test_dynamic_loss_scaling_grows_and_backs_off_on_overflow():
    link = _link(w=numpy.array([1.0, 2.0], numpy.float32))
    opt = optimizers.SGD(lr=0.1).setup(link)
    opt.loss_scaling(interval=2)
    assert opt._loss_scale == 1.0
    opt.update(lambda: F.sum(link.w))
    assert opt._loss_scale == 2.0  # doubles until the first overflow
    before = link.w.array.copy()
    link.w.grad = numpy.array([numpy.inf, 1.0], numpy.float32)
    with pytest.warns(UserWarning, match='Non finite number found'):
        opt.update()
    assert not opt.is_safe_to_update()
    numpy.testing.assert_array_equal(link.w.array, before)  # skipped
    assert opt.t == 2 and opt._loss_scale == 1.0  # halved, at least 1
    link.w.grad = numpy.ones(2, numpy.float32)
    opt.update()
    assert opt.is_safe_to_update()
    assert opt._loss_scale == pytest.approx(2 ** 0.5)  # slower growth now


def test_loss_scale_is_capped():
    opt = optimizers.SGD().setup(_link(w=numpy.ones(1, numpy.float32)))
    opt.loss_scaling()
    opt._loss_scale = 60000.0
    opt.check_nan_in_grads()
    opt.update_loss_scale()
    assert opt._loss_scale == 65504


# Serialization ---------------------------------------------------------------

def test_update_rule_serialize_round_trip():
    rule = _RecordingRule()
    rule.update(_param())
    rule.state['a'][...] = [1, 2, 3]
    rule.state['n'] = 5
    saved = serializers.npz.serialize(rule)
    assert sorted(saved) == ['a', 'n', 't']

    fresh = _RecordingRule()
    serializers.NpzDeserializer(saved).load(fresh)
    assert fresh.t == 1
    numpy.testing.assert_array_equal(fresh.state['a'], [1, 2, 3])
    assert fresh.state['n'] == 5


def test_update_rule_deserialize_without_state():
    # A snapshot taken before the first update stores no state: the rule
    # keeps None and creates its state at the next update.
    fresh = _RecordingRule()
    serializers.NpzDeserializer({'t': numpy.asarray(3),
                                 'a': numpy.asarray(None),
                                 'n': numpy.asarray(None)}).load(fresh)
    assert fresh.t == 3 and fresh.state is None

    strict_missing = {'t': numpy.asarray(3)}
    with pytest.raises(KeyError):
        serializers.NpzDeserializer(strict_missing).load(_RecordingRule())
    disabled = _RecordingRule()
    disabled.enabled = False
    serializers.NpzDeserializer(strict_missing).load(disabled)
    assert disabled.t == 3 and disabled.state is None


def test_optimizer_serialize_keys_and_resume(tmp_path):
    def make():
        rng = numpy.random.RandomState(0)
        model = _chain(l1=_link(W=rng.randn(2, 3).astype(numpy.float32)),
                       l2=_link(b=rng.randn(2).astype(numpy.float32)))
        return model, optimizers.Adam(alpha=0.1).setup(model)

    def step(model, opt, seed):
        rng = numpy.random.RandomState(seed)
        for p in model.params():
            p.grad = rng.randn(*p.shape).astype(numpy.float32)
        opt.update()

    model, opt = make()
    step(model, opt, 1)
    opt.new_epoch()
    serializers.save_npz(str(tmp_path / 'opt.npz'), opt)
    serializers.save_npz(str(tmp_path / 'model.npz'), model)
    with numpy.load(str(tmp_path / 'opt.npz')) as f:
        assert sorted(f.files) == [
            'epoch', 'l1/W/m', 'l1/W/t', 'l1/W/v', 'l2/b/m', 'l2/b/t',
            'l2/b/v', 't']

    model2, opt2 = make()
    serializers.load_npz(str(tmp_path / 'model.npz'), model2)
    serializers.load_npz(str(tmp_path / 'opt.npz'), opt2)
    assert (opt2.t, opt2.epoch) == (1, 1)
    assert model2.l1.W.update_rule.t == 1
    step(model, opt, 2)
    step(model2, opt2, 2)
    for p, p2 in zip(model.params(), model2.params()):
        numpy.testing.assert_array_equal(p.array, p2.array)

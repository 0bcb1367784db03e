"""The 15 built-in optimizers against NumPy references of their formulas."""
import math
import pickle
import warnings

import hypothesis
import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy
import pytest

import chainer_lite as chainer
from chainer_lite import optimizers


# ---------------------------------------------------------------------------
# References: one step of each update rule, written from the formulas in
# float64 with fresh arrays (no in-place tricks), state as a dict.

def _sgd(p, g, s, t, hp):
    return p - hp['lr'] * g


def _momentum_sgd(p, g, s, t, hp):
    s['v'] = hp['momentum'] * s['v'] - hp['lr'] * g
    return p + s['v']


def _corrected_momentum_sgd(p, g, s, t, hp):
    s['v'] = hp['momentum'] * s['v'] - g
    return p + hp['lr'] * s['v']


def _nesterov_ag(p, g, s, t, hp):
    mu, lr = hp['momentum'], hp['lr']
    s['v'] = mu * s['v'] - lr * g
    return p + mu * mu * s['v'] - (1 + mu) * lr * g


def _ada_grad(p, g, s, t, hp):
    s['h'] = s['h'] + g * g
    return p - hp['lr'] * g / (numpy.sqrt(s['h']) + hp['eps'])


def _ada_delta(p, g, s, t, hp):
    rho, eps = hp['rho'], hp['eps']
    s['msg'] = rho * s['msg'] + (1 - rho) * g * g
    dx = numpy.sqrt((s['msdx'] + eps) / (s['msg'] + eps)) * g
    s['msdx'] = rho * s['msdx'] + (1 - rho) * dx * dx
    return p - dx


def _rmsprop(p, g, s, t, hp):
    a, eps = hp['alpha'], hp['eps']
    s['ms'] = a * s['ms'] + (1 - a) * g * g
    if hp['eps_inside_sqrt']:
        denom = numpy.sqrt(s['ms'] + eps)
    else:
        denom = numpy.sqrt(s['ms']) + eps
    return p - hp['lr'] * g / denom


def _rmsprop_graves(p, g, s, t, hp):
    a = hp['alpha']
    s['n'] = a * s['n'] + (1 - a) * g * g
    s['g'] = a * s['g'] + (1 - a) * g
    s['delta'] = (hp['momentum'] * s['delta'] - hp['lr'] * g
                  / numpy.sqrt(s['n'] - s['g'] ** 2 + hp['eps']))
    return p + s['delta']


def _smorms3(p, g, s, t, hp):
    eps = hp['eps']
    r = 1 / (s['mem'] + 1)
    s['g'] = (1 - r) * s['g'] + r * g
    s['g2'] = (1 - r) * s['g2'] + r * g * g
    x = s['g'] ** 2 / (s['g2'] + eps)
    p = p - g * numpy.minimum(x, hp['lr']) / (numpy.sqrt(s['g2']) + eps)
    s['mem'] = 1 + s['mem'] * (1 - x)
    return p


def _msvag(p, g, s, t, hp):
    b = hp['beta']
    bp = b ** t
    rho = min((1 - b) ** 2 * (1 - bp ** 2) / ((1 - bp) ** 2 * (1 - b ** 2)),
              0.9999)
    s['m'] = b * s['m'] + (1 - b) * g
    s['v'] = b * s['v'] + (1 - b) * g * g
    mt = s['m'] / (1 - bp)
    vt = s['v'] / (1 - bp)
    var = (vt - mt ** 2) / (1 - rho)
    with numpy.errstate(divide='ignore', invalid='ignore'):
        factor = numpy.clip(mt ** 2 / (mt ** 2 + rho * var), 0, 1)
    factor = numpy.where(numpy.isnan(factor), 0, factor)
    return p - hp['eta'] * (hp['lr'] * mt * factor
                            + hp['weight_decay_rate'] * p)


def _adam(p, g, s, t, hp):
    b1, b2 = hp['beta1'], hp['beta2']
    s['m'] = b1 * s['m'] + (1 - b1) * g
    s['v'] = b2 * s['v'] + (1 - b2) * g * g
    if hp['amsgrad']:
        s['vhat'] = numpy.maximum(s['vhat'], s['v'])
        vhat = s['vhat']
    else:
        vhat = s['v']
    alpha_t = hp['alpha'] * math.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    step = alpha_t / (numpy.sqrt(vhat) + hp['eps'])
    if hp['adabound']:
        final_lr = hp['final_lr']  # alpha is not changed during the run
        lower = final_lr * (1 - 1 / (hp['gamma'] * t + 1))
        upper = final_lr * (1 + 1 / (hp['gamma'] * t))
        step = numpy.clip(step, lower, upper)
    return p - hp['eta'] * (step * s['m'] + hp['weight_decay_rate'] * p)


_unit = st.floats(0.0, 0.99)
_lr = st.floats(1e-3, 1.0)
_ADAM_COMMON = {
    'alpha': st.floats(1e-3, 0.1), 'beta1': _unit,
    'beta2': st.floats(0.5, 0.999), 'eps': st.floats(1e-8, 1e-3),
    'eta': st.floats(0.1, 1.0)}

# name: (hyperparameter strategies, reference step, initial state, fixed
# hyperparameters implied by the class)
SPECS = {
    'SGD': ({'lr': _lr}, _sgd, {}, {}),
    'MomentumSGD': ({'lr': _lr, 'momentum': _unit}, _momentum_sgd,
                    {'v': 0}, {}),
    'CorrectedMomentumSGD': ({'lr': _lr, 'momentum': _unit},
                             _corrected_momentum_sgd, {'v': 0}, {}),
    'NesterovAG': ({'lr': _lr, 'momentum': _unit}, _nesterov_ag,
                   {'v': 0}, {}),
    'AdaGrad': ({'lr': _lr, 'eps': st.floats(1e-8, 1e-2)}, _ada_grad,
                {'h': 0}, {}),
    'AdaDelta': ({'rho': st.floats(0.5, 0.99), 'eps': st.floats(1e-6, 1e-2)},
                 _ada_delta, {'msg': 0, 'msdx': 0}, {}),
    'RMSprop': ({'lr': _lr, 'alpha': st.floats(0.5, 0.99),
                 'eps': st.floats(1e-8, 1e-2),
                 'eps_inside_sqrt': st.booleans()}, _rmsprop, {'ms': 0}, {}),
    'RMSpropGraves': ({'lr': _lr, 'alpha': st.floats(0.5, 0.99),
                       'momentum': _unit, 'eps': st.floats(1e-4, 1e-2)},
                      _rmsprop_graves, {'n': 0, 'g': 0, 'delta': 0}, {}),
    'SMORMS3': ({'lr': _lr, 'eps': st.floats(1e-16, 1e-8)}, _smorms3,
                {'mem': 1, 'g': 0, 'g2': 0}, {}),
    'MSVAG': ({'lr': _lr, 'beta': st.floats(0.5, 0.99),
               'eta': st.floats(0.1, 1.0),
               'weight_decay_rate': st.floats(0.0, 0.1)}, _msvag,
              {'m': 0, 'v': 0}, {}),
    'Adam': (dict(_ADAM_COMMON, weight_decay_rate=st.floats(0.0, 0.1),
                  amsgrad=st.booleans(), adabound=st.booleans(),
                  final_lr=st.floats(0.01, 1.0),
                  gamma=st.floats(1e-3, 0.1)),
             _adam, {'m': 0, 'v': 0}, {}),
    'AdamW': (dict(_ADAM_COMMON, weight_decay_rate=st.floats(0.0, 0.1)),
              _adam, {'m': 0, 'v': 0}, {'amsgrad': False, 'adabound': False}),
    'AMSGrad': (_ADAM_COMMON, _adam, {'m': 0, 'v': 0, 'vhat': 0},
                {'amsgrad': True, 'adabound': False,
                 'weight_decay_rate': 0}),
    'AdaBound': (dict(_ADAM_COMMON, final_lr=st.floats(0.01, 1.0),
                      gamma=st.floats(1e-3, 0.1)),
                 _adam, {'m': 0, 'v': 0},
                 {'amsgrad': False, 'adabound': True,
                  'weight_decay_rate': 0}),
    'AMSBound': (dict(_ADAM_COMMON, final_lr=st.floats(0.01, 1.0),
                      gamma=st.floats(1e-3, 0.1)),
                 _adam, {'m': 0, 'v': 0, 'vhat': 0},
                 {'amsgrad': True, 'adabound': True,
                  'weight_decay_rate': 0}),
}

DEFAULTS = {
    'SGD': {'lr': 0.01},
    'MomentumSGD': {'lr': 0.01, 'momentum': 0.9},
    'CorrectedMomentumSGD': {'lr': 0.01, 'momentum': 0.9},
    'NesterovAG': {'lr': 0.01, 'momentum': 0.9},
    'AdaGrad': {'lr': 0.001, 'eps': 1e-8},
    'AdaDelta': {'rho': 0.95, 'eps': 1e-6},
    'RMSprop': {'lr': 0.01, 'alpha': 0.99, 'eps': 1e-8,
                'eps_inside_sqrt': False},
    'RMSpropGraves': {'lr': 1e-4, 'alpha': 0.95, 'momentum': 0.9,
                      'eps': 1e-4},
    'SMORMS3': {'lr': 0.001, 'eps': 1e-16},
    'MSVAG': {'lr': 0.1, 'beta': 0.9, 'eta': 1.0, 'weight_decay_rate': 0},
}
_ADAM_DEFAULTS = {
    'alpha': 0.001, 'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-8, 'eta': 1.0,
    'weight_decay_rate': 0, 'amsgrad': False, 'adabound': False,
    'final_lr': 0.1, 'gamma': 0.001}
DEFAULTS['Adam'] = _ADAM_DEFAULTS
DEFAULTS['AdamW'] = _ADAM_DEFAULTS
DEFAULTS['AMSGrad'] = dict(_ADAM_DEFAULTS, amsgrad=True)
DEFAULTS['AdaBound'] = dict(_ADAM_DEFAULTS, adabound=True)
DEFAULTS['AMSBound'] = dict(_ADAM_DEFAULTS, amsgrad=True, adabound=True)

NAMES = sorted(SPECS)


def _link(array):
    link = chainer.Link()
    with link.init_scope():
        link.w = chainer.Parameter(array)
    return link


def _run(name, hp, p0, grads):
    """Runs the optimizer; returns the final array and the rule's state."""
    link = _link(p0.copy())
    opt = getattr(optimizers, name)(**hp).setup(link)
    array = link.w.array
    for g in grads:
        link.w.grad = g.copy()
        opt.update()
    assert link.w.array is array  # updated in place
    assert link.w.array.dtype == p0.dtype
    assert opt.t == link.w.update_rule.t == len(grads)
    return link.w.array, link.w.update_rule.state


def _reference(name, hp, p0, grads):
    _, step, init, fixed = SPECS[name]
    hp = dict(DEFAULTS[name], **hp)
    hp.update(fixed)
    p = p0.astype(numpy.float64)
    if hp.get('amsgrad'):
        init = dict(init, vhat=0)
    state = {k: numpy.full(p.shape, v, numpy.float64)
             for k, v in init.items()}
    for t, g in enumerate(grads, 1):
        p = step(p, g.astype(numpy.float64), state, t, hp)
    return p, state


@st.composite
def _problem(draw, name, dtype, elements):
    hp = draw(st.fixed_dictionaries(SPECS[name][0]))
    shape = draw(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0,
                                  max_side=4))
    arrays = hnp.arrays(dtype, shape, elements=elements)
    p0 = draw(arrays)
    grads = draw(st.lists(arrays, min_size=1, max_size=4))
    return hp, p0, grads


def _signed(low, high):
    # Magnitudes in [low, high] with either sign (away from 0, where the
    # adaptive methods are ill-conditioned in low precision).
    return st.builds(lambda m, s: m * s, st.floats(low, high, width=32),
                     st.sampled_from([-1.0, 1.0]))


@pytest.mark.parametrize('name', NAMES)
@hypothesis.given(data=st.data())
def test_matches_reference_float64(name, data):
    hp, p0, grads = data.draw(_problem(
        name, numpy.float64, st.floats(-2, 2, width=64)))
    actual, state = _run(name, hp, p0, grads)
    expected, expected_state = _reference(name, hp, p0, grads)
    numpy.testing.assert_allclose(actual, expected, rtol=1e-7, atol=1e-9)
    assert set(state) == set(expected_state)
    for key in expected_state:
        numpy.testing.assert_allclose(
            state[key], expected_state[key], rtol=1e-7, atol=1e-9,
            err_msg=key)


@pytest.mark.parametrize('name', NAMES)
@hypothesis.settings(max_examples=5)
@hypothesis.given(data=st.data())
def test_matches_reference_float32(name, data):
    hp, p0, grads = data.draw(_problem(
        name, numpy.float32, _signed(0.125, 2)))
    actual, state = _run(name, hp, p0, grads)
    expected, _ = _reference(name, hp, p0, grads)
    numpy.testing.assert_allclose(actual, expected, rtol=1e-3, atol=1e-4)
    for value in state.values():
        assert value.dtype == numpy.float32


@pytest.mark.parametrize('name, hp', [
    ('SGD', {}), ('MomentumSGD', {}), ('AdaGrad', {'lr': 0.01}),
    ('Adam', {'alpha': 0.01}), ('AMSGrad', {'alpha': 0.01})])
def test_float16_keeps_dtype_and_tracks_reference(name, hp):
    # Adam computes in float32 for float16 parameters.
    rng = numpy.random.RandomState(0)
    p0 = rng.uniform(-1, 1, (3, 4)).astype(numpy.float16)
    grads = [rng.uniform(-1, 1, (3, 4)).astype(numpy.float16)
             for _ in range(3)]
    actual, state = _run(name, hp, p0, grads)
    expected, _ = _reference(name, hp, p0, grads)
    assert actual.dtype == numpy.float16
    numpy.testing.assert_allclose(actual, expected, rtol=1e-2, atol=1e-2)


@pytest.mark.parametrize('name', NAMES)
def test_defaults(name):
    opt = getattr(optimizers, name)()
    assert opt.hyperparam.get_dict() == DEFAULTS[name]
    for key, value in DEFAULTS[name].items():
        assert getattr(opt, key) == value  # HyperparameterProxy


@pytest.mark.parametrize('name', NAMES)
def test_rule_falls_back_to_optimizer_hyperparam(name):
    link = _link(numpy.zeros(2, numpy.float32))
    opt = getattr(optimizers, name)().setup(link)
    rule = link.w.update_rule
    assert rule.hyperparam.parent is opt.hyperparam
    key = sorted(DEFAULTS[name])[0]
    setattr(opt.hyperparam, key, 0.123)
    assert getattr(rule.hyperparam, key) == 0.123


def test_module_exports_exactly_the_fifteen_optimizers():
    found = sorted(
        name for name in dir(optimizers)
        if isinstance(getattr(optimizers, name), type)
        and issubclass(getattr(optimizers, name), chainer.Optimizer))
    assert found == NAMES
    for name in NAMES:
        assert issubclass(getattr(optimizers, name), chainer.GradientMethod)


@pytest.mark.parametrize('name', NAMES)
def test_uninitialized_and_gradless_parameters_are_left_alone(name):
    link = chainer.Link()
    with link.init_scope():
        link.u = chainer.Parameter()  # uninitialized
        link.w = chainer.Parameter(numpy.ones(3, numpy.float32))
    opt = getattr(optimizers, name)().setup(link)
    link.cleargrads()
    opt.update()  # w gets a zero gradient, u stays uninitialized
    numpy.testing.assert_array_equal(link.w.grad, numpy.zeros(3))
    assert link.u.array is None
    assert link.w.update_rule.t == 1


@pytest.mark.parametrize('name', NAMES)
def test_pickle_round_trip_continues_identically(name):
    rng = numpy.random.RandomState(1)
    link = _link(rng.uniform(-1, 1, (2, 3)).astype(numpy.float32))
    opt = getattr(optimizers, name)().setup(link)
    link.w.grad = rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)
    opt.update()
    clone = pickle.loads(pickle.dumps(opt))
    grad = rng.uniform(-1, 1, (2, 3)).astype(numpy.float32)
    for o in (opt, clone):
        o.target.w.grad = grad.copy()
        o.update()
    numpy.testing.assert_array_equal(clone.target.w.array, link.w.array)


def test_adam_lr_is_undefined_before_the_first_step():
    opt = optimizers.Adam().setup(_link(numpy.zeros(1, numpy.float32)))
    message = ('Can\'t determine the learning rate of Adam optimizer '
               'because the update steps have not been started.')
    with pytest.raises(RuntimeError) as e:
        opt.alpha_t
    assert str(e.value) == message
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        with pytest.raises(RuntimeError, match='update steps have not been'):
            opt.lr
    assert w[0].category is DeprecationWarning


def test_adam_lr_after_steps():
    link = _link(numpy.zeros(1, numpy.float32))
    opt = optimizers.Adam(alpha=0.1, beta1=0.5, beta2=0.75).setup(link)
    link.w.grad = numpy.ones(1, numpy.float32)
    opt.update()
    opt.update()
    expected = 0.1 * math.sqrt(1 - 0.75 ** 2) / (1 - 0.5 ** 2)
    assert opt.alpha_t == pytest.approx(expected)
    assert link.w.update_rule.alpha_t == pytest.approx(expected)
    with pytest.warns(DeprecationWarning):
        assert opt.lr == pytest.approx(expected)


def test_adabound_bounds_follow_alpha_changes():
    link = _link(numpy.zeros(1, numpy.float32))
    opt = optimizers.AdaBound(alpha=0.01, final_lr=0.1, gamma=0.5)
    opt.setup(link)
    rule = link.w.update_rule
    with pytest.raises(RuntimeError, match='bounds of AdaBound'):
        rule.bounds
    rule.t = 2
    assert rule.bounds == pytest.approx((0.1 * (1 - 1 / 2.), 0.1 * 2))
    opt.alpha = 0.02  # final_lr scales with alpha
    assert rule.bounds == pytest.approx((0.2 * (1 - 1 / 2.), 0.2 * 2))


def test_adam_amsgrad_values():
    # vhat keeps the running maximum of v.
    link = _link(numpy.zeros(4, numpy.float32))
    opt = optimizers.Adam(alpha=0.01, beta2=0.7, amsgrad=True).setup(link)
    link.w.grad = numpy.array([1, -1, 10, -10], numpy.float32)
    opt.update()
    link.w.grad = numpy.array([-10, -10, -1, -1], numpy.float32)
    opt.update()
    state = link.w.update_rule.state
    numpy.testing.assert_allclose(state['v'], [30.21, 30.21, 21.3, 21.3],
                                  rtol=1e-6)
    numpy.testing.assert_allclose(state['vhat'], [30.21, 30.21, 30, 30],
                                  rtol=1e-6)


def test_rmsprop_eps_too_small_for_dtype():
    link = _link(numpy.zeros(2, numpy.float16))
    opt = optimizers.RMSprop(eps=1e-8).setup(link)
    link.w.grad = numpy.ones(2, numpy.float16)
    with pytest.raises(ValueError) as e:
        opt.update()
    assert str(e.value) == (
        'eps of RMSprop optimizer is too small for float16 (1e-08)')


def test_msvag_zero_gradient_gives_no_nan():
    link = _link(numpy.ones(3, numpy.float32))
    opt = optimizers.MSVAG().setup(link)
    link.w.grad = numpy.zeros(3, numpy.float32)
    opt.update()
    numpy.testing.assert_array_equal(link.w.array, numpy.ones(3))


@pytest.mark.parametrize('name', NAMES)
def test_rule_keyword_overrides(name):
    # The rule classes accept each hyperparameter as a keyword; a given one
    # is set on the rule itself, the others fall back to the parent.
    opt = getattr(optimizers, name)()
    rule_class = type(opt.create_update_rule())
    key = sorted(DEFAULTS[name])[0]
    rule = rule_class(opt.hyperparam, **{key: 0.5})
    assert getattr(rule.hyperparam, key) == 0.5
    assert rule.hyperparam.parent is opt.hyperparam
    # Without a parent, a rule falls back to the module defaults (plain
    # Adam's for the Adam variants).
    defaults = DEFAULTS[rule_class.__name__[:-len('Rule')]]
    assert rule_class().hyperparam.get_dict() == defaults


@pytest.mark.gpu
@pytest.mark.parametrize('name', NAMES)
def test_gpu_matches_cpu(name):
    import cupy
    rng = numpy.random.RandomState(0)
    p0 = rng.uniform(-1, 1, (3, 4))
    grads = [rng.uniform(-1, 1, (3, 4)) for _ in range(3)]
    expected, expected_state = _run(name, {}, p0, grads)

    link = _link(cupy.asarray(p0))
    opt = getattr(optimizers, name)().setup(link)
    array = link.w.array
    for g in grads:
        link.w.grad = cupy.asarray(g)
        opt.update()
    assert link.w.array is array
    numpy.testing.assert_allclose(cupy.asnumpy(array), expected, rtol=1e-10)
    for key, value in link.w.update_rule.state.items():
        assert isinstance(value, cupy.ndarray)
        numpy.testing.assert_allclose(
            cupy.asnumpy(value), expected_state[key], rtol=1e-10)

"""CPU-vs-GPU consistency checks shared by the GPU tests and their dry run.

Every check runs the same computation on ``@numpy`` and on ``@cupy:0`` from
the same host data, asserts that the GPU results live on the GPU (CuPy arrays
on device 0, same dtypes and shapes), and compares the values within the
tolerances of ``tests/helpers/gradients.py``. They use whatever ``cupy``
chainer_lite finds: the real one on a GPU machine, the strict fake of
``tests/gpu/strict_cupy`` in the dry run.
"""
import copy
import os

import numpy

import chainer_lite as chainer
import chainer_lite.functions as F
import chainer_lite.links as L
from chainer_lite import backend
from chainer_lite import gradient_check
from chainer_lite.backends import cuda
from chainer_lite import optimizers
from helpers import gradients

GPU = '@cupy:0'


def cpu_device():
    return chainer.get_device('@numpy')


def gpu_device():
    return chainer.get_device(GPU)


def assert_on_gpu(array, what):
    """``array`` is a CuPy array on device 0."""
    assert isinstance(array, cuda.ndarray), (
        '{} is a {}, not a CuPy array'.format(what, type(array).__name__))
    assert array.device.id == 0, (what, array.device)


def assert_on_cpu(array, what):
    assert isinstance(array, numpy.ndarray), (
        '{} is a {}, not a NumPy array'.format(what, type(array).__name__))


def _tolerance(dtype, check, overrides):
    options = gradients.tolerance(dtype, check, overrides)
    options.pop('eps', None)
    return options


def _flatten(outputs):
    if isinstance(outputs, (list, tuple)):
        return [y for o in outputs for y in _flatten(o)]
    return [outputs]


def _as_variable(y):
    return y if isinstance(y, chainer.Variable) else chainer.Variable(y)


def _run_case(case, host_inputs, device):
    """Runs one case on ``device``; returns host copies of the results.

    Every output and gradient is first checked to live on ``device``.

    Returns:
        dict: ``forward`` (output arrays), ``grads`` and ``grads2``
        (gradients and second-order gradients w.r.t. the differentiable
        inputs; None where an input got none), as NumPy arrays; the
        gradient entries only where the case checks them.
    """
    on_gpu = device.xp is not numpy
    check_placement = assert_on_gpu if on_gpu else assert_on_cpu
    arrays = [device.send(a) for a in host_inputs]
    args = [chainer.Variable(a) if spec.differentiable else a
            for spec, a in zip(case.inputs, arrays)]
    diff_inputs = [a for spec, a in zip(case.inputs, args)
                   if spec.differentiable]
    kwargs = {'device': device} if case.device_arg else {}
    rng = numpy.random.RandomState(1)
    result = {}
    with chainer.using_config('train', case.train):
        outputs = [_as_variable(y)
                   for y in _flatten(case.func(*args, **kwargs))]
        for k, y in enumerate(outputs):
            check_placement(y.array, 'output {}'.format(k))
        result['forward'] = [backend.CpuDevice().send(y.array)
                             for y in outputs]
        if not case.backward:
            return result
        ys = [y for y in outputs
              if y.dtype.kind == 'f' and y.creator_node is not None]
        gys = [chainer.Variable(device.send(
            rng.uniform(-1, 1, y.shape).astype(y.dtype))) for y in ys]
        gxs = chainer.grad(ys, diff_inputs, grad_outputs=gys,
                           enable_double_backprop=case.double)
        for k, gx in enumerate(gxs):
            if gx is not None:
                check_placement(gx.array, 'gradient {}'.format(k))
        result['grads'] = [None if gx is None else
                           backend.CpuDevice().send(gx.array) for gx in gxs]
        if not case.double:
            return result
        terms = []
        for gx in gxs:
            if gx is not None:
                gg = device.send(
                    rng.uniform(-1, 1, gx.shape).astype(gx.dtype))
                terms.append(F.sum(gx * gg))
        if not terms or all(t.creator_node is None for t in terms):
            return result
        total = terms[0]
        for t in terms[1:]:
            total = total + t
        g2s = chainer.grad([total], diff_inputs)
        for k, g in enumerate(g2s):
            if g is not None:
                check_placement(g.array, 'second-order gradient {}'.format(k))
        result['grads2'] = [None if g is None else
                            backend.CpuDevice().send(g.array) for g in g2s]
    return result


def _compare(name, cpu_arrays, gpu_arrays, dtype, check, case):
    assert len(cpu_arrays) == len(gpu_arrays), name
    for k, (c, g) in enumerate(zip(cpu_arrays, gpu_arrays)):
        what = '{} {} of {}'.format(name, k, case.id)
        if c is None or g is None:
            assert c is None and g is None, (
                '{}: None on one device only (cpu: {}, gpu: {})'.format(
                    what, c is None, g is None))
            continue
        assert c.shape == g.shape, (what, c.shape, g.shape)
        assert c.dtype == g.dtype, (what, c.dtype, g.dtype)
        if case.random:
            if g.dtype.kind == 'f':
                assert numpy.isfinite(g).all(), what
            continue
        if c.dtype.kind in 'biu':
            numpy.testing.assert_array_equal(c, g, err_msg=what)
        else:
            numpy.testing.assert_allclose(
                c, g, err_msg=what,
                **_tolerance(dtype, check, case.tolerances))


def _scipy_available():
    try:
        import scipy.special  # NOQA
        return True
    except ImportError:
        return False


def check_case(case, dtype, cpu_reference=None):
    """Runs a case on CPU and GPU and compares everything.

    Args:
        cpu_reference (bool): Whether the CPU can run the case; by default,
            unless the case needs SciPy and SciPy is missing. Without it,
            the GPU results are checked on their own (placement, and the
            gradients against numerical ones).
    """
    if cpu_reference is None:
        cpu_reference = not case.scipy or _scipy_available()
    rng = numpy.random.RandomState(0)
    host = [spec.build(rng, dtype) for spec in case.inputs]
    if not cpu_reference:
        _check_gpu_alone(case, host, dtype)
        return
    cpu = _run_case(case, host, cpu_device())
    gpu = _run_case(case, host, gpu_device())
    assert sorted(cpu) == sorted(gpu), (sorted(cpu), sorted(gpu))
    _compare('output', cpu['forward'], gpu['forward'], dtype, 'forward',
             case)
    if 'grads' in cpu:
        _compare('gradient', cpu['grads'], gpu['grads'], dtype, 'backward',
                 case)
    if 'grads2' in cpu:
        _compare('second-order gradient', cpu['grads2'], gpu['grads2'],
                 dtype, 'double_backward', case)


def _check_gpu_alone(case, host, dtype):
    # No CPU result to compare with: the GPU forward must run on the GPU,
    # and its backward agree with numerical differences of its forward.
    device = gpu_device()
    result = _run_case(case, host, device)
    if not case.backward:
        return
    diff = [k for k, spec in enumerate(case.inputs) if spec.differentiable]
    const = {k: device.send(a) for k, a in enumerate(host)
             if k not in diff}

    def func(*xs):
        args = [None] * len(host)
        for k, x in zip(diff, xs):
            args[k] = x
        for k, a in const.items():
            args[k] = a
        with chainer.using_config('train', case.train):
            outs = [_as_variable(y) for y in _flatten(case.func(*args))]
        return tuple(y for y in outs if y.dtype.kind == 'f')

    rng = numpy.random.RandomState(1)
    gys = [device.send(rng.uniform(-1, 1, y.shape).astype(y.dtype))
           for y in result['forward'] if y.dtype.kind == 'f']
    gradient_check.check_backward(
        func, tuple(device.send(host[k]) for k in diff), tuple(gys),
        dtype=numpy.float64,
        **gradients.tolerance(dtype, 'backward', case.tolerances))


# ------------------------------------------------------------------ models

class SmallMLP(chainer.Chain):

    def __init__(self):
        super(SmallMLP, self).__init__()
        with self.init_scope():
            self.l1 = L.Linear(6, 8)
            self.l2 = L.Linear(8, 3)

    def forward(self, x):
        return self.l2(F.relu(self.l1(x)))


class SmallCNN(chainer.Chain):

    def __init__(self):
        super(SmallCNN, self).__init__()
        with self.init_scope():
            self.conv = L.Convolution2D(2, 4, 3, pad=1)
            self.bn = L.BatchNormalization(4)
            self.fc = L.Linear(4 * 3 * 3, 3)

    def forward(self, x):
        h = F.max_pooling_2d(F.relu(self.bn(self.conv(x))), 2)
        return self.fc(h)


class SmallLSTM(chainer.Chain):

    def __init__(self, n_vocab=7):
        super(SmallLSTM, self).__init__()
        with self.init_scope():
            self.embed = L.EmbedID(n_vocab, 5)
            self.lstm = L.LSTM(5, 6)
            self.out = L.Linear(6, n_vocab)

    def forward(self, xs):
        # xs: (steps, batch) int32; returns the summed per-step losses.
        self.lstm.reset_state()
        loss = 0
        for x, t in zip(xs[:-1], xs[1:]):
            loss += F.softmax_cross_entropy(self.out(self.lstm(
                self.embed(x))), t)
        return loss


def _model_data(name, rng):
    if name == 'mlp':
        return (rng.uniform(-1, 1, (10, 6)).astype(numpy.float32),
                rng.randint(0, 3, 10).astype(numpy.int32))
    if name == 'cnn':
        return (rng.uniform(-1, 1, (4, 2, 6, 6)).astype(numpy.float32),
                rng.randint(0, 3, 4).astype(numpy.int32))
    return (rng.randint(0, 7, (5, 3)).astype(numpy.int32),)


MODELS = {'mlp': SmallMLP, 'cnn': SmallCNN, 'lstm': SmallLSTM}
ADAM_ALPHA = 0.01
OPTIMIZERS = {
    'sgd': lambda: optimizers.SGD(lr=0.1),
    'adam': lambda: optimizers.Adam(alpha=ADAM_ALPHA),
}


def _loss(model, name, batch):
    if name == 'lstm':
        return model(batch[0])
    x, t = batch
    return F.softmax_cross_entropy(model(x), t)


def _train(model, optimizer, name, batches, device):
    losses = []
    for batch in batches:
        batch = [device.send(a) for a in batch]
        loss = _loss(model, name, batch)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        losses.append(float(backend.CpuDevice().send(loss.array)))
    return losses


def check_training(model_name, optimizer_name, transfer, steps=3):
    """Trains copies of one model on CPU and GPU; compares losses and
    parameters after ``steps`` updates.

    Args:
        transfer (str): How the GPU copy is moved: ``'to_gpu'`` or
            ``'to_device'`` (``'@cupy:0'``).
    """
    numpy.random.seed(0)
    cpu_model = MODELS[model_name]()
    gpu_model = copy.deepcopy(cpu_model)
    if transfer == 'to_gpu':
        assert gpu_model.to_gpu() is gpu_model
    else:
        assert gpu_model.to_device(GPU) is gpu_model
    for name, param in gpu_model.namedparams():
        assert_on_gpu(param.array, name)
    assert gpu_model.device == gpu_device()

    rng = numpy.random.RandomState(1)
    batches = [_model_data(model_name, rng) for _ in range(steps)]
    cpu_opt = OPTIMIZERS[optimizer_name]().setup(cpu_model)
    gpu_opt = OPTIMIZERS[optimizer_name]().setup(gpu_model)
    cpu_losses = _train(cpu_model, cpu_opt, model_name, batches, cpu_device())
    gpu_losses = _train(gpu_model, gpu_opt, model_name, batches, gpu_device())
    numpy.testing.assert_allclose(cpu_losses, gpu_losses, rtol=1e-4,
                                  atol=1e-5)

    for (name, p_cpu), (_, p_gpu) in zip(sorted(cpu_model.namedparams()),
                                         sorted(gpu_model.namedparams())):
        assert_on_gpu(p_gpu.array, name)
        assert_on_gpu(p_gpu.grad, name + ' grad')
        _assert_params_close(name, p_cpu.array, p_gpu.array,
                             optimizer_name, steps)
        for key, state in p_gpu.update_rule.state.items():
            assert_on_gpu(state, '{} state {}'.format(name, key))
    for (name, v_cpu), (_, v_gpu) in zip(_persistents(cpu_model),
                                         _persistents(gpu_model)):
        if isinstance(v_cpu, numpy.ndarray):
            assert_on_gpu(v_gpu, name)
            numpy.testing.assert_allclose(v_cpu, cuda.to_cpu(v_gpu),
                                          atol=1e-5, rtol=1e-4, err_msg=name)


def _persistents(model):
    # (path, value) of every persistent value of the model's links, sorted.
    return sorted(
        (path + '/' + name, getattr(link, name))
        for path, link in model.namedlinks()
        for name in link._persistent)


def _assert_params_close(name, cpu, gpu, optimizer_name, steps):
    gpu = cuda.to_cpu(gpu)
    if optimizer_name != 'adam':
        numpy.testing.assert_allclose(cpu, gpu, atol=1e-5, rtol=1e-4,
                                      err_msg=name)
        return
    # Adam's first steps move each weight by about +-alpha whatever the
    # gradient's size, so a gradient within rounding of zero may step
    # either way: all weights stay within steps * 2 * alpha, and nearly
    # all agree closely.
    diff = numpy.abs(cpu - gpu)
    assert diff.max() <= steps * 2 * ADAM_ALPHA, (name, diff.max())
    close = diff <= 1e-5 + 1e-4 * numpy.abs(cpu)
    assert close.mean() >= 0.99, (name, close.mean())


# ------------------------------------------------------ transfers and I/O

def check_serializers(tmpdir):
    """save_npz from a GPU model; load_npz into GPU and CPU models."""
    numpy.random.seed(0)
    model = SmallCNN().to_device(GPU)
    model(cuda.to_gpu(numpy.ones((2, 2, 6, 6), numpy.float32)))  # BN stats
    optimizer = optimizers.Adam().setup(model)
    loss = F.sum(model(cuda.to_gpu(numpy.ones((2, 2, 6, 6), numpy.float32))))
    model.cleargrads()
    loss.backward()
    optimizer.update()

    path = os.path.join(str(tmpdir), 'model.npz')
    chainer.serializers.save_npz(path, model)
    opt_path = os.path.join(str(tmpdir), 'optimizer.npz')
    chainer.serializers.save_npz(opt_path, optimizer)

    numpy.random.seed(1)
    gpu_copy = SmallCNN().to_device(GPU)
    chainer.serializers.load_npz(path, gpu_copy)
    cpu_copy = SmallCNN()
    chainer.serializers.load_npz(path, cpu_copy)
    expected = dict(model.namedparams())
    for name, p in gpu_copy.namedparams():
        assert_on_gpu(p.array, name)
        numpy.testing.assert_array_equal(cuda.to_cpu(p.array),
                                         cuda.to_cpu(expected[name].array))
    for name, p in cpu_copy.namedparams():
        assert_on_cpu(p.array, name)
        numpy.testing.assert_array_equal(p.array,
                                         cuda.to_cpu(expected[name].array))
    assert_on_gpu(gpu_copy.bn.avg_mean, 'avg_mean')
    numpy.testing.assert_array_equal(cuda.to_cpu(gpu_copy.bn.avg_mean),
                                     cuda.to_cpu(model.bn.avg_mean))

    # As in Chainer, loaded optimizer states stay on the host until the
    # next update moves them to the parameter's device.
    new_optimizer = optimizers.Adam().setup(gpu_copy)
    chainer.serializers.load_npz(opt_path, new_optimizer)
    assert new_optimizer.t == optimizer.t == 1
    for (name, p_old), (_, p_new) in zip(sorted(model.namedparams()),
                                         sorted(gpu_copy.namedparams())):
        for key, state in p_new.update_rule.state.items():
            numpy.testing.assert_array_equal(
                cuda.to_cpu(state),
                cuda.to_cpu(p_old.update_rule.state[key]))
    loss = F.sum(gpu_copy(cuda.to_gpu(numpy.ones((2, 2, 6, 6),
                                                 numpy.float32))))
    gpu_copy.cleargrads()
    loss.backward()
    new_optimizer.update()
    for name, p in gpu_copy.namedparams():
        assert_on_gpu(p.array, name)
        for key, state in p.update_rule.state.items():
            assert_on_gpu(state, '{} state {}'.format(name, key))


def check_concat_examples():
    from chainer_lite.dataset import concat_examples
    batch = [(numpy.full(3, i, numpy.float32), numpy.int32(i))
             for i in range(4)]
    for device in (GPU, 0, gpu_device()):
        x, t = concat_examples(batch, device=device)
        assert_on_gpu(x, 'x')
        assert_on_gpu(t, 't')
        numpy.testing.assert_array_equal(cuda.to_cpu(t), numpy.arange(4))
    x, t = concat_examples(batch, device=-1)
    assert_on_cpu(x, 'x')
    padded = concat_examples(
        [numpy.ones(2, numpy.float32), numpy.ones(3, numpy.float32)],
        device=GPU, padding=-1)
    assert_on_gpu(padded, 'padded')
    numpy.testing.assert_array_equal(cuda.to_cpu(padded),
                                     [[1, 1, -1], [1, 1, 1]])


def check_standard_updater():
    """One epoch with StandardUpdater(device=...) on CPU and GPU."""
    from chainer_lite import iterators
    from chainer_lite import training
    rng = numpy.random.RandomState(0)
    data = [(rng.uniform(-1, 1, 6).astype(numpy.float32),
             numpy.int32(rng.randint(3))) for _ in range(8)]
    numpy.random.seed(0)
    cpu_model = L.Classifier(SmallMLP())
    gpu_model = copy.deepcopy(cpu_model)
    for model, device in ((cpu_model, '@numpy'), (gpu_model, GPU)):
        optimizer = optimizers.SGD(lr=0.1).setup(model)
        iterator = iterators.SerialIterator(data, 4, shuffle=False)
        updater = training.updaters.StandardUpdater(
            iterator, optimizer, device=device)
        updater.update()
        updater.update()
    assert gpu_model.device == gpu_device()
    for (name, p_cpu), (_, p_gpu) in zip(sorted(cpu_model.namedparams()),
                                         sorted(gpu_model.namedparams())):
        assert_on_gpu(p_gpu.array, name)
        numpy.testing.assert_allclose(
            p_cpu.array, cuda.to_cpu(p_gpu.array), atol=1e-5, rtol=1e-4,
            err_msg=name)


def check_link_transfers():
    numpy.random.seed(0)
    model = SmallCNN()
    host = {name: p.array.copy() for name, p in model.namedparams()}
    assert model.to_gpu() is model
    assert model.xp is cuda.cupy
    for name, p in model.namedparams():
        assert_on_gpu(p.array, name)
    assert_on_gpu(model.bn.avg_var, 'avg_var')
    assert model.to_cpu() is model
    for name, p in model.namedparams():
        assert_on_cpu(p.array, name)
        numpy.testing.assert_array_equal(p.array, host[name])
    model.to_device('@cupy:0')
    assert model.device == gpu_device()
    # A link created uninitialized on the GPU initializes there.
    lazy = L.Linear(3).to_gpu()
    y = lazy(cuda.to_gpu(numpy.ones((2, 4), numpy.float32)))
    assert_on_gpu(lazy.W.array, 'lazy W')
    assert_on_gpu(y.array, 'lazy y')


def check_array_transfers():
    x = numpy.arange(6, dtype=numpy.float32).reshape(2, 3)
    g = cuda.to_gpu(x)
    assert_on_gpu(g, 'to_gpu')
    assert cuda.to_gpu(g) is g
    back = cuda.to_cpu(g)
    assert_on_cpu(back, 'to_cpu')
    numpy.testing.assert_array_equal(back, x)
    pair = cuda.to_gpu([x, None])
    assert pair[1] is None
    assert_on_gpu(pair[0], 'list item')
    assert cuda.to_cpu(None) is None
    assert backend.get_array_module(g) is cuda.cupy
    assert backend.get_device_from_array(g) == gpu_device()

    device = chainer.get_device('@cupy:0')
    assert isinstance(device, backend.GpuDevice)
    assert device.xp is cuda.cupy
    assert device == chainer.get_device(0) == chainer.get_device('0')
    assert str(device) == '@cupy:0'
    assert_on_gpu(device.send(x), 'Device.send')
    with chainer.using_device(device):
        assert cuda.cupy.cuda.Device().id == 0

    v = chainer.Variable(x.copy())
    v.grad = numpy.ones_like(x)
    v.to_device(GPU)
    assert_on_gpu(v.array, 'Variable.array')
    assert_on_gpu(v.grad, 'Variable.grad')
    assert v.device == device
    v.to_cpu()
    assert_on_cpu(v.array, 'Variable.array')
    v.to_gpu()
    assert_on_gpu(v.array, 'Variable.array')

    # F.copy across devices is differentiable both ways.
    xg = chainer.Variable(cuda.to_gpu(x))
    y = F.copy(xg, -1)
    assert_on_cpu(y.array, 'copy to CPU')
    F.sum(y * y).backward()
    assert_on_gpu(xg.grad, 'gradient through F.copy')
    numpy.testing.assert_allclose(cuda.to_cpu(xg.grad), 2 * x)


def check_optimizer_hooks():
    """Optimizer hooks update GPU state with GPU arrays."""
    from chainer_lite import optimizer_hooks
    numpy.random.seed(0)
    cpu_model = SmallMLP()
    gpu_model = copy.deepcopy(cpu_model).to_device(GPU)
    rng = numpy.random.RandomState(0)
    x = rng.uniform(-1, 1, (4, 6)).astype(numpy.float32)
    for model, device in ((cpu_model, cpu_device()), (gpu_model,
                                                      gpu_device())):
        opt = optimizers.MomentumSGD(lr=0.1).setup(model)
        opt.add_hook(optimizer_hooks.WeightDecay(1e-3))
        opt.add_hook(optimizer_hooks.GradientClipping(0.5))
        opt.add_hook(optimizer_hooks.Lasso(1e-3))
        for _ in range(2):
            loss = F.sum(model(device.send(x)) ** 2)
            model.cleargrads()
            loss.backward()
            opt.update()
    for (name, p_cpu), (_, p_gpu) in zip(sorted(cpu_model.namedparams()),
                                         sorted(gpu_model.namedparams())):
        assert_on_gpu(p_gpu.array, name)
        numpy.testing.assert_allclose(
            p_cpu.array, cuda.to_cpu(p_gpu.array), atol=1e-5, rtol=1e-4,
            err_msg=name)

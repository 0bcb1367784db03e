"""A link of random parameters with random gradients, for the hook tests."""
import numpy

import chainer_lite as chainer


def make_link(shapes, dtype=numpy.float32, seed=0):
    """A Link with parameters ``p0``, ``p1``, ... of the given shapes, data
    and gradients uniform in [-3, 3]."""
    rng = numpy.random.RandomState(seed)
    link = chainer.Link()
    with link.init_scope():
        for i, shape in enumerate(shapes):
            param = chainer.Parameter(
                rng.uniform(-3, 3, shape).astype(dtype))
            param.grad = rng.uniform(-3, 3, shape).astype(dtype)
            setattr(link, 'p{}'.format(i), param)
    return link


def sgd_step_with_hook(link, hook, lr=1.0):
    """One SGD update with ``hook`` registered; returns the new arrays."""
    from chainer_lite import optimizers
    opt = optimizers.SGD(lr=lr).setup(link)
    opt.add_hook(hook)
    opt.update()
    return [p.array for p in link.params()]


SHAPES = [(2, 3), (2, 0, 1), ()]


def to_gpu(link):
    """Moves the parameters and gradients of ``link`` to the current GPU."""
    import cupy
    for p in link.params():
        grad = cupy.asarray(p.grad)
        p.array = cupy.asarray(p.array)
        p.grad = grad
    return link

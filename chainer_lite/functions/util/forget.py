"""``forget``: recompute a sub-graph in backward instead of keeping it."""
from chainer_lite import _backprop
from chainer_lite.configuration import using_config
from chainer_lite import function
from chainer_lite import function_node
from chainer_lite import variable

_ORDINAL_SUFFIX = {1: 'st', 2: 'nd', 3: 'rd'}


def _call_func(func, xs):
    """Calls ``func`` and checks that it returned Variable(s); a tuple."""
    outs = func(*xs)
    if isinstance(outs, variable.Variable):
        return (outs,)
    if not isinstance(outs, tuple):
        raise RuntimeError(
            'A tuple of Variables or a Variable are expected, but {} '
            'is returned.'.format(type(outs)))
    for i, out in enumerate(outs):
        if not isinstance(out, variable.Variable):
            n = i + 1
            suffix = _ORDINAL_SUFFIX.get(n if n < 20 else n % 10, 'th')
            raise RuntimeError(
                '{}{} element of a returned tuple is not Variable, but is '
                '{}'.format(n, suffix, type(out)))
    return outs


class Forget(function_node.FunctionNode):

    """Runs ``func`` without a graph; backward runs it again with one."""

    def __init__(self, func):
        if not callable(func):
            raise TypeError('func must be callable')
        self.func = func

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        with function.no_backprop_mode(), \
                using_config('_will_recompute', True):
            outs = _call_func(self.func,
                              [variable.Variable(x) for x in inputs])
        return tuple([out.array for out in outs])

    def backward(self, indexes, grad_outputs):
        from chainer_lite.configuration import config
        if config.enable_backprop:
            raise RuntimeError('double backpropagation in functions.forget is '
                               'not allowed.')
        # Fresh leaves, so that the recomputed graph ends here.
        leaves = tuple([variable.Variable(x.array)
                        for x in self.get_retained_inputs()])
        with function.force_backprop_mode(), \
                using_config('in_recomputing', True):
            outs = _call_func(self.func, leaves)
        assert len(outs) == len(grad_outputs)
        roots = [(out.node, g) for out, g in zip(outs, grad_outputs)
                 if g is not None]
        _backprop._backprop_to_all(roots, False, None)
        return tuple([x.grad_var for x in leaves])


def forget(func, *xs):
    """Calls a function without storing intermediate results.

    In forward, ``func`` runs without building a graph, so its intermediate
    arrays are freed at once; in backward, it runs again (with a graph) to
    compute the gradients. This trades computation for memory. ``func``
    must be deterministic, and double backprop is not supported.

    Args:
        func (callable): A function taking Variables and returning a Variable
            or a tuple of Variables.
        xs (:class:`~chainer.Variable` or :ref:`ndarray`): Its arguments.

    Returns:
        ~chainer.Variable or tuple of ~chainer.Variable: What ``func``
        returns.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> x = chainer.Variable(np.array([1.0, 2.0]))
        >>> y = F.forget(lambda a: F.sum(a * a * a), x)
        >>> y.backward()
        >>> x.grad
        array([ 3., 12.])
    """
    xs = tuple([x if isinstance(x, variable.Variable) else
                variable.Variable(x, requires_grad=True) for x in xs])
    ys = Forget(func).apply(xs)
    if len(ys) == 1:
        return ys[0]
    return ys

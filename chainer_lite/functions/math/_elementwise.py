"""Shared pieces of this category's one-input elementwise functions."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite import variable
from chainer_lite.functions.math import _special
from chainer_lite.utils import type_check


class UnaryElementwise(function_node.FunctionNode):

    """An elementwise function ``y = f(x)`` of one float input ``x``.

    A subclass names the function in ``_func_name`` (its label, and the
    ``numpy``/``cupy`` function computing the forward pass), lists in
    ``_retained`` which of ``'x'`` and ``'y'`` its ``backward`` reads, and
    writes ``backward``. The output keeps the input's dtype.
    """

    _func_name = None
    _retained = ('x',)

    @property
    def label(self):
        return self._func_name

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        x, = inputs
        xp = backend.get_array_module(x)
        if 'x' in self._retained:
            self.retain_inputs((0,))
        if 'y' in self._retained:
            self.retain_outputs((0,))
        return utils.force_array(self._compute(xp, x), dtype=x.dtype),

    def _compute(self, xp, x):
        return getattr(xp, self._func_name)(x)


class SpecialUnaryElementwise(UnaryElementwise):

    """A :class:`UnaryElementwise` computed by a SciPy/CuPy special function.

    ``_special_name`` names it in ``scipy.special`` when that name differs
    from ``_func_name``.
    """

    _special_name = None

    def _compute(self, xp, x):
        return _special.get(self._special_name or self._func_name, xp)(x)


def without_grad(x, func_name):
    """``xp.<func_name>(x)`` as a new variable outside the graph.

    For the piecewise-constant functions (rounding, sign), whose gradient
    is zero almost everywhere: Chainer gives them no backward at all.
    """
    if isinstance(x, variable.Variable):
        x = x.array
    xp = backend.get_array_module(x)
    return variable.as_variable(
        utils.force_array(getattr(xp, func_name)(x), x.dtype))

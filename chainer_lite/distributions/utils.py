"""Helpers shared by the distributions: ``x log x`` extended to ``x = 0``
and the handling of alternative parametrizations."""
import warnings

import chainer_lite
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import where
from chainer_lite.functions.math import exponential
from chainer_lite import utils
from chainer_lite.utils import cache
from chainer_lite.utils import type_check


def _log_of_positive(x):
    # log(x) where x > 0 and 0 elsewhere, so that no NaN or inf appears.
    xp = backend.get_array_module(x)
    ones = xp.ones_like(x.array)
    return exponential.log(
        where.where(utils.force_array(x.array > 0), x, ones))


class ModifiedXLogX(function_node.FunctionNode):

    """``x log x``, continued by its limit 0 at ``x = 0``.

    The derivative ``1 + log x`` diverges at 0; the gradient there is taken
    as 0, with a RuntimeWarning.
    """

    @property
    def label(self):
        return 'modified_xlogx'

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x',))
        type_check.expect(in_types[0].dtype.kind == 'f')

    def forward(self, inputs):
        self.retain_inputs((0,))
        x, = inputs
        xp = backend.get_array_module(x)
        positive = x > 0
        safe_x = xp.where(positive, x, 1)
        y = xp.where(positive, x * xp.log(safe_x), 0)
        return utils.force_array(y, x.dtype),

    def backward(self, indexes, grad_outputs):
        gy, = grad_outputs
        x, = self.get_retained_inputs()
        zero = utils.force_array(x.array == 0)
        if zero.any():
            warnings.warn('cannot calculate gradient for zero input.',
                          RuntimeWarning)
        # 1 + log x written on Variables, so that double backprop works.
        dx = (1 + _log_of_positive(x)) * (~zero).astype(x.dtype)
        return gy * dx,


def _modified_xlogx(x):
    """Computes ``x log x`` elementwise, with value (and gradient) 0 at 0."""
    x = chainer_lite.as_variable(x)
    y, = ModifiedXLogX().apply((x,))
    return y


def _check_exactly_one(first, second, names):
    # Distributions with two parametrizations (``p``/``logit``,
    # ``scale``/``log_scale``) take exactly one of them.
    if (first is None) == (second is None):
        raise ValueError(
            'Either `{}` or `{}` (not both) must have a value.'.format(*names))


def _given_or(value, derive):
    # A parameter as given to the constructor (as a Variable), or, when the
    # other parametrization was given instead, ``derive()``.
    if value is None:
        return derive()
    return chainer_lite.as_variable(value)


def _parameter(name):
    # A cached property giving the constructor argument ``name`` (kept in
    # ``self._args``) as a Variable, so that gradients flow back to it.
    def get(self):
        return chainer_lite.as_variable(self._args[name])
    get.__name__ = get.__qualname__ = name
    return cache.cached_property(get)

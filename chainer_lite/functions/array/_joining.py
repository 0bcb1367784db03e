"""Type checks shared by the functions that join arrays (h/v/dstack...)."""
from chainer_lite.utils import type_check


def name_inputs(in_types):
    """Names the inputs ``x0, x1, ...`` for the messages of later checks."""
    n = type_check.eval(in_types.size())
    type_check._argname(in_types, tuple(['x%d' % i for i in range(n)]))


def expect_joinable(in_types, axis, low_rank, low_rank_axis=None,
                    named=True):
    """Checks that arrays can be joined along ``axis``.

    Every input must match the first in dtype, ndim and all axes but the
    joined one. Inputs with at most ``low_rank`` dimensions are joined along
    ``low_rank_axis`` instead (``None``: along a new axis, so that their
    shapes must agree entirely).

    Args:
        in_types: The input types (at least one is required).
        axis (int): The joined axis of inputs with more than ``low_rank``
            axes.
        low_rank (int): The largest ndim handled by ``low_rank_axis``.
        low_rank_axis (int or None): The joined axis of those inputs.
        named (bool): Name the inputs ``x0, x1, ...`` first.
    """
    type_check.expect(in_types.size() > 0)
    if named:
        name_inputs(in_types)
    first = in_types[0]
    ndim = type_check.eval(first.ndim)
    free = axis if ndim > low_rank else low_rank_axis
    for other in in_types[1:]:
        type_check.expect(
            first.dtype == other.dtype,
            first.ndim == other.ndim,
        )
        if free is None:
            type_check.expect(first.shape == other.shape)
            continue
        for d in range(ndim):
            if d != free:
                type_check.expect(first.shape[d] == other.shape[d])

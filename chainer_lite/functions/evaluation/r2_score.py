"""Coefficient of determination (R^2) of a regression."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class R2_score(function_node.FunctionNode):

    """R^2 score of predictions against true values, per output column."""

    def __init__(self, sample_weight, multioutput):
        if sample_weight is not None:
            raise NotImplementedError()
        if multioutput not in ('uniform_average', 'raw_values'):
            raise ValueError('invalid multioutput argument')
        self.multioutput = multioutput

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('pred', 'true'))
        pred_type, true_type = in_types
        type_check.expect(
            pred_type.dtype.kind == 'f',
            true_type.dtype.kind == 'f'
        )
        type_check.expect(
            pred_type.shape == true_type.shape,
        )

    def forward(self, inputs):
        pred, true = inputs
        xp = backend.get_array_module(pred)
        residual = xp.square(pred - true).sum(axis=0)
        spread = xp.square(true - true.mean(axis=0)).sum(axis=0)
        # A constant column of ``true`` scores 0 rather than dividing by 0.
        varies = spread != 0
        score = xp.where(
            varies, 1 - residual / xp.where(varies, spread, 1), 0.0)
        score = xp.asarray(score).astype(pred.dtype, copy=False)
        if self.multioutput == 'uniform_average':
            score = xp.asarray(score.mean())
        return score,


def r2_score(pred, true, sample_weight=None, multioutput='uniform_average'):
    """Computes the R^2 score of a regression.

    Per output column, :math:`R^2 = 1 - \\sum (t - p)^2 / \\sum (t -
    \\bar{t})^2` (0 for a constant column of ``true``).

    Args:
        pred (:class:`~chainer.Variable` or :ref:`ndarray`): Predictions.
        true (:class:`~chainer.Variable` or :ref:`ndarray`): True values, of
            ``pred``'s shape.
        sample_weight: Unsupported; must be ``None``.
        multioutput (str): ``'uniform_average'`` (the mean over columns) or
            ``'raw_values'`` (one score per column).

    Returns:
        ~chainer.Variable: The score(s), of ``pred``'s dtype. Not
        differentiable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> true = np.array([1., 2., 3.], np.float32)
        >>> F.r2_score(np.array([1., 2., 4.], np.float32), true).array
        array(0.5, dtype=float32)
    """
    return R2_score(sample_weight=sample_weight,
                    multioutput=multioutput).apply((pred, true))[0]

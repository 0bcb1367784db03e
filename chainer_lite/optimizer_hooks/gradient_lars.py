"""Layer-wise adaptive rate scaling (LARS) as an optimizer hook."""
from chainer_lite.optimizer_hooks import _per_param


class GradientLARS(_per_param.PerParameterHook):
    """Hook applying layer-wise adaptive rate scaling to each gradient.

    For a parameter :math:`w` with gradient :math:`g`, when
    :math:`\\|w\\| >` ``threshold`` the gradient becomes

    .. math::

        g \\leftarrow \\frac{\\|w\\|}{\\epsilon + \\|g\\| + \\beta \\|w\\|}
            (g + \\beta w),

    and otherwise :math:`g + \\beta w`, where :math:`\\beta` is
    ``weight_decay``. With SGD or MomentumSGD, ``lr`` plays the role of the
    product of the global learning rate and the LARS coefficient. See
    `Large Batch Training of Convolutional Networks
    <https://arxiv.org/abs/1708.03888>`_.

    Args:
        threshold (float): Weight norm above which the scaling applies.
        weight_decay (float): Coefficient of the weight decay.
        eps (float): Small value for numerical stability.

    Attributes:
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.
        call_for_each_param (bool): ``True``: called as ``hook(rule, param)``
            for each parameter.
    """

    name = 'GradientLARS'

    def __init__(self, threshold=1e-2, weight_decay=0.0, eps=1e-9):
        self.threshold = threshold
        self.weight_decay = weight_decay
        self.eps = eps

    def _adjust(self, rule, param, grad, xp):
        data = param.array
        w_norm, g_norm = xp.linalg.norm(data), xp.linalg.norm(grad)
        # Trust ratio ||w|| / (||g|| + wd ||w||), applied only to weights
        # whose norm exceeds the threshold.
        trust = w_norm / (self.eps + g_norm + self.weight_decay * w_norm)
        factor = xp.where(w_norm > self.threshold, trust, 1.0)
        grad += self.weight_decay * data
        grad *= factor

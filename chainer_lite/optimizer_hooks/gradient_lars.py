"""Layer-wise adaptive rate scaling (LARS) as an optimizer hook."""
from chainer_lite import backend


class GradientLARS(object):
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
    call_for_each_param = True
    timing = 'pre'

    def __init__(self, threshold=1e-2, weight_decay=0.0, eps=1e-9):
        self.threshold = threshold
        self.weight_decay = weight_decay
        self.eps = eps

    def __call__(self, rule, param):
        p, g = param.array, param.grad
        if p is None or g is None:
            return
        xp = backend.get_array_module(p)
        with backend.using_device(param.device):
            p_norm = xp.linalg.norm(p)
            g_norm = xp.linalg.norm(g)
            local_rate = p_norm / (
                self.eps + g_norm + self.weight_decay * p_norm)
            rate = xp.where(p_norm > self.threshold, local_rate, 1.0)
            g += self.weight_decay * p
            g *= rate

"""M-SVAG (momentum stochastic variance-adapted gradient)."""
import numpy

from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.1
_default_hyperparam.beta = 0.9
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0


class MSVAGRule(optimizer.UpdateRule):
    """Update rule of M-SVAG, with decoupled weight decay.

    With bias-corrected moments ``mt``, ``vt`` (decay ``beta``, correction
    ``1 - beta ** t``), the variance estimate ``s = (vt - mt ** 2) / (1 -
    rho)`` and ``rho`` the variance-reduction factor of the moving average
    (at most 0.9999)::

        factor = clip(mt ** 2 / (mt ** 2 + rho * s), 0, 1)  # 0 where NaN
        param -= eta * (lr * mt * factor + weight_decay_rate * param)

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        beta (float): Decay factor of the running means of the gradient and
            of its square.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
        weight_decay_rate (float): Coefficient of the decoupled weight decay.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None,
                 lr=None, beta=None, eta=None, weight_decay_rate=None):
        super(MSVAGRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(
            self.hyperparam, lr=lr, beta=beta, eta=eta,
            weight_decay_rate=weight_decay_rate)
        # beta ** t of the next update.
        self.beta_power = self.hyperparam.beta

    def init_state(self, param):
        self.state['m'] = _util.zeros_like_param(param)
        self.state['v'] = _util.zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        hp = self.hyperparam
        m, v = self.state['m'], self.state['v']
        beta, beta_power = hp.beta, self.beta_power
        rho = (((1.0 - beta) ** 2) * (1.0 - beta_power ** 2)
               / (((1.0 - beta_power) ** 2) * (1.0 - beta ** 2)))
        rho = min(rho, 0.9999)

        work = xp.subtract(grad, m, out=xp.empty_like(grad))
        work *= 1 - beta
        m += work
        xp.multiply(grad, grad, out=work)
        work -= v
        work *= 1 - beta
        v += work

        mt = xp.divide(m, 1 - beta_power, out=xp.empty_like(m))
        mt2 = xp.square(mt, out=xp.empty_like(mt))
        # rho * s = rho / (1 - rho) * (vt - mt2)
        xp.divide(v, 1 - beta_power, out=work)
        work -= mt2
        work *= rho / (1 - rho)
        work += mt2
        with numpy.errstate(divide='ignore', invalid='ignore'):
            xp.divide(mt2, work, out=work)  # 0 / 0 = NaN becomes 0 below
        factor = work
        xp.clip(factor, 0, 1, out=factor)
        xp.copyto(factor, 0, where=xp.isnan(factor))

        factor *= mt
        factor *= hp.lr
        data = param.array
        if hp.weight_decay_rate != 0:
            factor += hp.weight_decay_rate * data
        factor *= hp.eta
        data -= factor
        self.beta_power *= beta

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class MSVAG(optimizer.GradientMethod):
    """M-SVAG optimizer (`Dissecting Adam: The Sign, Magnitude and Variance
    of Stochastic Gradients <https://arxiv.org/abs/1705.07774>`_), with the
    decoupled weight decay of AdamW (``eta``, ``weight_decay_rate``).

    Args:
        lr (float): Learning rate.
        beta (float): Decay factor of the running means of the gradient and
            of its square.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
        weight_decay_rate (float): Coefficient of the decoupled weight decay.
    """

    def __init__(self,
                 lr=_default_hyperparam.lr,
                 beta=_default_hyperparam.beta,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(MSVAG, self).__init__()
        _util.assign_hyperparams(
            self.hyperparam, lr=lr, beta=beta, eta=eta,
            weight_decay_rate=weight_decay_rate)

    lr = optimizer.HyperparameterProxy('lr')
    beta = optimizer.HyperparameterProxy('beta')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')

    def create_update_rule(self):
        return MSVAGRule(self.hyperparam)

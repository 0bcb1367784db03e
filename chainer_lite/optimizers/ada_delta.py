"""AdaDelta."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.rho = 0.95
_default_hyperparam.eps = 1e-6


class AdaDeltaRule(optimizer.UpdateRule):
    """Update rule of AdaDelta.

    With running averages ``msg`` of the squared gradient and ``msdx`` of
    the squared step::

        msg = rho * msg + (1 - rho) * grad ** 2
        dx = sqrt((msdx + eps) / (msg + eps)) * grad
        msdx = rho * msdx + (1 - rho) * dx ** 2
        param -= dx

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        rho (float): Decay factor of both running means (squared gradient
            and squared step).
        eps (float): Offset that keeps the denominator away from zero.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None, rho=None, eps=None):
        super(AdaDeltaRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(self.hyperparam, rho=rho, eps=eps)

    def init_state(self, param):
        self.state['msg'] = _util.zeros_like_param(param)
        self.state['msdx'] = _util.zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        rho, eps = self.hyperparam.rho, self.hyperparam.eps
        msg, msdx = self.state['msg'], self.state['msdx']

        work = xp.multiply(grad, grad, out=xp.empty_like(grad))
        work *= 1 - rho
        msg *= rho
        msg += work

        dx = xp.add(msg, eps, out=xp.empty_like(msg))
        xp.add(msdx, eps, out=work)
        xp.divide(work, dx, out=dx)
        xp.sqrt(dx, out=dx)
        dx *= grad

        xp.multiply(dx, dx, out=work)
        work *= 1 - rho
        msdx *= rho
        msdx += work

        data = param.array
        data -= dx

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class AdaDelta(optimizer.GradientMethod):
    """AdaDelta optimizer (`arXiv:1212.5701
    <https://arxiv.org/abs/1212.5701>`_).

    Args:
        rho (float): Decay factor of both running means (squared gradient
            and squared step).
        eps (float): Offset that keeps the denominator away from zero.
    """

    def __init__(self, rho=_default_hyperparam.rho,
                 eps=_default_hyperparam.eps):
        super(AdaDelta, self).__init__()
        _util.assign_hyperparams(self.hyperparam, rho=rho, eps=eps)

    rho = optimizer.HyperparameterProxy('rho')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaDeltaRule(self.hyperparam)

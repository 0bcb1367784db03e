"""AdaGrad."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-8


class AdaGradRule(optimizer.UpdateRule):
    """Update rule of AdaGrad:
    ``h += grad ** 2; param -= lr * grad / (sqrt(h) + eps)``.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        eps (float): Offset that keeps the denominator away from zero.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(AdaGradRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(self.hyperparam, lr=lr, eps=eps)

    def init_state(self, param):
        self.state['h'] = _util.zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        hp = self.hyperparam
        h = self.state['h']
        work = xp.multiply(grad, grad, out=xp.empty_like(grad))
        h += work
        xp.sqrt(h, out=work)
        work += hp.eps
        xp.divide(grad, work, out=work)
        work *= hp.lr
        data = param.array
        data -= work

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class AdaGrad(optimizer.GradientMethod):
    """AdaGrad optimizer (`Duchi et al., 2011
    <https://jmlr.org/papers/v12/duchi11a.html>`_).

    Args:
        lr (float): Learning rate.
        eps (float): Offset that keeps the denominator away from zero.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(AdaGrad, self).__init__()
        _util.assign_hyperparams(self.hyperparam, lr=lr, eps=eps)

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return AdaGradRule(self.hyperparam)

"""RMSprop."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.01
_default_hyperparam.alpha = 0.99
_default_hyperparam.eps = 1e-8
_default_hyperparam.eps_inside_sqrt = False


class RMSpropRule(optimizer.UpdateRule):
    """Update rule of RMSprop::

        ms = alpha * ms + (1 - alpha) * grad ** 2
        param -= lr * grad / (sqrt(ms) + eps)    # sqrt(ms + eps) if
                                                 # eps_inside_sqrt

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        alpha (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Small value for numerical stability; a value that
            rounds to zero in the gradient's dtype is an error.
        eps_inside_sqrt (bool): Add ``eps`` inside the square root (as some
            other frameworks do) instead of after it.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None, lr=None, alpha=None, eps=None,
                 eps_inside_sqrt=None):
        super(RMSpropRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(
            self.hyperparam, lr=lr, alpha=alpha, eps=eps,
            eps_inside_sqrt=eps_inside_sqrt)

    def init_state(self, param):
        self.state['ms'] = _util.zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        hp = self.hyperparam
        eps = grad.dtype.type(hp.eps)
        if hp.eps != 0 and eps == 0:
            raise ValueError(
                'eps of RMSprop optimizer is too small for {} ({})'.format(
                    grad.dtype.name, hp.eps))
        ms = self.state['ms']
        work = xp.multiply(grad, grad, out=xp.empty_like(grad))
        work *= 1 - hp.alpha
        ms *= hp.alpha
        ms += work
        if hp.eps_inside_sqrt:
            xp.add(ms, eps, out=work)
            xp.sqrt(work, out=work)
        else:
            xp.sqrt(ms, out=work)
            work += eps
        xp.divide(grad, work, out=work)
        work *= hp.lr
        data = param.array
        data -= work

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class RMSprop(optimizer.GradientMethod):
    """RMSprop optimizer (Tieleman and Hinton, Neural Networks for Machine
    Learning, lecture 6.5).

    Args:
        lr (float): Learning rate.
        alpha (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Offset that keeps the denominator away from zero.
        eps_inside_sqrt (bool): Divide by ``sqrt(ms + eps)`` instead of
            ``sqrt(ms) + eps``.
    """

    def __init__(self, lr=_default_hyperparam.lr,
                 alpha=_default_hyperparam.alpha, eps=_default_hyperparam.eps,
                 eps_inside_sqrt=_default_hyperparam.eps_inside_sqrt):
        super(RMSprop, self).__init__()
        _util.assign_hyperparams(
            self.hyperparam, lr=lr, alpha=alpha, eps=eps,
            eps_inside_sqrt=eps_inside_sqrt)

    lr = optimizer.HyperparameterProxy('lr')
    alpha = optimizer.HyperparameterProxy('alpha')
    eps = optimizer.HyperparameterProxy('eps')
    eps_inside_sqrt = optimizer.HyperparameterProxy('eps_inside_sqrt')

    def create_update_rule(self):
        return RMSpropRule(self.hyperparam)

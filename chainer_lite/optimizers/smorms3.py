"""SMORMS3 (Simon Funk's squared-mean-over-root-mean-squared cubed)."""
from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.lr = 0.001
_default_hyperparam.eps = 1e-16


class SMORMS3Rule(optimizer.UpdateRule):
    """Update rule of SMORMS3::

        r = 1 / (mem + 1)
        g = (1 - r) * g + r * grad
        g2 = (1 - r) * g2 + r * grad ** 2
        x = g ** 2 / (g2 + eps)
        param -= grad * min(lr, x) / (sqrt(g2) + eps)
        mem = 1 + mem * (1 - x)

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        lr (float): Learning rate.
        eps (float): Offset that keeps the denominator away from zero.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None, lr=None, eps=None):
        super(SMORMS3Rule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(self.hyperparam, lr=lr, eps=eps)

    def init_state(self, param):
        xp = param.xp
        self.state['mem'] = xp.ones_like(param.array)
        self.state['g'] = xp.zeros_like(param.array)
        self.state['g2'] = xp.zeros_like(param.array)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        lr, eps = self.hyperparam.lr, self.hyperparam.eps
        mem, g, g2 = (self.state[k] for k in ('mem', 'g', 'g2'))

        r = xp.add(mem, 1, out=xp.empty_like(mem))
        xp.reciprocal(r, out=r)
        # (1 - r) * a + r * b, computed in place as a += r * (b - a).
        work = xp.subtract(grad, g, out=xp.empty_like(grad))
        work *= r
        g += work
        xp.multiply(grad, grad, out=work)
        work -= g2
        work *= r
        g2 += work

        x = r  # r is no longer needed
        xp.multiply(g, g, out=x)
        xp.add(g2, eps, out=work)
        x /= work

        xp.sqrt(g2, out=work)
        work += eps
        xp.divide(grad, work, out=work)
        work *= xp.minimum(x, lr)
        data = param.array
        data -= work

        xp.subtract(1, x, out=x)
        mem *= x
        mem += 1

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu


class SMORMS3(optimizer.GradientMethod):
    """SMORMS3 optimizer (`Simon Funk's post
    <https://sifter.org/~simon/journal/20150420.html>`_).

    Args:
        lr (float): Learning rate.
        eps (float): Offset that keeps the denominator away from zero.
    """

    def __init__(self, lr=_default_hyperparam.lr, eps=_default_hyperparam.eps):
        super(SMORMS3, self).__init__()
        _util.assign_hyperparams(self.hyperparam, lr=lr, eps=eps)

    lr = optimizer.HyperparameterProxy('lr')
    eps = optimizer.HyperparameterProxy('eps')

    def create_update_rule(self):
        return SMORMS3Rule(self.hyperparam)

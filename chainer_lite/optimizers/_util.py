"""Helpers shared by the built-in update rules."""
from chainer_lite import optimizer


def set_hyperparams(hyperparam, **values):
    """Sets the entries of ``values`` that are not ``None`` on
    ``hyperparam`` (the others keep falling back to the parent)."""
    for name, value in values.items():
        if value is not None:
            setattr(hyperparam, name, value)


def assign_hyperparams(hyperparam, **values):
    """Sets every entry of ``values`` on ``hyperparam``, ``None`` included
    (the optimizers' own constructors take their arguments literally)."""
    for name, value in values.items():
        setattr(hyperparam, name, value)


def zeros_like_param(param):
    """A zero array like the parameter's data (same device and dtype)."""
    return param.xp.zeros_like(param.array)


class VelocityRule(optimizer.UpdateRule):
    """Base of the update rules that keep a velocity ``v`` and take ``lr``
    and ``momentum`` (momentum SGD and its variants).

    Subclasses set ``_default_hyperparam`` (the fallback when no parent is
    given) and implement ``_step(data, grad, v, lr, momentum)``, which
    updates ``v`` and ``data`` in place; the same array operations serve
    NumPy and CuPy.
    """

    is_elementwise = True
    _default_hyperparam = None

    def __init__(self, parent_hyperparam=None, lr=None, momentum=None):
        super(VelocityRule, self).__init__(
            parent_hyperparam or self._default_hyperparam)
        set_hyperparams(self.hyperparam, lr=lr, momentum=momentum)

    def init_state(self, param):
        self.state['v'] = zeros_like_param(param)

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        hp = self.hyperparam
        self._step(param.array, grad, self.state['v'], hp.lr, hp.momentum)

    def update_core_gpu(self, param):
        self.update_core_cpu(param)


class VelocityMethod(optimizer.GradientMethod):
    """Base of the optimizers built on a :class:`VelocityRule`; subclasses
    set ``_rule_class``, give ``__init__`` their documented defaults and
    declare the ``lr`` and ``momentum`` proxies on themselves (Chainer's
    classes carry them in their own ``__dict__``)."""

    _rule_class = None

    def __init__(self, lr, momentum):
        super(VelocityMethod, self).__init__()
        assign_hyperparams(self.hyperparam, lr=lr, momentum=momentum)

    def create_update_rule(self):
        return self._rule_class(self.hyperparam)

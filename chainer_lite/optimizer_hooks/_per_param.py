"""Base of the optimizer hooks that adjust each parameter's gradient."""
from chainer_lite import backend


class PerParameterHook(object):
    # Called by the optimizer as ``hook(rule, param)`` for every parameter
    # before the update. A subclass implements ``_adjust(rule, param, grad,
    # xp)``, which changes ``grad`` in place; it runs on the parameter's
    # device and is skipped when the gradient (or, if ``needs_data``, the
    # parameter array) is missing.

    call_for_each_param = True
    timing = 'pre'
    needs_data = True

    def __call__(self, rule, param):
        grad = param.grad
        if grad is None or (self.needs_data and param.array is None):
            return
        with backend.using_device(param.device):
            self._adjust(
                rule, param, grad, backend.get_array_module(grad))

    def _adjust(self, rule, param, grad, xp):
        raise NotImplementedError

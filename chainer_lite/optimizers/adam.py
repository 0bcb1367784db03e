"""Adam and its variants AdamW, AMSGrad, AdaBound and AMSBound."""
import math
import warnings

import numpy

from chainer_lite import backend
from chainer_lite import optimizer
from chainer_lite.optimizers import _util

_default_hyperparam = optimizer.Hyperparameter()
_default_hyperparam.alpha = 0.001
_default_hyperparam.beta1 = 0.9
_default_hyperparam.beta2 = 0.999
_default_hyperparam.eps = 1e-8
_default_hyperparam.eta = 1.0
_default_hyperparam.weight_decay_rate = 0
_default_hyperparam.amsgrad = False
_default_hyperparam.adabound = False
_default_hyperparam.final_lr = 0.1
_default_hyperparam.gamma = 1e-3


def _learning_rate(hp, t):
    # Bias-corrected step size alpha * sqrt(1 - beta2^t) / (1 - beta1^t).
    if t == 0:
        raise RuntimeError(
            'Can\'t determine the learning rate of Adam optimizer '
            'because the update steps have not been started.')
    return hp.alpha * math.sqrt(1. - hp.beta2 ** t) / (1. - hp.beta1 ** t)


def _intermediate_dtype(dtype):
    # float16 parameters are updated with float32 intermediates.
    if dtype == numpy.float16:
        return numpy.dtype(numpy.float32)
    return numpy.dtype(dtype)


class AdamRule(optimizer.UpdateRule):
    """Update rule of Adam and its variants.

    With ``alpha_t = alpha * sqrt(1 - beta2 ** t) / (1 - beta1 ** t)``::

        m += (1 - beta1) * (grad - m)
        v += (1 - beta2) * (grad ** 2 - v)
        vhat = max(vhat, v) if amsgrad else v
        step = alpha_t / (sqrt(vhat) + eps)     # clipped to the AdaBound
                                                # bounds if adabound
        param -= eta * (step * m + weight_decay_rate * param)

    float16 parameters are updated with float32 intermediates.

    Args:
        parent_hyperparam (~chainer.optimizer.Hyperparameter): Where the
            hyperparameters not passed here are looked up.
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
        weight_decay_rate (float): Coefficient of the decoupled (AdamW)
            weight decay.
        amsgrad (bool): If ``True``, divide by the running maximum of the
            second moment (AMSGrad).
        adabound (bool): If ``True``, clip the per-element step into the
            AdaBound corridor.
        final_lr (float): Learning rate the AdaBound corridor shrinks to.
        gamma (float): How fast the AdaBound corridor closes.
    """

    is_elementwise = True

    def __init__(self, parent_hyperparam=None,
                 alpha=None, beta1=None, beta2=None, eps=None,
                 eta=None, weight_decay_rate=None, amsgrad=None,
                 adabound=None, final_lr=None, gamma=None):
        super(AdamRule, self).__init__(
            parent_hyperparam or _default_hyperparam)
        _util.set_hyperparams(
            self.hyperparam, alpha=alpha, beta1=beta1, beta2=beta2, eps=eps,
            eta=eta, weight_decay_rate=weight_decay_rate, amsgrad=amsgrad,
            adabound=adabound, final_lr=final_lr, gamma=gamma)
        if self.hyperparam.adabound:
            # final_lr follows later changes of alpha in proportion.
            self.initial_alpha = self.hyperparam.alpha

    def init_state(self, param):
        self.state['m'] = _util.zeros_like_param(param)
        self.state['v'] = _util.zeros_like_param(param)
        if self.hyperparam.amsgrad:
            self.state['vhat'] = _util.zeros_like_param(param)

    def _check_eps(self, dtype):
        hp = self.hyperparam
        if hp.eps != 0 and dtype.type(hp.eps) == 0:
            raise ValueError(
                'eps of Adam optimizer is too small for {} ({})'.format(
                    dtype.name, hp.eps))

    def update_core_cpu(self, param):
        grad = param.grad
        if grad is None:
            return
        xp = backend.get_array_module(grad)
        hp = self.hyperparam
        dtype = _intermediate_dtype(param.dtype)
        self._check_eps(dtype)
        grad = grad.astype(dtype, copy=False)
        m, v = self.state['m'], self.state['v']

        work = xp.subtract(grad, m, out=xp.empty_like(grad))
        work *= 1.0 - hp.beta1
        m += work
        xp.multiply(grad, grad, out=work)
        work -= v
        work *= 1.0 - hp.beta2
        v += work

        if hp.amsgrad:
            vhat = self.state['vhat']
            xp.maximum(vhat, v, out=vhat)
        else:
            vhat = v
        step = work
        xp.sqrt(vhat, out=step)
        step += hp.eps
        xp.divide(self.alpha_t, step, out=step)
        if hp.adabound:
            lower, upper = self.bounds
            xp.clip(step, lower, upper, out=step)

        step *= m
        step *= hp.eta
        data = param.array
        decay = 1.0 - hp.eta * hp.weight_decay_rate
        if decay != 1.0:
            data *= decay
        data -= step

    # The array operations above are the same for NumPy and CuPy.
    update_core_gpu = update_core_cpu

    @property
    def alpha_t(self):
        """Bias-corrected step size of the current step ``t``."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        """Deprecated alias of :attr:`alpha_t`."""
        warnings.warn(
            'AdamRule.lr has been renamed to AdamRule.alpha_t. '
            'Use of AdamRule.lr is deprecated in Chainer v6.',
            DeprecationWarning)
        return self.alpha_t

    @property
    def bounds(self):
        """Lower and upper bounds of the AdaBound step at step ``t``."""
        if self.t == 0:
            raise RuntimeError(
                'Can\'t determine the bounds of AdaBound optimizer '
                'because the update steps have not been started.')
        hp = self.hyperparam
        # The target rate scales with alpha relative to its initial value.
        target = hp.final_lr * hp.alpha / self.initial_alpha
        gt = hp.gamma * self.t
        return target * (1.0 - 1.0 / (gt + 1)), target * (1.0 + 1.0 / gt)


class Adam(optimizer.GradientMethod):
    """Adam optimizer (`arXiv:1412.6980 <https://arxiv.org/abs/1412.6980>`_).

    The flags select variants: ``weight_decay_rate`` and ``eta`` give the
    decoupled weight decay of AdamW (`Fixing Weight Decay Regularization in
    Adam <https://openreview.net/forum?id=rk6qdGgCZ>`_), ``amsgrad`` AMSGrad
    (`On the Convergence of Adam and Beyond
    <https://openreview.net/forum?id=ryQu7f-RZ>`_), ``adabound`` AdaBound
    and both flags AMSBound (`Adaptive Gradient Methods with Dynamic Bound
    of Learning Rate <https://openreview.net/forum?id=Bkg3g2R9FX>`_). With
    the defaults it is plain Adam.

    Args:
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
        weight_decay_rate (float): Coefficient of the decoupled weight decay.
        amsgrad (bool): If ``True``, divide by the running maximum of the
            second moment (AMSGrad).
        adabound (bool): If ``True``, clip the per-element step into the
            AdaBound corridor.
        final_lr (float): Learning rate the AdaBound corridor shrinks to.
        gamma (float): How fast the AdaBound corridor closes.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.array([1.0], np.float32))
        >>> opt = optimizers.Adam(alpha=0.1).setup(link)
        >>> link.w.grad = np.array([5.0], np.float32)
        >>> opt.update()
        >>> link.w.array.round(6)  # the first step is alpha * sign(grad)
        array([0.9], dtype=float32)
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate,
                 amsgrad=_default_hyperparam.amsgrad,
                 adabound=_default_hyperparam.adabound,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma):
        super(Adam, self).__init__()
        _util.assign_hyperparams(
            self.hyperparam, alpha=alpha, beta1=beta1, beta2=beta2, eps=eps,
            eta=eta, weight_decay_rate=weight_decay_rate, amsgrad=amsgrad,
            adabound=adabound, final_lr=final_lr, gamma=gamma)

    alpha = optimizer.HyperparameterProxy('alpha')
    beta1 = optimizer.HyperparameterProxy('beta1')
    beta2 = optimizer.HyperparameterProxy('beta2')
    eps = optimizer.HyperparameterProxy('eps')
    eta = optimizer.HyperparameterProxy('eta')
    weight_decay_rate = optimizer.HyperparameterProxy('weight_decay_rate')
    amsgrad = optimizer.HyperparameterProxy('amsgrad')
    adabound = optimizer.HyperparameterProxy('adabound')
    final_lr = optimizer.HyperparameterProxy('final_lr')
    gamma = optimizer.HyperparameterProxy('gamma')

    def create_update_rule(self):
        return AdamRule(self.hyperparam)

    @property
    def alpha_t(self):
        """Bias-corrected step size at the optimizer's step ``t``."""
        return _learning_rate(self.hyperparam, self.t)

    @property
    def lr(self):
        """Deprecated alias of :attr:`alpha_t` (an error while ``t == 0``).
        """
        warnings.warn(
            'Adam.lr has been renamed to AdamRule.alpha_t. '
            'Use of Adam.lr is deprecated in Chainer v6.',
            DeprecationWarning)
        return self.alpha_t


class AdamW(Adam):
    """AdamW optimizer: :class:`Adam` with decoupled weight decay.

    Args:
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
        weight_decay_rate (float): Coefficient of the decoupled weight decay.
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta,
                 weight_decay_rate=_default_hyperparam.weight_decay_rate):
        super(AdamW, self).__init__(
            alpha, beta1, beta2, eps, eta, weight_decay_rate=weight_decay_rate)


class AMSGrad(Adam):
    """AMSGrad optimizer: :class:`Adam` with ``amsgrad=True``.

    Args:
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AMSGrad, self).__init__(
            alpha, beta1, beta2, eps, eta, amsgrad=True)


class AdaBound(Adam):
    """AdaBound optimizer: :class:`Adam` with ``adabound=True``.

    Args:
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        final_lr (float): Learning rate the corridor shrinks to.
        gamma (float): How fast the corridor closes.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AdaBound, self).__init__(
            alpha, beta1, beta2, eps, eta, adabound=True, final_lr=final_lr,
            gamma=gamma)


class AMSBound(Adam):
    """AMSBound optimizer: :class:`Adam` with ``amsgrad=True`` and
    ``adabound=True``.

    Args:
        alpha (float): Base step size.
        beta1 (float): Decay factor of the running mean of the gradient.
        beta2 (float): Decay factor of the running mean of the squared
            gradient.
        final_lr (float): Learning rate the corridor shrinks to.
        gamma (float): How fast the corridor closes.
        eps (float): Offset that keeps the denominator away from zero.
        eta (float): Multiplier of the whole step (a knob for schedules such
            as warm restarts).
    """

    def __init__(self,
                 alpha=_default_hyperparam.alpha,
                 beta1=_default_hyperparam.beta1,
                 beta2=_default_hyperparam.beta2,
                 final_lr=_default_hyperparam.final_lr,
                 gamma=_default_hyperparam.gamma,
                 eps=_default_hyperparam.eps,
                 eta=_default_hyperparam.eta):
        super(AMSBound, self).__init__(
            alpha, beta1, beta2, eps, eta, amsgrad=True, adabound=True,
            final_lr=final_lr, gamma=gamma)

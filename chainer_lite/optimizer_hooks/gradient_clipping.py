"""Gradient clipping by the global L2 norm as an optimizer hook."""
import numpy

from chainer_lite import backend


def _sum_sqnorm_grads(params):
    # Sum of the squared gradients and the device it lives on. With one
    # device the sum stays a device array (no host synchronization); with
    # several, per-device sums are added on the host and the device is None.
    per_device = {}
    for param in params:
        device = param.device
        entry = per_device.get(device.name)
        if entry is None:
            entry = per_device[device.name] = [device, []]
        entry[1].append(param.grad)

    sums = []
    for device, grads in per_device.values():
        with backend.using_device(device):
            total = None
            for g in grads:
                g = g.ravel()
                sq = g.dot(g)
                total = sq if total is None else total + sq
            sums.append(total)
    if len(sums) == 1:
        return sums[0], params[0].device
    return sum(float(s) for s in sums), None


class GradientClipping(object):
    """Hook scaling all gradients so that their global L2 norm is at most
    ``threshold``.

    Args:
        threshold (float): Largest allowed global L2 norm.

    Attributes:
        threshold (float): Largest allowed global L2 norm.
        timing (str): ``'pre'`` (before the update, default) or ``'post'``.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> from chainer import optimizer_hooks, optimizers
        >>> link = chainer.Link()
        >>> with link.init_scope():
        ...     link.w = chainer.Parameter(np.zeros(2, np.float32))
        >>> opt = optimizers.SGD(lr=1.0).setup(link)
        >>> opt.add_hook(optimizer_hooks.GradientClipping(1.0))
        >>> link.w.grad = np.array([3.0, 4.0], np.float32)
        >>> opt.update()
        >>> link.w.array
        array([-0.6, -0.8], dtype=float32)
    """

    name = 'GradientClipping'
    timing = 'pre'

    def __init__(self, threshold):
        self.threshold = threshold

    def __call__(self, opt):
        params = [p for p in opt.target.params(False) if p.grad is not None]
        if not params:
            return
        sqnorm, device = _sum_sqnorm_grads(params)
        if device is None:
            device = backend.CpuDevice()
        with backend.using_device(device):
            rate = self.threshold / device.xp.sqrt(sqnorm)
            if device.xp is numpy:
                if rate >= 1:
                    return
            else:
                # Clip on the device instead of comparing on the host, which
                # would synchronize.
                rate = rate.clip(None, 1)
        for param in params:
            with backend.using_device(param.device):
                grad = param.grad
                grad *= rate

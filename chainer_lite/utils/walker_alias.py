"""Walker's alias method: O(1) sampling from a discrete distribution."""
import numpy

from chainer_lite import device_resident


class WalkerAlias(device_resident.DeviceResident):

    """Samples indices ``i`` with probability proportional to ``probs[i]``.

    Walker's alias method splits the distribution into ``n`` equally likely
    buckets, each holding at most two outcomes, so that one uniform number
    picks a bucket and the side of its split. Setting up the table costs
    O(n) and each sample O(1), far cheaper than :func:`numpy.random.choice`
    for repeated draws. Works on CPU and GPU (see :meth:`to_device`).

    Args:
        probs (sequence of float): Non-negative weights; they are normalized
            by their sum.

    Attributes:
        threshold (ndarray): ``float32`` split point of each bucket.
        values (ndarray): ``int32`` pairs ``(own, alias)`` of each bucket,
            flattened.

    Example:

        >>> import numpy as np
        >>> from chainer import utils
        >>> sampler = utils.WalkerAlias([0.0, 1.0, 3.0])
        >>> s = sampler.sample((1000,))
        >>> s.dtype, s.shape, bool((s != 0).all())
        (dtype('int32'), (1000,), True)
    """

    def __init__(self, probs):
        super(WalkerAlias, self).__init__()
        scaled = numpy.array(probs, numpy.float64)
        n = len(scaled)
        scaled *= n / scaled.sum()
        threshold = numpy.ones(n, numpy.float64)
        alias = numpy.arange(n)
        small = [i for i in range(n) if scaled[i] < 1.0]
        large = [i for i in range(n) if scaled[i] >= 1.0]
        # Fill each under-full bucket with the excess of an over-full one.
        while small and large:
            s = small.pop()
            g = large.pop()
            threshold[s] = scaled[s]
            alias[s] = g
            scaled[g] -= 1.0 - scaled[s]
            (small if scaled[g] < 1.0 else large).append(g)
        # Whatever is left is full up to rounding error.
        self.threshold = threshold.astype(numpy.float32)
        self.values = numpy.stack(
            [numpy.arange(n), alias], axis=1).ravel().astype(numpy.int32)

    @property
    def use_gpu(self):
        """Whether the tables live on a CUDA device (CuPy)."""
        xp = self.device.xp
        if xp is numpy:
            return False
        if xp.__name__ == 'cupy':
            return True
        raise RuntimeError(
            'WalkerAlias.use_gpu attribute is only applicable for numpy or '
            'cupy devices. Use WalkerAlias.device attribute for general '
            'devices.')

    def device_resident_accept(self, visitor):
        super().device_resident_accept(visitor)
        # The two lookup tables move with the object.
        for name in ('threshold', 'values'):
            setattr(self, name, visitor.visit_array(getattr(self, name)))

    def sample(self, shape):
        """Draws samples.

        Args:
            shape (tuple of int): Shape of the result.

        Returns:
            ndarray: ``int32`` indices, on the sampler's device.
        """
        device = self.device
        xp = device.xp
        if xp is numpy:
            return self.sample_xp(numpy, shape)
        import chainer_lite
        with chainer_lite.using_device(device):
            return self.sample_xp(xp, shape)

    def sample_xp(self, xp, shape):
        """Draws samples with the array module ``xp``.

        Args:
            xp: :mod:`numpy` or :mod:`cupy`.
            shape (tuple of int): Shape of the result.

        Returns:
            ndarray: ``int32`` indices.
        """
        n = len(self.threshold)
        u = xp.random.uniform(0, n, shape)
        # uniform(0, n) can round up to n itself.
        bucket = xp.minimum(u.astype(numpy.int32), n - 1)
        fraction = (u - bucket).astype(self.threshold.dtype)
        # '<=' so that an outcome of weight 0 (threshold 0) is never drawn.
        use_alias = (self.threshold[bucket] <= fraction).astype(numpy.int32)
        return self.values[bucket * 2 + use_alias]

    def sample_gpu(self, shape):
        """Draws samples on the GPU (the tables must be CuPy arrays)."""
        from chainer_lite.backends import cuda
        return self.sample_xp(cuda.cupy, shape)

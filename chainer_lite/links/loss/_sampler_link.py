"""Base of the loss links that draw negative samples from the vocabulary."""
import numpy

from chainer_lite import link
from chainer_lite.utils import walker_alias


class SamplerLink(link.Link):
    # Holds ``sampler``, a WalkerAlias over the word frequencies; the sampler
    # keeps its tables on the link's device.

    def _set_sampler(self, weights):
        self.sampler = walker_alias.WalkerAlias(weights)

    def device_resident_accept(self, visitor):
        super(SamplerLink, self).device_resident_accept(visitor)
        self.sampler.device_resident_accept(visitor)


def frequencies(counts, dtype, power=None):
    """The sampling weights ``counts ** power`` as an array of ``dtype``."""
    weights = numpy.array(counts, dtype)
    if power is not None:
        numpy.power(weights, weights.dtype.type(power), out=weights)
    return weights

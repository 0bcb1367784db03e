"""L.Parameter: a link holding one array as its parameter ``W``."""
from chainer_lite import backend
from chainer_lite.functions.math import identity
from chainer_lite import link


class Parameter(link.Link):
    """Link holding a single parameter ``W`` and returning it when called.

    Not to be confused with :class:`chainer.Parameter`, the variable class.

    Args:
        array (:ref:`ndarray`): The initial array (used as is, not
            copied); the link lives on its device.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> p = L.Parameter(np.ones(3, np.float32))
        >>> p().array
        array([1., 1., 1.], dtype=float32)
    """

    def __init__(self, array):
        super(Parameter, self).__init__()
        # Registered uninitialized, then given the very array (no copy).
        self.add_param('W', shape=array.shape, dtype=array.dtype)
        self.W.array = array
        device = backend.get_device_from_array(array)
        if not isinstance(device, backend.CpuDevice):
            self.to_device(device)

    def forward(self, volatile='off'):
        """Returns the parameter through an identity function.

        Args:
            volatile: Ignored (kept for compatibility with Chainer v1).

        Returns:
            ~chainer.Variable: A variable whose creator reads ``W``.
        """
        # Two identities, as in Chainer v1 where the flag could cut the
        # graph; ``volatile`` is only recorded on the intermediate variable.
        copy = identity.identity(self.W)
        copy.volatile = volatile
        return identity.identity(copy)

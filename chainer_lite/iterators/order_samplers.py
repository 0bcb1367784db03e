"""Order samplers: they choose the order of examples for each epoch."""
import numpy


class OrderSampler(object):
    """Base class of order samplers.

    An iterator calls its order sampler at the start of every epoch to get
    the order in which the examples of that epoch are visited.
    """

    def __call__(self, current_order, current_position):
        """Returns the order of the next epoch.

        Args:
            current_order (numpy.ndarray): The current order (a 1-d array of
                indices, as long as the dataset).
            current_position (int): The iterator's position in it.

        Returns:
            numpy.ndarray: The next order, a 1-d array of indices of the
            same length.
        """
        raise NotImplementedError


class ShuffleOrderSampler(OrderSampler):
    """Order sampler that shuffles the examples every epoch.

    It draws ``random_state.permutation(len(order))``; without a
    ``random_state`` it uses NumPy's global generator, so
    ``numpy.random.seed`` makes the orders reproducible.

    Args:
        random_state (numpy.random.RandomState): Generator to draw from;
            ``None`` means the global one of :mod:`numpy.random`.

    Example:

        >>> import numpy
        >>> from chainer import iterators
        >>> sampler = iterators.ShuffleOrderSampler(
        ...     numpy.random.RandomState(0))
        >>> sorted(sampler(numpy.arange(4), 0).tolist())
        [0, 1, 2, 3]
    """

    def __init__(self, random_state=None):
        if random_state is None:
            # The RandomState object behind numpy.random's functions.
            random_state = numpy.random.random.__self__
        self._random = random_state

    def __call__(self, current_order, current_position):
        return self._random.permutation(len(current_order))

"""The position bookkeeping shared by the iterators, as a pure function."""
import collections

import numpy


# The position of an iterator; ``order`` is None for index order.
IteratorState = collections.namedtuple(
    'IteratorState', ['current_position', 'epoch', 'is_new_epoch', 'order'])

# Serialization keys of the first three fields (also attribute names).
_POSITION_KEYS = IteratorState._fields[:3]


def guess_previous_epoch_detail(epoch, position, batch_size, epoch_size):
    """Rebuilds ``previous_epoch_detail`` for snapshots that lack it.

    Full batches are assumed; ``-1`` (none) is returned at the very start.
    """
    if epoch == 0 and position == 0:
        return -1.
    return max(epoch + (position - batch_size) / epoch_size, 0.)


def iterator_statemachine(state, batch_size, repeat, order_sampler,
                          dataset_len):
    """Advances an iterator state by one batch.

    Args:
        state (IteratorState): The current state; ``order`` is ``None``
            when examples are visited in index order.
        batch_size (int): Number of examples in a batch.
        repeat (bool): Whether to go on after the first epoch.
        order_sampler (callable): Called as ``order_sampler(order,
            position)`` at the end of each epoch to get the next order
            (only when ``order`` is not ``None``).
        dataset_len (int): Length of the dataset.

    Returns:
        tuple: ``(new_state, indices)``, where ``indices`` is an integer
        array of the examples of the batch, or ``None`` when a
        non-repeating iterator is exhausted.
    """
    position, epoch, _, order = state

    if not repeat and epoch > 0:
        return state, None

    n = dataset_len if order is None else len(order)
    if repeat and n == 0:
        raise ValueError('Epoch size must be positive for an iterator '
                         'that repeats.')

    def take(start, stop):
        if order is None:
            return numpy.arange(start, stop, dtype=numpy.intp)
        return order[start:stop]

    pieces = []
    end = position + batch_size
    is_new_epoch = False
    # A batch may reach the end of the epoch, or (with a batch larger than
    # the dataset) wrap around it several times.
    while end >= n:
        pieces.append(take(position, n))
        if order is not None:
            new_order = order_sampler(order, position)
            if len(new_order) != len(order):
                raise ValueError('The size of order does not match '
                                 'the size of the previous order.')
            order = new_order
        epoch += 1
        is_new_epoch = True
        position = 0
        if not repeat:
            end = 0
            break
        end -= n
    pieces.append(take(position, end))

    return (IteratorState(end, epoch, is_new_epoch, order),
            numpy.concatenate(pieces))


def resolve_order_sampler(shuffle, order_sampler):
    """Returns the order sampler an iterator uses, from its two options.

    ``shuffle=None`` means "use ``order_sampler``, or shuffle if there is
    none"; ``True``/``False`` choose shuffling or index order and exclude a
    custom sampler. ``None`` as the result means index order.
    """
    # Imported here: order_samplers is a sibling module of the package that
    # imports this one.
    from chainer_lite.iterators.order_samplers import ShuffleOrderSampler

    if shuffle is not None:
        if order_sampler is not None:
            raise ValueError('`shuffle` is not `None` and a custom '
                             '`order_sampler` is set. Please set '
                             '`shuffle` to `None` to use the custom '
                             'order sampler.')
        return ShuffleOrderSampler() if shuffle else None
    if order_sampler is None:
        return ShuffleOrderSampler()
    return order_sampler


class EpochBookkeeping(object):
    """Epoch properties of an iterator whose position is ``self._state``.

    ``self._previous_epoch_detail`` holds ``-1`` for "none yet" (snapshots
    store ``-1`` because some serializers cannot store ``None``).
    """

    @property
    def current_position(self):
        return self._state.current_position

    @property
    def epoch(self):
        return self._state.epoch

    @property
    def is_new_epoch(self):
        return self._state.is_new_epoch

    @property
    def epoch_detail(self):
        done_in_epoch = self.current_position / self._epoch_size
        return self.epoch + done_in_epoch

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    @property
    def _epoch_size(self):
        order = self._state.order
        if order is None:
            return len(self.dataset)
        return len(order)

    def _initial_order(self):
        if self.order_sampler is None:
            return None
        return self.order_sampler(numpy.arange(len(self.dataset)), 0)

    def _guess_previous_epoch_detail(self):
        return guess_previous_epoch_detail(
            self.epoch, self.current_position, self.batch_size,
            self._epoch_size)

    def _serialize_position(self, serializer):
        # Saves or restores current_position, epoch and is_new_epoch;
        # returns the three (restored) values.
        return [serializer(key, getattr(self, key))
                for key in _POSITION_KEYS]

    def _serialize_previous_epoch_detail(self, serializer):
        # Call after the position is restored: a snapshot of an old version
        # lacks the value, which is then guessed from the position.
        try:
            return serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            return self._guess_previous_epoch_detail()

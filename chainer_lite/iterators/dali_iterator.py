"""DaliIterator: iterates over the batches of an NVIDIA DALI pipeline."""
import importlib.util

from chainer_lite.dataset import iterator
from chainer_lite.iterators import _statemachine
from chainer_lite import utils


def _check_dali_available():
    if importlib.util.find_spec('nvidia') is None or \
            importlib.util.find_spec('nvidia.dali') is None:
        raise RuntimeError(
            'DaliIterator requires NVIDIA DALI (the nvidia.dali package), '
            'which is not installed. Install DALI for your CUDA version, or '
            'use SerialIterator, MultithreadIterator or MultiprocessIterator '
            'instead.')


class DaliIterator(iterator.Iterator):
    """(Experimental) Iterator over the batches of a DALI pipeline.

    The pipeline is built on the first ``next()``; each ``next()`` returns
    ``pipeline.run()``. The epoch size is the pipeline's
    ``epoch_size()``, and the batch size the pipeline's ``batch_size``.

    Args:
        pipeline (nvidia.dali.pipeline.Pipeline): The DALI pipeline.
        repeat (bool): Loop over the data forever; otherwise stop at the end
            of the first epoch.

    Raises:
        RuntimeError: NVIDIA DALI is not installed.
    """

    def __init__(self, pipeline, repeat=True):
        _check_dali_available()
        utils.experimental('DaliIterator')
        self.pipeline = pipeline
        self._repeat = repeat
        self._is_build = False
        self.epoch_size = 1  # the real size is known once built
        self.reset()

    def __next__(self):
        if not self._is_build:
            self.pipeline.build()
            self._is_build = True
            # The pipeline reports the size of each of its readers.
            sizes = self.pipeline.epoch_size()
            self.epoch_size = next(iter(sizes.values()))

        if not self._repeat and self.epoch > 0:
            raise StopIteration

        self._previous_epoch_detail = self.epoch_detail

        end = self.current_position + self.batch_size
        if end >= self.epoch_size:
            self.current_position = \
                end - self.epoch_size if self._repeat else 0
            self.epoch += 1
            self.is_new_epoch = True
        else:
            self.current_position = end
            self.is_new_epoch = False

        return self.pipeline.run()

    next = __next__

    @property
    def batch_size(self):
        return self.pipeline.batch_size

    @property
    def epoch_detail(self):
        return self.epoch + float(self.current_position) / self.epoch_size

    @property
    def previous_epoch_detail(self):
        if self._previous_epoch_detail < 0:
            return None
        return self._previous_epoch_detail

    def serialize(self, serializer):
        """Saves or restores the position (keys ``current_position``,
        ``epoch``, ``is_new_epoch``, ``previous_epoch_detail``).
        """
        for key in _statemachine._POSITION_KEYS:
            setattr(self, key, serializer(key, getattr(self, key)))
        try:
            self._previous_epoch_detail = serializer(
                'previous_epoch_detail', self._previous_epoch_detail)
        except KeyError:
            self._previous_epoch_detail = \
                _statemachine.guess_previous_epoch_detail(
                    self.epoch, self.current_position, self.batch_size,
                    self.epoch_size)

    def reset(self):
        """Rewinds the iterator to the start of the first epoch."""
        self.current_position = 0
        self.epoch = 0
        self.is_new_epoch = False
        self._previous_epoch_detail = -1.

    @property
    def repeat(self):
        return self._repeat

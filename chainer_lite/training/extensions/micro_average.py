"""Extension reporting a ratio of sums accumulated over an interval."""
from chainer_lite import reporter
from chainer_lite.training import extension
from chainer_lite.training import util


class MicroAverage(extension.Extension):
    """Extension reporting the micro-average ``sum(n_i) / sum(d_i)``.

    At each iteration it adds the reported numerator (e.g. the number of
    correct predictions of the batch) and denominator (the batch size);
    when ``trigger`` fires it reports their ratio under ``result_key`` and
    starts again. Unlike the mean of per-batch ratios, batches of unequal
    size weigh correctly.

    Args:
        numerator_key (str): Key of the reported numerator.
        denominator_key (str): Key of the reported denominator.
        result_key (str): Key to report the ratio under.
        trigger: When to report, e.g. ``(1, 'epoch')``.

    Example:

        >>> from chainer.training import extensions
        >>> ext = extensions.MicroAverage(
        ...     'main/correct', 'main/total', 'main/accuracy')
    """

    priority = extension.PRIORITY_EDITOR

    def __init__(self, numerator_key, denominator_key, result_key,
                 trigger=(1, 'epoch')):
        self._trigger = util.get_trigger(trigger)
        self._input_keys = (numerator_key, denominator_key)
        self._result_key = result_key
        # Running sums of the numerator and the denominator.
        self._sums = [0, 0]

    def __call__(self, trainer):
        observation = trainer.observation
        # Iterations that report neither value (or only one) are skipped.
        if not all(key in observation for key in self._input_keys):
            return
        self._sums = [total + observation[key] for total, key
                      in zip(self._sums, self._input_keys)]
        if self._trigger(trainer):
            numerator, denominator = self._sums
            self._sums = [0, 0]
            reporter.report({self._result_key: float(numerator) / denominator})

    def serialize(self, serializer):
        self._sums = [serializer(key, total) for key, total in
                      zip(('_numerator', '_denominator'), self._sums)]

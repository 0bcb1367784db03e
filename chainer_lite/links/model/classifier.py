"""L.Classifier: a predictor with a loss and an accuracy, reported."""
from chainer_lite.functions.evaluation import accuracy
from chainer_lite.functions.loss import softmax_cross_entropy
from chainer_lite import link
from chainer_lite import reporter


def _pop_label(key, args, kwargs):
    # Takes the labels out of the call arguments: ``args[key]`` for an int
    # key, ``kwargs[key]`` (removed from the dict) for a str key.
    if isinstance(key, str):
        if key not in kwargs:
            raise ValueError('Label key "%s" is not found' % key)
        return kwargs.pop(key), args
    if not -len(args) <= key < len(args):
        raise ValueError('Label key %d is out of bounds' % key)
    rest = list(args)
    t = rest.pop(key)
    return t, tuple(rest)


class Classifier(link.Chain):
    """A chain computing the loss (and accuracy) of a predictor.

    Calling it with inputs and labels runs ``predictor`` on the inputs,
    computes ``lossfun(y, t)`` (and, if :attr:`compute_accuracy`,
    ``accfun(y, t)``), reports them as ``loss`` and ``accuracy`` with
    :func:`chainer.report` (observer: this chain, so a Trainer shows
    ``main/loss``), and returns the loss.

    Args:
        predictor (~chainer.Link): The network to train.
        lossfun (callable): Loss function ``lossfun(y, t)``;
            :func:`~chainer.functions.softmax_cross_entropy` by default.
        accfun (callable): Accuracy function ``accfun(y, t)``;
            :func:`~chainer.functions.accuracy` by default.
        label_key (int or str): Which argument holds the labels: a position
            in the positional arguments, or a keyword name.

    Attributes:
        predictor (~chainer.Link): The predictor.
        lossfun (callable): The loss function.
        accfun (callable): The accuracy function.
        y (~chainer.Variable): Prediction for the last batch.
        loss (~chainer.Variable): Loss of the last batch.
        accuracy (~chainer.Variable): Accuracy of the last batch.
        compute_accuracy (bool): Whether to compute the accuracy.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> model = L.Classifier(L.Linear(4, 3))
        >>> x = np.zeros((2, 4), np.float32)
        >>> t = np.array([0, 2], np.int32)
        >>> loss = model(x, t)
        >>> loss.shape
        ()
        >>> model.accuracy is not None
        True
    """

    compute_accuracy = True

    def __init__(self, predictor,
                 lossfun=softmax_cross_entropy.softmax_cross_entropy,
                 accfun=accuracy.accuracy,
                 label_key=-1):
        if not isinstance(label_key, (int, str)):
            raise TypeError('label_key must be int or str, but is %s' %
                            type(label_key))
        super(Classifier, self).__init__()
        self.lossfun, self.accfun = lossfun, accfun
        self.label_key = label_key
        # Results of the last forward pass.
        self.y = self.loss = self.accuracy = None

        with self.init_scope():
            self.predictor = predictor

    def forward(self, *args, **kwargs):
        """Computes the loss of a batch (and its accuracy).

        Args:
            args: Positional inputs; the one at ``label_key`` (if an int)
                is the labels.
            kwargs: Keyword inputs; the one named ``label_key`` (if a str)
                is the labels.

        Returns:
            ~chainer.Variable: The loss.

        Raises:
            ValueError: The labels are not among the arguments.
        """
        t, args = _pop_label(self.label_key, args, kwargs)
        # Drop the previous batch's results (and the graphs they hold)
        # before the predictor builds a new one.
        self.y = self.loss = self.accuracy = None
        y = self.y = self.predictor(*args, **kwargs)
        self.loss = self.lossfun(y, t)
        reporter.report({'loss': self.loss}, self)
        if self.compute_accuracy:
            self.accuracy = self.accfun(y, t)
            reporter.report({'accuracy': self.accuracy}, self)
        return self.loss

"""Per-class precision, recall, F-beta score and support."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _f_beta(precision, recall, beta):
    # Weighted harmonic mean: recall counts beta^2 times as much.
    weight = beta ** 2
    score = (1 + weight) * precision * recall / (weight * precision + recall)
    return score.astype(precision.dtype, copy=False)


class ClassificationSummary(function_node.FunctionNode):

    """Computes ``(precision, recall, fbeta, support)`` per class."""

    def __init__(self, label_num, beta, ignore_label):
        self.label_num = label_num
        self.beta = beta
        self.ignore_label = ignore_label

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('x', 't'))
        x_type, t_type = in_types
        type_check.expect(
            x_type.dtype.kind == 'f',
            t_type.dtype.kind == 'i'
        )
        t_ndim = type_check.eval(t_type.ndim)
        type_check.expect(
            x_type.ndim >= t_type.ndim,
            x_type.shape[0] == t_type.shape[0],
            x_type.shape[2:t_ndim + 1] == t_type.shape[1:]
        )
        for i in range(t_ndim + 1, type_check.eval(x_type.ndim)):
            type_check.expect(x_type.shape[i] == 1)

    def forward(self, inputs):
        y, t = inputs
        xp = backend.get_array_module(y)
        t = t.astype(xp.int32, copy=False)
        if self.label_num is None:
            n_class = int(xp.amax(t)) + 1
        else:
            n_class = self.label_num
            if chainer_lite.is_debug():
                assert (t < n_class).all()
        kept = (t != self.ignore_label).ravel()
        # Classes outside [0, n_class) share the extra index n_class, so
        # the (n_class + 1)^2 confusion matrix counts every pair once.
        truth = xp.minimum(t.ravel()[kept], n_class)
        guess = xp.minimum(y.argmax(axis=1).ravel()[kept], n_class)
        side = n_class + 1
        confusion = xp.bincount(truth * side + guess,
                                minlength=side * side).reshape(side, side)
        hits = confusion.diagonal()[:n_class]
        support = confusion.sum(axis=1)[:n_class]
        predicted = confusion.sum(axis=0)[:n_class]
        precision = hits / predicted
        recall = hits / support
        return precision, recall, _f_beta(precision, recall, self.beta), \
            support


def classification_summary(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Calculates precision, recall, F-beta score and support per class.

    The predicted class is the arg-max of ``y`` along axis 1. For class
    :math:`c`, precision is :math:`tp_c / (tp_c + fp_c)`, recall
    :math:`tp_c / (tp_c + fn_c)`, the F-beta score :math:`(1 + \\beta^2)
    P R / (\\beta^2 P + R)`, and the support the number of samples labelled
    :math:`c`. Undefined ratios are ``nan``.

    Args:
        y (:class:`~chainer.Variable` or :ref:`ndarray`): Scores; axis 1
            indexes the classes.
        t (:class:`~chainer.Variable` or :ref:`ndarray`): Integer labels.
        label_num (int): The number of classes (default: ``max(t) + 1``).
        beta (float): The weight of recall in the F-beta score.
        ignore_label (int): Samples with this label are not counted.

    Returns:
        tuple: Four variables ``(precision, recall, fbeta, support)``, each
        of shape ``(label_num,)``. Not differentiable.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> y = np.array([[0.9, 0.1], [0.2, 0.8], [0.7, 0.3]], np.float32)
        >>> t = np.array([0, 1, 1], np.int32)
        >>> p, r, f, s = F.classification_summary(y, t)
        >>> p.array, r.array, s.array
        (array([0.5, 1. ]), array([1. , 0.5]), array([1, 2]))
    """
    return ClassificationSummary(label_num, beta, ignore_label).apply((y, t))


def precision(y, t, label_num=None, ignore_label=-1):
    """Per-class precision; see :func:`classification_summary`.

    Returns:
        tuple: ``(precision, support)``.
    """
    ret = ClassificationSummary(label_num, 1.0, ignore_label).apply((y, t))
    return ret[0], ret[-1]


def recall(y, t, label_num=None, ignore_label=-1):
    """Per-class recall; see :func:`classification_summary`.

    Returns:
        tuple: ``(recall, support)``.
    """
    ret = ClassificationSummary(label_num, 1.0, ignore_label).apply((y, t))
    return ret[1], ret[-1]


def fbeta_score(y, t, label_num=None, beta=1.0, ignore_label=-1):
    """Per-class F-beta score; see :func:`classification_summary`.

    Returns:
        tuple: ``(fbeta, support)``.
    """
    ret = ClassificationSummary(label_num, beta, ignore_label).apply((y, t))
    return ret[2], ret[-1]


def f1_score(y, t, label_num=None, ignore_label=-1):
    """Per-class F1 score; see :func:`classification_summary`.

    Returns:
        tuple: ``(f1, support)``.
    """
    ret = ClassificationSummary(label_num, 1.0, ignore_label).apply((y, t))
    return ret[2], ret[-1]

"""Per-class precision, recall, F-beta score and support."""
import chainer_lite
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


def _fbeta_score(precision, recall, beta):
    beta_square = beta * beta
    return ((1 + beta_square) * precision * recall
            / (beta_square * precision + recall)).astype(
                precision.dtype, copy=False)


class ClassificationSummary(function_node.FunctionNode):

    """Computes ``(precision, recall, fbeta, support)`` per class."""

    def __init__(self, label_num, beta, ignore_label):
        self.label_num = label_num
        self.beta = beta
        self.ignore_label = ignore_label

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
        xp = backend.get_array_module(*inputs)
        y, t = inputs
        t = t.astype(xp.int32, copy=False)
        if self.label_num is None:
            label_num = int(xp.amax(t)) + 1
        else:
            label_num = self.label_num
            if chainer_lite.is_debug():
                assert (t < label_num).all()
        # Ignored samples are counted in an extra bin, dropped below.
        ignored = (t == self.ignore_label).ravel()
        pred = xp.where(ignored, label_num, y.argmax(axis=1).ravel())
        true = xp.where(ignored, label_num, t.ravel())
        support = xp.bincount(true, minlength=label_num + 1)[:label_num]
        relevant = xp.bincount(pred, minlength=label_num + 1)[:label_num]
        hits = xp.where(pred == true, true, label_num)
        tp = xp.bincount(hits, minlength=label_num + 1)[:label_num]
        precision = tp / relevant
        recall = tp / support
        fbeta = _fbeta_score(precision, recall, self.beta)
        return precision, recall, fbeta, support


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

"""Discriminative margin-based clustering loss for instance segmentation."""
import numpy

from chainer_lite import backend
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import reshape
from chainer_lite.functions.math import basic_math
from chainer_lite.functions.math import sqrt
from chainer_lite.functions.math import sum as _sum


def _l1_norm(x, axis=None):
    return _sum.sum(basic_math.absolute(x), axis=axis)


def _l2_norm(x, axis=None):
    return sqrt.sqrt(_sum.sum(x ** 2, axis=axis))


_NORMS = {1: _l1_norm, 2: _l2_norm}


class DiscriminativeMarginBasedClusteringLoss(object):

    """Discriminative margin-based clustering loss function.

    Pixel embeddings of one instance are pulled towards their mean (the
    variance term), the means of different instances are pushed apart (the
    distance term) and the means are kept small (the regularization term).
    See https://arxiv.org/abs/1708.02551.

    Args:
        delta_v (float): Distance from its mean below which an embedding is
            not penalized.
        delta_d (float): Half of the distance between two means beyond
            which they are not penalized.
        max_embedding_dim (int): The number of embedding channels, which is
            also the number of instance labels (1, 2, ...) considered.
        norm (int): 1 or 2, the norm of the distances.
        alpha (float): Weight of the variance term.
        beta (float): Weight of the distance term.
        gamma (float): Weight of the regularization term.
    """

    def __init__(self, delta_v=0.5, delta_d=1.5,
                 max_embedding_dim=10, norm=1,
                 alpha=1.0, beta=1.0, gamma=0.001):
        self.delta_v = delta_v
        self.delta_d = delta_d
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.max_embedding_dim = max_embedding_dim
        if self.max_embedding_dim <= 0:
            raise ValueError('Max number of embeddings has to be positive!')
        if norm not in _NORMS:
            raise ValueError('For discriminative loss, '
                             'norm can only be 1 or 2. '
                             'Obtained the value : {}'.format(norm))
        self.norm = _NORMS[norm]

    def __call__(self, embeddings, labels):
        """Computes the three terms.

        Args:
            embeddings (~chainer.Variable or :ref:`ndarray`): Pixel
                embeddings of shape ``(N, max_embedding_dim, H, W)``.
            labels (:ref:`ndarray`): Instance labels of shape ``(N, H, W)``;
                pixels of instance ``c`` hold ``c`` (``1 <= c <=
                max_embedding_dim``).

        Returns:
            tuple: The variance, distance and regularization terms
            multiplied by ``alpha``, ``beta`` and ``gamma``.
        """
        assert self.max_embedding_dim == embeddings.shape[1]
        xp = backend.get_array_module(embeddings)
        n_inst = self.max_embedding_dim
        n_batch, n_chan = embeddings.shape[:2]
        # Pixels are flattened: emb is (1, N, D, P), member is (K, N, 1, P)
        # with member[k, n, 0, p] = 1 where pixel p of sample n belongs to
        # instance k + 1.
        emb = reshape.reshape(embeddings, (1, n_batch, n_chan, -1))
        ids = xp.arange(1, n_inst + 1).reshape(n_inst, 1, 1)
        member = (labels.reshape(1, n_batch, -1) == ids)[:, :, None, :]
        member = member.astype(emb.dtype)
        sizes = member.sum(axis=3)  # (K, N, 1)
        centers = _sum.sum(emb * member, axis=3) / xp.maximum(sizes, 1)

        # Regularization: a norm per instance, taken jointly over the batch
        # and channel axes.
        l_reg = _sum.sum(self.norm(centers, (1, 2))) / (n_inst * n_batch)

        # Variance: hinge on each member pixel's distance to its center.
        offsets = (centers[:, :, :, None] - emb) * member
        pull = relu.relu(self.norm(offsets, 2) - self.delta_v) ** 2
        pixels_per_inst = xp.maximum(sizes.sum(axis=(1, 2)), 1)
        l_var = _sum.sum(_sum.sum(pull, axis=(1, 2)) / pixels_per_inst)
        l_var = l_var / n_inst

        # Distance: hinge on the distance of every pair of centers.
        first, second = numpy.triu_indices(n_inst, 1)
        if len(first):
            gaps = self.norm(centers[first] - centers[second], 2)
            push = relu.relu(2 * self.delta_d - gaps) ** 2
            l_dist = _sum.sum(push) / (len(first) * n_batch)
        else:
            l_dist = 0.0
        return self.alpha * l_var, self.beta * l_dist, self.gamma * l_reg


def discriminative_margin_based_clustering_loss(
        embeddings, labels, delta_v, delta_d, max_embedding_dim,
        norm=1, alpha=1.0, beta=1.0, gamma=0.001):
    """Discriminative margin-based clustering loss function.

    See :class:`DiscriminativeMarginBasedClusteringLoss` for the terms and
    the arguments (https://arxiv.org/abs/1708.02551).

    Args:
        embeddings (~chainer.Variable or :ref:`ndarray`): Pixel embeddings
            of shape ``(N, max_embedding_dim, H, W)``.
        labels (:ref:`ndarray`): Instance labels of shape ``(N, H, W)``.
        delta_v (float): Margin of the variance term.
        delta_d (float): Margin of the distance term.
        max_embedding_dim (int): The number of embedding channels.
        norm (int): 1 or 2.
        alpha (float): Weight of the variance term.
        beta (float): Weight of the distance term.
        gamma (float): Weight of the regularization term.

    Returns:
        tuple: ``(variance, distance, regularization)`` terms, weighted.
    """
    terms = DiscriminativeMarginBasedClusteringLoss(
        delta_v=delta_v, delta_d=delta_d,
        max_embedding_dim=max_embedding_dim, norm=norm, alpha=alpha,
        beta=beta, gamma=gamma)
    return terms(embeddings, labels)

"""Discriminative margin-based clustering loss for instance segmentation."""
from chainer_lite import backend
from chainer_lite.functions.activation import relu
from chainer_lite.functions.array import broadcast
from chainer_lite.functions.math import basic_math
from chainer_lite.functions.math import sqrt
from chainer_lite.functions.math import sum as _sum


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
        if norm == 1:
            self.norm = lambda x, axis=None: _sum.sum(
                basic_math.absolute(x), axis=axis)
        elif norm == 2:
            self.norm = lambda x, axis=None: sqrt.sqrt(
                _sum.sum(x ** 2, axis=axis))
        else:
            raise ValueError('For discriminative loss, '
                             'norm can only be 1 or 2. '
                             'Obtained the value : {}'.format(norm))

    def __call__(self, embeddings, labels):
        """Computes the three terms.

        Args:
            embeddings (:class:`~chainer.Variable` or :ref:`ndarray`):
                Embeddings of shape ``(N, max_embedding_dim, H, W)``.
            labels (:ref:`ndarray`): Instance labels of shape ``(N, H, W)``;
                pixels of instance ``c`` hold ``c`` (``1 <= c <=
                max_embedding_dim``).

        Returns:
            tuple: The variance, distance and regularization terms
            multiplied by ``alpha``, ``beta`` and ``gamma``.
        """
        assert self.max_embedding_dim == embeddings.shape[1]
        xp = backend.get_array_module(embeddings)
        n_dim = self.max_embedding_dim

        # One copy of the embeddings per instance label, with its mask.
        emb = embeddings[None, :]
        emb = broadcast.broadcast_to(emb, (n_dim,) + emb.shape[1:])
        masks = xp.stack([xp.expand_dims(labels == c + 1, 1)
                          for c in range(n_dim)], 0)
        means = _sum.sum(emb * masks, axis=(3, 4))
        means = means / xp.maximum(xp.sum(masks, (2, 3, 4))[:, :, None], 1)

        l_reg = _sum.sum(self.norm(means, (1, 2)))
        l_reg = l_reg / (n_dim * embeddings.shape[0])

        l_var = self.norm((means[:, :, :, None, None] - emb) * masks, 2)
        l_var = relu.relu(l_var - self.delta_v) ** 2
        l_var = _sum.sum(l_var, (1, 2, 3))
        l_var = l_var / xp.maximum(xp.sum(masks, (1, 2, 3, 4)), 1)
        l_var = _sum.sum(l_var) / n_dim

        l_dist = 0.0
        count = 0
        for c_a in range(len(means)):
            for c_b in range(c_a + 1, len(means)):
                dist = self.norm(means[c_a] - means[c_b], 1)
                l_dist += _sum.sum(relu.relu(2 * self.delta_d - dist) ** 2)
                count += 1
        l_dist /= max(count * embeddings.shape[0], 1)
        return self.alpha * l_var, self.beta * l_dist, self.gamma * l_reg


def discriminative_margin_based_clustering_loss(
        embeddings, labels, delta_v, delta_d, max_embedding_dim,
        norm=1, alpha=1.0, beta=1.0, gamma=0.001):
    """Discriminative margin-based clustering loss function.

    See :class:`DiscriminativeMarginBasedClusteringLoss` for the terms and
    the arguments (https://arxiv.org/abs/1708.02551).

    Args:
        embeddings (:class:`~chainer.Variable` or :ref:`ndarray`):
            Embeddings of shape ``(N, max_embedding_dim, H, W)``.
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
    loss = DiscriminativeMarginBasedClusteringLoss(
        delta_v, delta_d, max_embedding_dim, norm, alpha, beta, gamma)
    return loss(embeddings, labels)

"""L.EmbedID: a lookup table of embedding vectors indexed by integer IDs."""
from chainer_lite.functions.connection import embed_id
from chainer_lite.initializers import normal
from chainer_lite import link
from chainer_lite import variable


class EmbedID(link.Link):
    """Embedding layer: maps each integer ID to a row of ``W``.

    ``W`` has shape ``(in_size, out_size)`` and is drawn from
    :class:`~chainer.initializers.Normal` with scale 1 by default.

    Args:
        in_size (int): Number of IDs (vocabulary size).
        out_size (int): Size of the embedding vectors.
        initialW (:ref:`initializer <initializer>`): Initializer of ``W``.
        ignore_label (int or None): An ID whose embedding is zero.

    .. seealso:: :func:`~chainer.functions.embed_id`

    Attributes:
        W (~chainer.Parameter): Embedding matrix.

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> W = np.array([[0, 0], [1, 1], [2, 2]], np.float32)
        >>> embed = L.EmbedID(3, 2, initialW=W)
        >>> embed(np.array([2, 0], np.int32)).array
        array([[2., 2.],
               [0., 0.]], dtype=float32)
    """

    ignore_label = None

    def __init__(self, in_size, out_size, initialW=None, ignore_label=None):
        super(EmbedID, self).__init__()
        self.ignore_label = ignore_label
        # Unit-variance Gaussian rows unless told otherwise.
        init = normal.Normal(1.0) if initialW is None else initialW
        with self.init_scope():
            self.W = variable.Parameter(init, shape=(in_size, out_size))

    @classmethod
    def from_params(cls, W, ignore_label=None):
        """Builds an EmbedID link holding a copy of a given matrix.

        Args:
            W (~chainer.Variable or :ref:`ndarray`): Embedding matrix.
            ignore_label (int or None): An ID whose embedding is zero.

        Returns:
            EmbedID: The new link.
        """
        in_size, out_size = W.shape
        return cls(in_size, out_size, initialW=variable.as_array(W),
                   ignore_label=ignore_label)

    def forward(self, x):
        """Looks up the embeddings of the IDs in ``x``.

        Args:
            x (~chainer.Variable or :ref:`ndarray`): Integer IDs.

        Returns:
            ~chainer.Variable: Embeddings, of shape ``x.shape + (out_size,)``.
        """
        ignored = self.ignore_label
        return embed_id.embed_id(x, self.W, ignore_label=ignored)

"""L.BlackOut: the BlackOut loss with its output embedding and sampler."""
import numpy

from chainer_lite.functions.loss import black_out
from chainer_lite.links.loss import _sampler_link
from chainer_lite import variable


class BlackOut(_sampler_link.SamplerLink):
    """Layer computing the BlackOut loss (sampled softmax).

    Holds the output embedding ``W`` ``(vocab_size, in_size)`` (uninitialized
    values are NaN: set it before training) and a sampler drawing negative
    words in proportion to ``counts``.

    Reference: Ji et al., https://arxiv.org/abs/1511.06909

    Args:
        in_size (int): Dimension of the input vectors.
        counts (sequence of int): Frequency of each word.
        sample_size (int): Number of negative samples per example.

    Attributes:
        W (~chainer.Parameter): Output embedding.
        sample_data (:ref:`ndarray`): If set, these samples are used instead
            of drawing new ones (for testing).

    .. seealso:: :func:`~chainer.functions.black_out`
    """

    sample_data = None

    def __init__(self, in_size, counts, sample_size):
        super(BlackOut, self).__init__()
        self._set_sampler(_sampler_link.frequencies(counts, numpy.float32))
        self.sample_size = sample_size
        with self.init_scope():
            # No initializer: NaN until loaded or set by the user (Chainer).
            self.W = variable.Parameter(None, (len(counts), in_size))

    def forward(self, x, t):
        """Computes the loss.

        Args:
            x (~chainer.Variable): Input vectors ``(batch, in_size)``.
            t (~chainer.Variable): Target word IDs ``(batch,)``.

        Returns:
            ~chainer.Variable: The loss.
        """
        ids = self.sample_data
        if ids is None:
            ids = self.sampler.sample((len(x), self.sample_size))
        return black_out.black_out(
            x, t, self.W, variable.Variable(ids, requires_grad=False))

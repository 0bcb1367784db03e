"""L.BlackOut: the BlackOut loss with its output embedding and sampler."""
import numpy

from chainer_lite.functions.loss import black_out
from chainer_lite import link
from chainer_lite.utils import walker_alias
from chainer_lite import variable


class BlackOut(link.Link):
    """BlackOut loss layer.

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
        vocab_size = len(counts)
        self.sampler = walker_alias.WalkerAlias(
            numpy.array(counts, dtype=numpy.float32))
        self.sample_size = sample_size

        with self.init_scope():
            self.W = variable.Parameter(shape=(vocab_size, in_size))

    def device_resident_accept(self, visitor):
        super(BlackOut, self).device_resident_accept(visitor)
        self.sampler.device_resident_accept(visitor)

    def forward(self, x, t):
        """Computes the loss.

        Args:
            x (~chainer.Variable): Input vectors ``(batch, in_size)``.
            t (~chainer.Variable): Target word IDs ``(batch,)``.

        Returns:
            ~chainer.Variable: The loss.
        """
        if self.sample_data is not None:
            sample_data = self.sample_data
        else:
            sample_data = self.sampler.sample((x.shape[0], self.sample_size))
        samples = variable.Variable(sample_data, requires_grad=False)
        return black_out.black_out(x, t, self.W, samples)

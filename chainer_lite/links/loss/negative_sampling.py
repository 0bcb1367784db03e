"""L.NegativeSampling: the negative sampling loss with its embedding."""
import chainer_lite
from chainer_lite.functions.loss import negative_sampling
from chainer_lite.links.loss import _sampler_link
from chainer_lite.utils import argument
from chainer_lite import variable


class NegativeSampling(_sampler_link.SamplerLink):
    """Loss layer of word2vec-style negative sampling.

    Holds the output embedding ``W`` ``(vocab_size, in_size)`` (zero at
    start) and a sampler drawing negative words with probability
    proportional to ``counts ** power``.

    Reference: Mikolov et al., https://arxiv.org/abs/1310.4546

    Args:
        in_size (int): Dimension of the input vectors.
        counts (sequence of int): Frequency of each word.
        sample_size (int): Number of negative samples per example.
        power (float): Exponent of the counts.
        dtype: Dtype of ``W`` and the sampling weights.

    .. seealso:: :func:`~chainer.functions.negative_sampling`

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> loss = L.NegativeSampling(3, [5, 2, 1], 2)
        >>> x = np.ones((4, 3), np.float32)
        >>> t = np.array([0, 1, 2, 0], np.int32)
        >>> loss(x, t).shape
        ()
    """

    def __init__(self, in_size, counts, sample_size, power=0.75, dtype=None):
        super(NegativeSampling, self).__init__()
        self.sample_size = sample_size
        # Frequencies are flattened by ``power`` (0.75 in word2vec).
        self._set_sampler(_sampler_link.frequencies(
            counts, chainer_lite.get_dtype(dtype), power))
        with self.init_scope():
            self.W = variable.Parameter(0, shape=(len(counts), in_size))

    def forward(self, x, t, reduce='sum', **kwargs):
        """Computes the loss.

        Args:
            x (~chainer.Variable): Input vectors ``(batch, in_size)``.
            t (~chainer.Variable): Target word IDs ``(batch,)``.
            reduce (str): ``'sum'`` or ``'no'``.
            return_samples (bool): Also return the drawn samples.

        Returns:
            ~chainer.Variable: The loss (and the samples if asked).
        """
        return_samples, = argument.parse_kwargs(
            kwargs, ('return_samples', False))
        return negative_sampling.negative_sampling(
            x, t, self.W, self.sampler.sample, sample_size=self.sample_size,
            reduce=reduce, return_samples=return_samples)

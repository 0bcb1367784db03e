"""The base class of distributions and the registry of KL divergences."""
import copy
import numbers

from chainer_lite import backend


class Distribution(object):

    """Base class of probability distributions.

    A distribution can draw samples, evaluate probability-related functions
    (density or mass, cumulative distribution, ...) at given points and
    report its statistics (mean, variance, entropy, ...). Whatever is
    computed from :class:`~chainer.Variable` parameters can be
    differentiated with respect to them.

    Shapes follow a three-level hierarchy. An *event* is one draw of the
    random variable; its shape is :attr:`event_shape` (``()`` for scalar
    distributions, ``(d,)`` for a ``d``-dimensional one). A distribution
    object holds a *batch* of independent, not identically distributed
    events, of shape :attr:`batch_shape`; both shapes are fixed by the
    parameters. Drawing ``sample_shape`` i.i.d. batches gives an array of
    shape ``sample_shape + batch_shape + event_shape``, and a function such as
    :meth:`log_prob` maps points of that shape to values of shape
    ``sample_shape + batch_shape``.

    Subclasses implement what applies to them; everything else raises
    :class:`NotImplementedError`.

    Example:

        >>> import numpy as np
        >>> import chainer.distributions as D
        >>> d = D.Normal(np.zeros((4, 3), np.float32),
        ...              np.ones((4, 3), np.float32))
        >>> d.batch_shape, d.event_shape
        ((4, 3), ())
        >>> d.sample(sample_shape=(6, 5)).shape
        (6, 5, 4, 3)
        >>> d.log_prob(np.zeros((2, 4, 3), np.float32)).shape
        (2, 4, 3)
    """

    def _copy_to(self, target):
        target.__dict__ = copy.copy(self.__dict__)
        return target

    @property
    def batch_shape(self):
        """tuple: The shape of the batch of independent events."""
        raise NotImplementedError

    @property
    def event_shape(self):
        """tuple: The shape of one event (one draw of the variable)."""
        raise NotImplementedError

    @property
    def params(self):
        """dict: The parameters of the distribution, as Variables."""
        raise NotImplementedError

    @property
    def support(self):
        """str: A description of the set the distribution lives on."""
        raise NotImplementedError

    @property
    def covariance(self):
        """~chainer.Variable: The covariance matrix of an event."""
        raise NotImplementedError

    @property
    def entropy(self):
        """~chainer.Variable: The entropy, of shape :attr:`batch_shape`."""
        raise NotImplementedError

    @property
    def mean(self):
        """~chainer.Variable: Expected value of a sample."""
        raise NotImplementedError

    @property
    def mode(self):
        """~chainer.Variable: Most likely value."""
        raise NotImplementedError

    @property
    def stddev(self):
        """~chainer.Variable: Square root of :attr:`variance`."""
        raise NotImplementedError

    @property
    def variance(self):
        """~chainer.Variable: Expected squared deviation from the mean."""
        raise NotImplementedError

    def cdf(self, x):
        """Evaluates the cumulative distribution function at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points in the
                domain of the distribution.

        Returns:
            ~chainer.Variable: :math:`P(X \\le x)`.
        """
        raise NotImplementedError

    def icdf(self, x):
        """Evaluates the inverse of the cumulative distribution function.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Probabilities
                in :math:`[0, 1]`.

        Returns:
            ~chainer.Variable: The points whose :meth:`cdf` is ``x``.
        """
        raise NotImplementedError

    def log_cdf(self, x):
        """Evaluates the logarithm of :meth:`cdf` at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points in the
                domain of the distribution.

        Returns:
            ~chainer.Variable: :math:`\\log P(X \\le x)`.
        """
        raise NotImplementedError

    def log_prob(self, x):
        """Evaluates the logarithm of the density (or mass) at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points of
                shape ``sample_shape + batch_shape + event_shape``.

        Returns:
            ~chainer.Variable: Log-probabilities of shape
            ``sample_shape + batch_shape``.
        """
        raise NotImplementedError

    def log_survival_function(self, x):
        """Evaluates the logarithm of :meth:`survival_function` at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points in the
                domain of the distribution.

        Returns:
            ~chainer.Variable: :math:`\\log P(X > x)`.
        """
        raise NotImplementedError

    def perplexity(self, x):
        """Evaluates the perplexity function at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points in the
                domain of the distribution.

        Returns:
            ~chainer.Variable: The perplexity at ``x``.
        """
        raise NotImplementedError

    def prob(self, x):
        """Evaluates the density (or mass) at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points of
                shape ``sample_shape + batch_shape + event_shape``.

        Returns:
            ~chainer.Variable: Probabilities of shape
            ``sample_shape + batch_shape``.
        """
        raise NotImplementedError

    def survival_function(self, x):
        """Evaluates the survival function :math:`P(X > x)` at ``x``.

        Args:
            x (:class:`~chainer.Variable` or :ref:`ndarray`): Points in the
                domain of the distribution.

        Returns:
            ~chainer.Variable: :math:`1 - \\mathrm{cdf}(x)`.
        """
        raise NotImplementedError

    def sample(self, sample_shape=()):
        """Draws i.i.d. samples of the whole batch.

        Subclasses implement :meth:`sample_n`; this method reshapes its
        result.

        Args:
            sample_shape (int or tuple of int): The number (an ``int``) or
                the shape of the draws.

        Returns:
            ~chainer.Variable: Samples of shape
            ``sample_shape + batch_shape + event_shape``.
        """
        if isinstance(sample_shape, numbers.Integral):
            sample_shape = (sample_shape,)
        sample_shape = tuple(sample_shape)
        n = 1
        for size in sample_shape:
            n *= size
        samples = self.sample_n(n)
        return samples.reshape(
            sample_shape + self.batch_shape + self.event_shape)

    def sample_n(self, n):
        """Draws ``n`` i.i.d. samples of the whole batch.

        Args:
            n (int): The number of draws.

        Returns:
            ~chainer.Variable: Samples of shape
            ``(n,) + batch_shape + event_shape``.
        """
        raise NotImplementedError

    @property
    def xp(self):
        """The array module (:mod:`numpy` or :mod:`cupy`) of the parameters."""
        # The module of the parameters (all on one device).
        params = self.params
        return backend.get_array_module(*params.values())


_KLDIVERGENCE = {}


def register_kl(Dist1, Dist2):
    """Decorator registering the KL divergence of two distribution types.

    :func:`~chainer.kl_divergence` calls the registered function when its
    arguments are instances of ``Dist1`` and ``Dist2`` (or of subclasses,
    when no closer pair is registered).

    Args:
        Dist1 (type): The class of the first (left) operand.
        Dist2 (type): The class of the second (right) operand.

    Returns:
        callable: The decorator; it registers a function taking an instance
        of ``Dist1`` and one of ``Dist2`` and returning the divergence, and
        returns that function unchanged.

    Example:

        >>> import chainer
        >>> class Dirac(chainer.Distribution):
        ...     def __init__(self, point):
        ...         self.point = point
        >>> @chainer.register_kl(Dirac, Dirac)
        ... def _kl_dirac_dirac(d1, d2):
        ...     return 0.0 if d1.point == d2.point else float('inf')
        >>> chainer.kl_divergence(Dirac(1), Dirac(2))
        inf
    """
    def register(kl):
        _KLDIVERGENCE[Dist1, Dist2] = kl
        return kl
    return register


def _find_kl(type1, type2):
    try:
        return _KLDIVERGENCE[type1, type2]
    except KeyError:
        pass
    # The pair of base classes nearest to the given types wins.
    for base1 in type1.__mro__:
        for base2 in type2.__mro__:
            kl = _KLDIVERGENCE.get((base1, base2))
            if kl is not None:
                return kl
    raise KeyError((type1, type2))


def kl_divergence(dist1, dist2):
    """Computes the Kullback-Leibler divergence :math:`D_{KL}(p \\| q)`.

    For densities it is :math:`\\int p(x) \\log \\frac{p(x)}{q(x)} dx`, for
    mass functions :math:`\\sum_x p(x) \\log \\frac{p(x)}{q(x)}`. The function
    registered with :func:`~chainer.register_kl` for the two types computes
    it.

    Args:
        dist1 (~chainer.Distribution): The first operand :math:`p`.
        dist2 (~chainer.Distribution): The second operand :math:`q`.

    Returns:
        ~chainer.Variable: The divergence, of shape ``batch_shape``.

    Raises:
        KeyError: No divergence is registered for the pair of types.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.distributions as D
        >>> one = np.array([1.], np.float32)
        >>> p = D.Normal(np.array([0.], np.float32), one)
        >>> q = D.Normal(one, one)
        >>> chainer.kl_divergence(p, q).array
        array([0.5], dtype=float32)
    """
    return _find_kl(type(dist1), type(dist2))(dist1, dist2)


def cross_entropy(dist1, dist2):
    """Computes the cross entropy :math:`H(p, q)`.

    For densities it is :math:`-\\int p(x) \\log q(x) dx`, for mass functions
    :math:`-\\sum_x p(x) \\log q(x)`. It is computed as the entropy of
    ``dist1`` plus :func:`~chainer.kl_divergence` of the pair, so both must
    be available.

    Args:
        dist1 (~chainer.Distribution): The first operand :math:`p`.
        dist2 (~chainer.Distribution): The second operand :math:`q`.

    Returns:
        ~chainer.Variable: The cross entropy, of shape ``batch_shape``.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.distributions as D
        >>> p = D.Bernoulli(p=np.array([0.5], np.float32))
        >>> chainer.cross_entropy(p, p).array
        array([0.6931472], dtype=float32)
    """
    return dist1.entropy + kl_divergence(dist1, dist2)

"""Fake ``cupy.random``: NumPy's generator, CuPy's signatures (``dtype``)."""
import numpy

from cupy import _core

# CuPy's samplers that take a ``dtype`` argument.
_WITH_DTYPE = frozenset([
    'rand', 'randn', 'random_sample', 'random', 'uniform', 'normal',
    'standard_normal', 'gumbel', 'randint', 'laplace', 'lognormal',
    'exponential', 'standard_exponential', 'logistic', 'beta', 'gamma',
    'standard_gamma', 'chisquare'])
_SAMPLERS = _WITH_DTYPE | frozenset("""
binomial choice dirichlet f geometric hypergeometric logseries multinomial
multivariate_normal negative_binomial noncentral_chisquare noncentral_f pareto
permutation poisson power random_integers rayleigh standard_cauchy standard_t
triangular vonmises wald weibull zipf
""".split())


class RandomState(object):

    def __init__(self, seed=None):
        self._rs = numpy.random.RandomState(seed)

    def seed(self, seed=None):
        self._rs.seed(seed)

    def shuffle(self, a):
        if not isinstance(a, _core.ndarray):
            raise _core.unsupported(a)
        self._rs.shuffle(a._a)

    def __getattr__(self, name):
        if name not in _SAMPLERS:
            raise AttributeError(name)
        method = getattr(self._rs, name)

        def call(*args, **kwargs):
            dtype = kwargs.pop('dtype', None) if name in _WITH_DTYPE else None
            args = tuple(_core.argument(a) for a in args)
            kwargs = {k: _core.argument(v) for k, v in kwargs.items()}
            if name == 'randint' and dtype is not None:
                kwargs['dtype'] = dtype
                dtype = None
            result = numpy.asarray(method(*args, **kwargs))
            if dtype is not None:
                result = result.astype(dtype)
            elif result.dtype == numpy.float64 and name in _WITH_DTYPE:
                pass
            return _core.wrap(result)
        return call


_state = RandomState()


def get_random_state():
    return _state


def set_random_state(rs):
    global _state
    _state = rs


def seed(seed=None):
    _state.seed(seed)


def shuffle(a):
    _state.shuffle(a)


def __getattr__(name):
    if name in _SAMPLERS:
        return getattr(_state, name)
    raise AttributeError("module 'cupy.random' has no attribute '{}'".format(
        name))


def reset_states():
    global _state
    _state = RandomState()

"""Checks shared by the distribution tests.

Values are compared with NumPy references computed in float64; gradients of
everything differentiable are checked (first and second order) with
helpers.gradients; sampling is checked by Monte Carlo, with a tolerance of a
few standard errors estimated from the same samples.
"""
import numpy

import chainer_lite
from chainer_lite import testing

from helpers import gradients

DTYPES = (numpy.float32, numpy.float64)
SHAPES = ((), (3,), (2, 3))

# Standard errors allowed between a Monte Carlo estimate and the exact value.
# The draws are seeded (conftest.py), so a pass is reproducible; 6 sigma keeps
# the chance that a correct implementation fails under a new seed negligible.
N_SIGMA = 6


def rng(seed=0):
    return numpy.random.RandomState(seed)


def assert_close(actual, expected, dtype, **overrides):
    """Compares a Variable (or array) with a float64 reference."""
    if isinstance(actual, chainer_lite.Variable):
        actual = actual.array
    assert actual.dtype == dtype, (actual.dtype, dtype)
    expected = numpy.broadcast_to(expected, actual.shape)
    options = gradients.tolerance(dtype, 'forward')
    options.update(overrides)
    testing.assert_allclose(actual, expected, **options)


def check_function(func, reference, inputs, **kwargs):
    """Forward, backward and double backward of ``func`` (gradients.py)."""
    gradients.check_function(func, reference, tuple(inputs), **kwargs)


def check_log_prob(make, reference, params, x, x_differentiable=True,
                   **kwargs):
    """Checks ``make(*params).log_prob(x)`` and its gradients.

    Args:
        make: Builds the distribution from the parameters.
        reference: ``reference(*params, x)`` in NumPy.
        params: The parameter arrays (gradients are checked for each).
        x: The points; with ``x_differentiable`` the gradient with respect to
            them is checked too.
    """
    if x_differentiable:
        check_function(lambda *a: make(*a[:-1]).log_prob(a[-1]), reference,
                       tuple(params) + (x,), **kwargs)
    else:
        check_function(lambda *a: make(*a).log_prob(x),
                       lambda *a: reference(*a, x.astype(numpy.float64)),
                       params, **kwargs)


def check_monte_carlo(values, expected, atol=0.0):
    """Checks that the mean over axis 0 of ``values`` estimates ``expected``.

    The tolerance is :data:`N_SIGMA` standard errors of the mean (estimated
    from ``values``) plus ``atol``.
    """
    values = numpy.asarray(values, numpy.float64)
    n = values.shape[0]
    estimate = values.mean(axis=0)
    stderr = values.std(axis=0) / numpy.sqrt(n)
    error = numpy.abs(estimate - numpy.asarray(expected, numpy.float64))
    bound = N_SIGMA * stderr + atol
    assert numpy.all(error <= bound), (
        'estimate {} expected {} error {} bound {}'.format(
            estimate, expected, error, bound))


def check_sample_moments(dist, mean, variance, n=20000, atol=1e-6):
    """Checks the sample mean and variance of ``dist`` by Monte Carlo."""
    samples = dist.sample(n).array.astype(numpy.float64)
    assert samples.shape == (n,) + dist.batch_shape + dist.event_shape
    check_monte_carlo(samples, mean, atol)
    check_monte_carlo((samples - numpy.asarray(mean)) ** 2, variance, atol)


def check_entropy_by_sampling(dist, n=20000):
    """Checks ``entropy`` against the sample mean of ``-log_prob``."""
    samples = dist.sample(n)
    check_monte_carlo(-dist.log_prob(samples).array, dist.entropy.array,
                      atol=1e-5)


def check_kl_by_sampling(p, q, n=20000):
    """Checks ``kl_divergence(p, q)`` against E_p[log p - log q]."""
    samples = p.sample(n)
    values = p.log_prob(samples).array - q.log_prob(samples).array
    kl = chainer_lite.kl_divergence(p, q)
    assert kl.shape == p.batch_shape
    check_monte_carlo(values, kl.array, atol=1e-5)


def check_sample_shapes(dist):
    """Checks the shapes that :meth:`sample` gives for each kind of shape."""
    tail = dist.batch_shape + dist.event_shape
    assert dist.sample().shape == tail
    assert dist.sample(4).shape == (4,) + tail
    assert dist.sample((2, 3)).shape == (2, 3) + tail
    assert dist.sample_n(5).shape == (5,) + tail

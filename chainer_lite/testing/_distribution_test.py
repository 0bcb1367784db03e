"""The base test case of probability distributions, compared with SciPy."""
import unittest

import numpy

import chainer_lite
from chainer_lite.backends import cuda
from chainer_lite.testing import array
from chainer_lite.testing import attr


_TARGETS = {
    'batch_shape', 'cdf', 'entropy', 'event_shape', 'icdf', 'log_cdf',
    'log_prob', 'log_survival', 'mean', 'prob', 'sample', 'stddev',
    'support', 'survival', 'variance'}

_N_SAMPLES = 100000


def _cpu_and_gpu_tests(target):
    # test_<target>_cpu and test_<target>_gpu call check_<target>(on_gpu);
    # each is skipped when <target> is not in the case's test_targets.
    def make(on_gpu):
        def test(self):
            if target not in self.test_targets:
                self.skipTest(
                    '\'%s\' does not exist in test_targets.' % target)
            getattr(self, 'check_' + target)(on_gpu)
        test.__name__ = 'test_{}_{}'.format(target, 'gpu' if on_gpu else 'cpu')
        return attr.gpu(test) if on_gpu else test
    return make(False), make(True)


class distribution_unittest(unittest.TestCase):
    """Base class of tests of :class:`~chainer.Distribution` subclasses.

    A concrete class defines ``setUp_configure(self)``, which sets
    ``self.dist`` (the distribution class), ``self.scipy_dist`` (the SciPy
    counterpart), ``self.params`` and ``self.scipy_params`` (dicts of
    arrays), ``self.test_targets`` (the set of names among ``batch_shape,
    cdf, entropy, event_shape, icdf, log_cdf, log_prob, log_survival, mean,
    prob, sample, stddev, support, survival, variance`` to test) and
    optionally ``self.support``, ``self.continuous``, ``self.event_shape``
    and ``self.options``; and ``sample_for_test(self)`` returning points at
    which to evaluate probabilities. The parameters ``shape``,
    ``sample_shape`` and ``is_variable`` come from
    :func:`~chainer.testing.parameterize`. With ``scipy_onebyone = True``
    SciPy is called once per batch element.
    """

    scipy_onebyone = False

    def setUp(self):
        self.support = 'real'
        if not hasattr(self, 'event_shape'):
            self.event_shape = ()
        self.continuous = True
        self.test_targets = set()
        self.options = {}

        self.setUp_configure()

        unknown = self.test_targets - _TARGETS
        if unknown:
            raise ValueError('invalid target(s): {}'.format(unknown))
        if self.is_variable:
            self.params = {k: chainer_lite.Variable(v)
                           for k, v in self.params.items()}

    def scipy_onebyone_params_iter(self):
        """Yields the SciPy parameters of each batch element in turn."""
        params = self.scipy_params
        for index in numpy.ndindex(self.shape):
            yield {name: value[index] for name, value in params.items()}

    @property
    def cpu_dist(self):
        params = self.params
        params.update(self.options)
        return self.dist(**params)

    @property
    def gpu_dist(self):
        if self.is_variable:
            params = {k: chainer_lite.Variable(cuda.to_gpu(v.array))
                      for k, v in self.params.items()}
        else:
            params = {k: cuda.to_gpu(v) for k, v in self.params.items()}
        params.update(self.options)
        return self.dist(**params)

    def _dist(self, on_gpu):
        return self.gpu_dist if on_gpu else self.cpu_dist

    @staticmethod
    def _send(x, on_gpu):
        return cuda.to_gpu(x) if on_gpu else x

    def _onebyone(self, method, **kwargs):
        # A list of SciPy results, one per batch element.
        return [getattr(self.scipy_dist, method)(**kwargs, **params)
                for params in self.scipy_onebyone_params_iter()]

    def _compare_at_samples(self, on_gpu, method, scipy_method):
        smp = self.sample_for_test()
        actual = getattr(self._dist(on_gpu), method)(
            self._send(smp, on_gpu)).array
        expected = getattr(self.scipy_dist, scipy_method)(
            smp, **self.scipy_params)
        array.assert_allclose(actual, expected)

    def check_batch_shape(self, on_gpu):
        self.assertEqual(self._dist(on_gpu).batch_shape, self.shape)

    def check_event_shape(self, on_gpu):
        self.assertEqual(self._dist(on_gpu).event_shape, self.event_shape)

    def check_support(self, on_gpu):
        self.assertEqual(self._dist(on_gpu).support, self.support)

    def check_cdf(self, on_gpu):
        self._compare_at_samples(on_gpu, 'cdf', 'cdf')

    def check_log_cdf(self, on_gpu):
        self._compare_at_samples(on_gpu, 'log_cdf', 'logcdf')

    def check_survival(self, on_gpu):
        self._compare_at_samples(on_gpu, 'survival_function', 'sf')

    def check_log_survival(self, on_gpu):
        self._compare_at_samples(on_gpu, 'log_survival_function', 'logsf')

    def check_prob(self, on_gpu):
        self._compare_at_samples(
            on_gpu, 'prob', 'pdf' if self.continuous else 'pmf')

    def check_icdf(self, on_gpu):
        smp = numpy.random.uniform(
            1e-5, 1 - 1e-5, self.sample_shape + self.shape
        ).astype(numpy.float32)
        actual = self._dist(on_gpu).icdf(self._send(smp, on_gpu)).array
        expected = self.scipy_dist.ppf(smp, **self.scipy_params)
        array.assert_allclose(actual, expected)

    def check_log_prob(self, on_gpu):
        smp = self.sample_for_test()
        actual = self._dist(on_gpu).log_prob(self._send(smp, on_gpu)).array
        method = 'logpdf' if self.continuous else 'logpmf'
        if not self.scipy_onebyone:
            expected = getattr(self.scipy_dist, method)(
                smp, **self.scipy_params)
        else:
            # Split the samples by batch element:
            # (sample..., batch..., event...) -> (batch, sample..., event...)
            n_sample = int(numpy.prod(self.sample_shape))
            n_batch = int(numpy.prod(self.shape))
            n_event = int(numpy.prod(self.event_shape))
            per_element = numpy.swapaxes(
                smp.reshape(n_sample, n_batch, n_event), 0, 1).reshape(
                    (n_batch,) + self.sample_shape + self.event_shape)
            results = [
                numpy.asarray(getattr(self.scipy_dist, method)(
                    one_smp, **params)).reshape(-1)
                for params, one_smp in zip(
                    self.scipy_onebyone_params_iter(), per_element)]
            expected = numpy.stack(results).T.reshape(
                self.sample_shape + self.shape)
        array.assert_allclose(actual, expected)

    def _check_moment(self, on_gpu, attribute, scipy_method):
        actual = getattr(self._dist(on_gpu), attribute).array
        if self.scipy_onebyone:
            expected = numpy.stack(self._onebyone(scipy_method)).reshape(
                self.shape + self.cpu_dist.event_shape)
        else:
            expected = getattr(self.scipy_dist, scipy_method)(
                **self.scipy_params)
        array.assert_allclose(actual, expected)

    def check_mean(self, on_gpu):
        self._check_moment(on_gpu, 'mean', 'mean')

    def check_variance(self, on_gpu):
        self._check_moment(on_gpu, 'variance', 'var')

    def check_entropy(self, on_gpu):
        actual = self._dist(on_gpu).entropy.array
        if self.scipy_onebyone:
            expected = numpy.stack(self._onebyone('entropy')).reshape(
                self.shape)
        else:
            expected = self.scipy_dist.entropy(**self.scipy_params)
        array.assert_allclose(actual, expected)

    def check_stddev(self, on_gpu):
        actual = self._dist(on_gpu).stddev.array
        expected = self.scipy_dist.std(**self.scipy_params)
        array.assert_allclose(actual, expected)

    def check_sample(self, on_gpu):
        size = (_N_SAMPLES,) + self.sample_shape
        actual = self._dist(on_gpu).sample(sample_shape=size).array
        if self.scipy_onebyone:
            event_shape = self.cpu_dist.event_shape
            # (batch, n, sample..., event...) -> (n, sample..., batch, event)
            per_element = numpy.stack(self._onebyone('rvs', size=size))
            expected = numpy.moveaxis(
                per_element, 0, per_element.ndim - len(event_shape) - 1
            ).reshape(size + self.shape + event_shape)
        else:
            expected = self.scipy_dist.rvs(
                size=size + self.shape, **self.scipy_params)
        array.assert_allclose(actual.mean(axis=0), expected.mean(axis=0),
                              atol=3e-2, rtol=3e-2)
        array.assert_allclose(actual.std(axis=0), expected.std(axis=0),
                              atol=3e-2, rtol=3e-2)

    test_batch_shape_cpu, test_batch_shape_gpu = _cpu_and_gpu_tests(
        'batch_shape')
    test_cdf_cpu, test_cdf_gpu = _cpu_and_gpu_tests('cdf')
    test_entropy_cpu, test_entropy_gpu = _cpu_and_gpu_tests('entropy')
    test_event_shape_cpu, test_event_shape_gpu = _cpu_and_gpu_tests(
        'event_shape')
    test_icdf_cpu, test_icdf_gpu = _cpu_and_gpu_tests('icdf')
    test_log_cdf_cpu, test_log_cdf_gpu = _cpu_and_gpu_tests('log_cdf')
    test_log_prob_cpu, test_log_prob_gpu = _cpu_and_gpu_tests('log_prob')
    test_log_survival_cpu, test_log_survival_gpu = _cpu_and_gpu_tests(
        'log_survival')
    test_mean_cpu, test_mean_gpu = _cpu_and_gpu_tests('mean')
    test_prob_cpu, test_prob_gpu = _cpu_and_gpu_tests('prob')
    test_sample_cpu, test_sample_gpu = _cpu_and_gpu_tests('sample')
    test_stddev_cpu, test_stddev_gpu = _cpu_and_gpu_tests('stddev')
    test_support_cpu, test_support_gpu = _cpu_and_gpu_tests('support')
    test_survival_cpu, test_survival_gpu = _cpu_and_gpu_tests('survival')
    test_variance_cpu, test_variance_gpu = _cpu_and_gpu_tests('variance')

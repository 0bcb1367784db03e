"""pytest set-up: skips for unavailable backends, hypothesis profiles."""
import os

import hypothesis
import pytest


# 'ci' (default): few examples, derandomized so that runs are reproducible;
# 'dev': more, random examples. Select with HYPOTHESIS_PROFILE=dev.
hypothesis.settings.register_profile(
    'ci', max_examples=10, deadline=None, derandomize=True,
    suppress_health_check=[hypothesis.HealthCheck.too_slow])
hypothesis.settings.register_profile(
    'dev', max_examples=50, deadline=None)
hypothesis.settings.load_profile(os.environ.get('HYPOTHESIS_PROFILE', 'ci'))


_MARKERS = (
    'gpu: needs CuPy and a CUDA device (testing.attr.gpu / multi_gpu)',
    'cudnn: needs cuDNN',
    'chainerx: needs ChainerX (never available in chainer_lite)',
    'ideep: needs iDeep',
    'slow: slow test',
)


def pytest_configure(config):
    for line in _MARKERS:
        config.addinivalue_line('markers', line)


def _cuda_device_available():
    try:
        import cupy
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:  # no CuPy, no driver or no device
        return False


def _ideep_available():
    from chainer_lite.backends import intel64
    return intel64.is_ideep_available()


def pytest_collection_modifyitems(config, items):
    # Decided once per session; each check runs only if some test needs it.
    skips = {
        'gpu': (_cuda_device_available, 'CuPy and a CUDA device are required'),
        'chainerx': (lambda: False, 'ChainerX is not available'),
        'ideep': (_ideep_available, 'iDeep is not available'),
    }
    available = {}
    for item in items:
        for mark, (check, reason) in skips.items():
            if item.get_closest_marker(mark) is None:
                continue
            if mark not in available:
                available[mark] = check()
            if not available[mark]:
                item.add_marker(pytest.mark.skip(reason=reason))

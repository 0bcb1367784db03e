"""Conditions for skipping doctests (``:skipif:`` in the documentation)."""
import os

from chainer_lite.testing import helper


# A limit on the GPUs doctests may use; negative means none.
_gpu_limit = int(os.environ.get('CHAINER_TEST_GPU_LIMIT', -1))


def skipif(condition):
    """Returns ``condition``, except on Read the Docs where nothing skips."""
    if os.environ.get('READTHEDOCS') == 'True':
        return False
    return condition


def skipif_requires_satisfied(*requirements):
    """Skips when all the requirements (e.g. ``'numpy>=1.10'``) are met."""
    return skipif(all(helper._is_satisfied(r) for r in requirements))


def skipif_not_enough_cuda_devices(device_count):
    """Skips when ``CHAINER_TEST_GPU_LIMIT`` allows fewer devices."""
    return skipif(0 <= _gpu_limit < device_count)

"""The `fake_cupy` fixture: the NumPy-backed fake CuPy, swapped in and out."""
import importlib
import os
import sys

import pytest

from chainer_lite import backend
from chainer_lite.backends import cuda


FAKE_CUPY_DIR = os.path.join(os.path.dirname(__file__), 'fake_cupy')


def _forget_cupy():
    # Drop every trace of a CuPy import so that chainer_lite looks for CuPy
    # afresh on the next use.
    for name in list(sys.modules):
        if name.split('.')[0] in ('cupy', 'cupyx'):
            del sys.modules[name]
    for name in cuda._CUPY_NAMES:
        cuda.__dict__.pop(name, None)
    cuda._loaded = False
    cuda.check_cuda_available.__dict__.pop('_already_warned', None)
    backend._all_array_types = None
    importlib.invalidate_caches()


@pytest.fixture
def fake_cupy(monkeypatch):
    """Makes ``import cupy`` find the NumPy-backed fake CuPy; yields it."""
    if cuda.available and 'fake' not in str(cuda.cupy.__file__):
        pytest.skip('a real CuPy is installed')
    monkeypatch.syspath_prepend(FAKE_CUPY_DIR)
    _forget_cupy()
    import cupy
    try:
        yield cupy
    finally:
        _forget_cupy()

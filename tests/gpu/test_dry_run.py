"""Dry run of the GPU checks on any machine, through a strict fake CuPy.

tests/gpu/strict_cupy holds a NumPy-backed CuPy whose arrays refuse what
CuPy's refuse (implicit conversion to NumPy, NumPy operands, NumPy scalars
from reductions; see its README). Running tests/gpu/consistency.py with it
checks the GPU tests themselves and catches host-only code on the GPU path
of the library; it says nothing about CUDA kernels, speed or device memory.
Skipped where a real CuPy is installed (the GPU tests run there instead).
"""
import os
import sys

import pytest

from backends_tests.cupy_fixture import _forget_cupy
from chainer_lite.backends import cuda
from gpu import consistency
from gpu import function_cases

STRICT_CUPY_DIR = os.path.join(os.path.dirname(__file__), 'strict_cupy')


@pytest.fixture(scope='module', autouse=True)
def strict_cupy():
    """Makes ``import cupy`` find the strict fake for this module's tests."""
    if cuda.available and 'strictfake' not in cuda.cupy.__version__:
        pytest.skip('a real CuPy is installed: tests/gpu/'
                    'test_gpu_consistency.py runs instead')
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(STRICT_CUPY_DIR)
        _forget_cupy()
        import cupy
        assert 'strictfake' in cupy.__version__
        try:
            yield cupy
        finally:
            _forget_cupy()
    assert 'cupy' not in sys.modules


def test_table_covers_every_exported_function():
    missing = function_cases.missing_names()
    assert not missing, (
        'F functions without a case in tests/gpu/function_cases.py: '
        '{}'.format(', '.join(missing)))


def test_case_ids_are_unique():
    ids = [case.id for case in function_cases.CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize('pair', function_cases.cases_with_dtypes(),
                         ids=function_cases.pair_id)
def test_function(pair):
    case, dtype = pair
    if case.fake_skip:
        pytest.skip('the strict fake CuPy cannot run this: '
                    + case.fake_skip)
    if case.scipy and not consistency._scipy_available():
        # The fake's cupyx.scipy.special is built on SciPy (a real GPU has
        # its own kernels and runs these cases without SciPy).
        pytest.skip('the strict fake needs SciPy for this special function')
    consistency.check_case(case, dtype)


@pytest.mark.parametrize('transfer', ['to_gpu', 'to_device'])
@pytest.mark.parametrize('optimizer', sorted(consistency.OPTIMIZERS))
@pytest.mark.parametrize('model', sorted(consistency.MODELS))
def test_training(model, optimizer, transfer):
    consistency.check_training(model, optimizer, transfer)


def test_serializers(tmpdir):
    consistency.check_serializers(tmpdir)


def test_concat_examples():
    consistency.check_concat_examples()


def test_standard_updater():
    consistency.check_standard_updater()


def test_link_transfers():
    consistency.check_link_transfers()


def test_array_transfers():
    consistency.check_array_transfers()


def test_optimizer_hooks():
    consistency.check_optimizer_hooks()

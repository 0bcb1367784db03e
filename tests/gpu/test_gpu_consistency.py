"""The CuPy backend end to end, on a real GPU: every F function of the table
in tests/gpu/function_cases.py, model training, transfers and I/O, each
compared with the CPU.

Skipped without CuPy and a CUDA device (tests/conftest.py). The function
cases can be split over processes with ``CHAINER_LITE_GPU_SHARD=k/n`` (the
k-th of n shards, 0-based); the other tests run in shard 0 only.
tests/gpu/test_dry_run.py runs the same checks through a NumPy-backed fake
CuPy on any machine.
"""
import os

import pytest

from gpu import consistency
from gpu import function_cases

pytestmark = pytest.mark.gpu


def _shard():
    spec = os.environ.get('CHAINER_LITE_GPU_SHARD', '0/1')
    k, n = (int(v) for v in spec.split('/'))
    if not 0 <= k < n:
        raise ValueError('bad CHAINER_LITE_GPU_SHARD: {}'.format(spec))
    return k, n


SHARD, N_SHARDS = _shard()
PAIRS = [pair for i, pair in enumerate(function_cases.cases_with_dtypes())
         if i % N_SHARDS == SHARD]
first_shard_only = pytest.mark.skipif(
    SHARD != 0, reason='runs in shard 0 of CHAINER_LITE_GPU_SHARD')


@pytest.mark.parametrize('pair', PAIRS, ids=function_cases.pair_id)
def test_function(pair):
    case, dtype = pair
    consistency.check_case(case, dtype)


@first_shard_only
@pytest.mark.parametrize('transfer', ['to_gpu', 'to_device'])
@pytest.mark.parametrize('optimizer', sorted(consistency.OPTIMIZERS))
@pytest.mark.parametrize('model', sorted(consistency.MODELS))
def test_training(model, optimizer, transfer):
    consistency.check_training(model, optimizer, transfer)


@first_shard_only
def test_serializers(tmpdir):
    consistency.check_serializers(tmpdir)


@first_shard_only
def test_concat_examples():
    consistency.check_concat_examples()


@first_shard_only
def test_standard_updater():
    consistency.check_standard_updater()


@first_shard_only
def test_link_transfers():
    consistency.check_link_transfers()


@first_shard_only
def test_array_transfers():
    consistency.check_array_transfers()


@first_shard_only
def test_optimizer_hooks():
    consistency.check_optimizer_hooks()

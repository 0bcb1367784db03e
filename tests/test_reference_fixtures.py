"""chainer_lite against outputs and gradients recorded from Chainer 7.8.1.

The cases and the way they are run come from ``tools/record_fixtures.py``
(which imports no library by itself); the expected values come from
``tests/fixtures/chainer781/cases.npz``, written by that script with a
reference Chainer. Re-record with
``/work/refvenv/bin/python tools/record_fixtures.py``.
"""
import importlib.util
import os

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions  # NOQA
import chainer_lite.links  # NOQA


_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _load_recorder():
    path = os.path.join(_ROOT, 'tools', 'record_fixtures.py')
    spec = importlib.util.spec_from_file_location('record_fixtures', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rf = _load_recorder()
LIB = rf.lib_of(chainer)

# Values are compared with these tolerances, chosen by the expected dtype.
# Parameters drawn by initializers must match to float rounding.
TOLERANCES = {
    numpy.dtype(numpy.float16): {'atol': 5e-3, 'rtol': 5e-3},
    numpy.dtype(numpy.float32): {'atol': 1e-5, 'rtol': 1e-5},
    numpy.dtype(numpy.float64): {'atol': 1e-12, 'rtol': 1e-10},
}
PARAM_TOLERANCE = {'atol': 0, 'rtol': 1e-6}

# The Tier-1 functions and links that the table must cover.
TIER1_FUNCTIONS = '''
    absolute accuracy add argmax argmin average average_pooling_2d
    batch_matmul batch_normalization broadcast broadcast_to cast clip concat
    convolution_2d deconvolution_2d dropout elu embed_id exp expand_dims
    fixed_batch_normalization flatten get_item hstack identity leaky_relu
    linear log log_softmax lstm matmul max max_pooling_2d maximum mean
    mean_squared_error min minimum relu reshape select_item separate sigmoid
    sigmoid_cross_entropy softmax softmax_cross_entropy split_axis sqrt square
    squeeze stack sum swapaxes tanh transpose vstack'''.split()
TIER1_LINKS = '''Linear Convolution2D Deconvolution2D EmbedID
    BatchNormalization LSTM Classifier'''.split()


def _load_expected():
    path = os.path.join(rf.FIXTURE_DIR, rf.CASES_FILE)
    expected = {}
    with numpy.load(path, allow_pickle=False) as npz:
        for key in npz.files:
            case_name, rest = key.split('/', 1)
            expected.setdefault(case_name, {})[rest] = npz[key]
    return expected


EXPECTED = _load_expected()


@pytest.fixture
def restore_numpy_random():
    # run_case seeds the global generator for links; leave it as found.
    state = numpy.random.get_state()
    yield
    numpy.random.set_state(state)


def _api_or_skip(api):
    namespace, name = api.split('.')
    module = chainer.functions if namespace == 'F' else chainer.links
    if not hasattr(module, name):
        pytest.skip('chainer_lite has no %s yet' % api)


def _compare(key, expected, actual):
    """Returns a description of how ``actual`` differs, or None."""
    actual = numpy.asarray(actual)
    if actual.shape != expected.shape or actual.dtype != expected.dtype:
        return '%s: expected %s %s, got %s %s' % (
            key, expected.dtype, expected.shape, actual.dtype, actual.shape)
    if expected.dtype.kind != 'f':
        ok = numpy.array_equal(actual, expected)
        tol = 'exact'
    else:
        tol = (PARAM_TOLERANCE if key.startswith('param/')
               else TOLERANCES[expected.dtype])
        ok = numpy.allclose(actual, expected, equal_nan=True, **tol)
    if ok:
        return None
    diff = numpy.abs(actual.astype(numpy.float64) - expected)
    return '%s (%s): max abs diff %.3g\n  expected %s\n  got      %s' % (
        key, tol, diff.max(), numpy.array2string(expected.ravel()[:8]),
        numpy.array2string(actual.ravel()[:8]))


def test_fixtures_cover_the_table():
    names = [case.name for case in rf.CASES]
    assert sorted(set(names) - set(EXPECTED)) == [], (
        'cases without fixtures: re-run tools/record_fixtures.py')
    recorded = set(EXPECTED) - {'__meta__'}
    assert sorted(recorded - set(names)) == []
    apis = {case.api for case in rf.CASES}
    assert {'F.' + n for n in TIER1_FUNCTIONS} <= apis
    assert {'L.' + n for n in TIER1_LINKS} <= apis


def test_fixtures_come_from_chainer781():
    assert 'chainer 7.8.1' in list(EXPECTED['__meta__']['versions'])


def test_fixtures_are_small_and_pickle_free():
    total = 0
    for filename in os.listdir(rf.FIXTURE_DIR):
        path = os.path.join(rf.FIXTURE_DIR, filename)
        total += os.path.getsize(path)
        if filename.endswith('.npz'):
            with numpy.load(path, allow_pickle=False) as npz:
                for key in npz.files:
                    assert npz[key].dtype != object
    assert total < 1024 * 1024


@pytest.mark.parametrize('case', rf.CASES, ids=lambda case: case.name)
def test_matches_chainer781(case, restore_numpy_random):
    _api_or_skip(case.api)
    expected = EXPECTED[case.name]
    inputs = [expected['in/%d' % i] for i in range(len(case.inputs))]
    gout_keys = sorted((k for k in expected if k.startswith('gout/')),
                       key=lambda k: int(k.split('/')[1]))

    def grad_outputs(ys):
        assert len(ys) == len(gout_keys), (
            'backpropagating from %d outputs, Chainer from %d'
            % (len(ys), len(gout_keys)))
        return [expected[k].copy() for k in gout_keys]

    result = rf.run_case(LIB, case, inputs, grad_outputs)

    wanted = {k: v for k, v in expected.items() if not k.startswith('in/')}
    problems = []
    missing = sorted(set(wanted) - set(result))
    extra = sorted(set(result) - set(wanted))
    if missing:
        problems.append('missing (None or not produced): %s' % missing)
    if extra:
        problems.append('unexpected (Chainer gives None/nothing): %s' % extra)
    for key in sorted(set(wanted) & set(result)):
        problem = _compare(key, wanted[key], result[key])
        if problem:
            problems.append(problem)
    assert not problems, '%s differs from Chainer 7.8.1:\n%s' % (
        case.name, '\n'.join(problems))

"""NPZ checkpoints move both ways between Chainer 7.8.1 and chainer_lite.

Chainer-written files are fixtures (``tests/fixtures/chainer781``, made by
``tools/record_fixtures.py``). The other direction needs a reference
interpreter with Chainer 7.8.1: ``CHAINER_REF_PYTHON`` (empty: none), or else
a ``refvenv`` inside or next to the repository; without one they skip.
"""
import importlib.util
import os
import subprocess
import sys

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions  # NOQA
import chainer_lite.links  # NOQA
import chainer_lite.optimizers  # NOQA
import chainer_lite.serializers  # NOQA


_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_TOOLS = os.path.join(_ROOT, 'tools')


def _load_recorder():
    path = os.path.join(_TOOLS, 'record_fixtures.py')
    spec = importlib.util.spec_from_file_location('record_fixtures', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


rf = _load_recorder()
LIB = rf.lib_of(chainer)
TOL = {'atol': 1e-6, 'rtol': 1e-5}


def _fixture(name):
    return os.path.join(rf.FIXTURE_DIR, name)


def _read(path):
    with numpy.load(path, allow_pickle=False) as npz:
        return {key: npz[key] for key in npz.files}


@pytest.fixture
def restore_numpy_random():
    state = numpy.random.get_state()
    yield
    numpy.random.set_state(state)


def _assert_probes_match(expected, actual):
    assert sorted(actual) == sorted(expected)
    for key in sorted(expected):
        assert actual[key].dtype == expected[key].dtype, key
        assert actual[key].shape == expected[key].shape, key
        numpy.testing.assert_allclose(actual[key], expected[key],
                                      err_msg=key, **TOL)


def _assert_same_file_layout(expected_path, actual_path):
    expected, actual = _read(expected_path), _read(actual_path)
    assert sorted(actual) == sorted(expected)
    for key in expected:
        assert actual[key].dtype == expected[key].dtype, key
        assert actual[key].shape == expected[key].shape, key
    return expected, actual


def test_load_chainer_model_and_adam_state():
    # l1 is Linear(None, 5): load_npz must initialize it from the file.
    model = rf.make_mlp(LIB)
    assert model.predictor.l1.W.array is None
    chainer.serializers.load_npz(_fixture(rf.MLP_MODEL_FILE), model)
    stored = _read(_fixture(rf.MLP_MODEL_FILE))
    params = dict(model.namedparams())
    assert sorted(params) == sorted('/' + key for key in stored)
    for key, value in stored.items():
        numpy.testing.assert_array_equal(params['/' + key].array, value)

    optimizer = chainer.optimizers.Adam(alpha=0.01)
    optimizer.setup(model)
    chainer.serializers.load_npz(_fixture(rf.MLP_ADAM_FILE), optimizer)
    assert optimizer.t == 3

    # Outputs, and the next Adam step (which needs the loaded m, v and t).
    probe = rf.mlp_probe(LIB, model, optimizer)
    _assert_probes_match(_read(_fixture(rf.MLP_EXPECTED_FILE)), probe)


def test_training_writes_what_chainer_writes(tmp_path,
                                             restore_numpy_random):
    # Same seed, data and steps as the recorder: same keys, dtypes and
    # values as the files Chainer wrote.
    model, optimizer = rf.train_mlp(LIB)
    model_path = str(tmp_path / 'model.npz')
    adam_path = str(tmp_path / 'adam.npz')
    chainer.serializers.save_npz(model_path, model)
    chainer.serializers.save_npz(adam_path, optimizer)
    for ours, theirs in ((model_path, rf.MLP_MODEL_FILE),
                         (adam_path, rf.MLP_ADAM_FILE)):
        expected, actual = _assert_same_file_layout(_fixture(theirs), ours)
        for key in expected:
            numpy.testing.assert_allclose(actual[key], expected[key],
                                          err_msg=key, **TOL)


def _reference_python():
    # CHAINER_REF_PYTHON, when set, decides alone (empty: no reference).
    if 'CHAINER_REF_PYTHON' in os.environ:
        candidates = [os.environ['CHAINER_REF_PYTHON']]
    else:
        candidates = [
            os.path.join(_ROOT, 'refvenv', 'bin', 'python'),
            os.path.join(os.path.dirname(_ROOT), 'refvenv', 'bin', 'python')]
    for path in candidates:
        if path and os.path.exists(path):
            return path
    return None


_REFERENCE_SCRIPT = '''
import sys
import numpy
sys.path.insert(0, sys.argv[1])
import record_fixtures as rf
import chainer
import chainer.functions
import chainer.links
assert chainer.__version__ == '7.8.1', chainer.__version__
lib = rf.lib_of(chainer)
model = rf.make_mlp(lib)
chainer.serializers.load_npz(sys.argv[2], model)
optimizer = chainer.optimizers.Adam(alpha=0.01)
optimizer.setup(model)
chainer.serializers.load_npz(sys.argv[3], optimizer)
numpy.savez(sys.argv[4], **rf.mlp_probe(lib, model, optimizer))
'''


@pytest.fixture
def reference_python():
    python = _reference_python()
    if python is None:
        pytest.skip('no reference Chainer 7.8.1 interpreter '
                    '(set CHAINER_REF_PYTHON)')
    return python


def test_chainer_loads_what_chainer_lite_saves(tmp_path, reference_python,
                                               restore_numpy_random):
    model, optimizer = rf.train_mlp(LIB)
    model_path = str(tmp_path / 'model.npz')
    adam_path = str(tmp_path / 'adam.npz')
    out_path = str(tmp_path / 'probe.npz')
    chainer.serializers.save_npz(model_path, model)
    chainer.serializers.save_npz(adam_path, optimizer)
    ours = rf.mlp_probe(LIB, model, optimizer)

    # A clean environment, run from tmp_path: the reference interpreter must
    # find its own chainer, never this checkout.
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONPATH'}
    proc = subprocess.run(
        [reference_python, '-c', _REFERENCE_SCRIPT, _TOOLS, model_path,
         adam_path, out_path],
        cwd=str(tmp_path), env=env, capture_output=True, text=True,
        timeout=120)
    assert proc.returncode == 0, proc.stderr
    _assert_probes_match(_read(out_path), ours)


def test_reference_interpreter_is_not_chainer_lite(tmp_path,
                                                   reference_python):
    proc = subprocess.run(
        [reference_python, '-c',
         'import chainer; print(chainer.__version__, chainer.__file__)'],
        cwd=str(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    version, path = proc.stdout.split()
    assert version == '7.8.1'
    assert 'chainer_lite' not in path
    assert sys.executable != reference_python

"""testing.attr: pytest marks with Chainer's names."""
import unittest

from chainer_lite.testing import attr


def _marks(f):
    return {m.name for m in getattr(f, 'pytestmark', [])}


def test_marks():
    assert attr.is_available()
    assert attr.get_error() is None
    for name in ('chainerx', 'cudnn', 'ideep', 'slow'):
        def f():
            pass
        assert _marks(getattr(attr, name)(f)) == {name}


def test_gpu_and_multi_gpu_mark_gpu():
    def f():
        pass
    assert _marks(attr.gpu(f)) == {'gpu'}

    def g():
        pass
    assert _marks(attr.multi_gpu(2)(g)) == {'gpu'}


def test_multi_gpu_skips_beyond_the_gpu_limit(monkeypatch):
    monkeypatch.setattr(attr, '_gpu_limit', 1)

    class Case(unittest.TestCase):
        @attr.multi_gpu(2)
        def test_two(self):
            pass

        @attr.gpu
        def test_one(self):
            pass

    result = unittest.TestResult()
    Case('test_two').run(result)
    assert result.skipped[0][1] == '2 GPUs required'
    result = unittest.TestResult()
    Case('test_one').run(result)
    assert not result.skipped and result.wasSuccessful()

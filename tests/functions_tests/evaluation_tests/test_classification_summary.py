"""F.classification_summary, F.precision, F.recall, F.f1_score."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.evaluation import classification_summary as cs


Y = numpy.array([[0.9, 0.1, 0.0],
                 [0.2, 0.8, 0.0],
                 [0.7, 0.3, 0.0],
                 [0.0, 0.1, 0.9],
                 [0.0, 0.9, 0.1]], numpy.float32)
T = numpy.array([0, 1, 1, 2, -1], numpy.int32)


def test_summary_values():
    p, r, f, s = F.classification_summary(Y, T)
    numpy.testing.assert_allclose(p.array, [0.5, 1.0, 1.0])
    numpy.testing.assert_allclose(r.array, [1.0, 0.5, 1.0])
    numpy.testing.assert_allclose(f.array, [2 / 3, 2 / 3, 1.0])
    numpy.testing.assert_array_equal(s.array, [1, 2, 1])


@pytest.mark.filterwarnings('ignore::RuntimeWarning')
def test_label_num_and_beta():
    p, r, f, s = F.classification_summary(Y, T, label_num=4, beta=2.0)
    assert p.shape == (4,)
    # A class never predicted nor present: 0 / 0.
    assert s.array[3] == 0 and numpy.isnan(p.array[3])
    # F2 weighs recall more: (1 + 4) P R / (4 P + R).
    assert f.array[0] == pytest.approx(5 * 0.5 / (4 * 0.5 + 1))


@pytest.mark.parametrize('func, index', [
    (F.precision, 0), (F.recall, 1), (F.f1_score, 2)])
def test_shortcuts(func, index):
    value, support = func(Y, T)
    full = F.classification_summary(Y, T)
    numpy.testing.assert_array_equal(value.array, full[index].array)
    numpy.testing.assert_array_equal(support.array, full[3].array)


def test_fbeta_score():
    value, _ = cs.fbeta_score(Y, T, beta=1.0)
    numpy.testing.assert_allclose(value.array, [2 / 3, 2 / 3, 1.0])

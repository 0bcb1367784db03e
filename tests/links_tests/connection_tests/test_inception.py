"""L.Inception and L.InceptionBN: structure and output shapes."""
import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.links as L


def test_inception():
    block = L.Inception(3, 2, 2, 3, 2, 4, 5)
    assert [name for name, _ in block.namedlinks(skipself=True)] == [
        '/conv1', '/conv3', '/conv5', '/proj3', '/proj5', '/projp']
    y = block(numpy.random.randn(2, 3, 5, 5).astype(numpy.float32))
    assert y.shape == (2, 14, 5, 5)
    assert (y.array >= 0).all()


def test_inception_bn():
    block = L.InceptionBN(3, 0, 2, 3, 2, 4, 'avg', stride=2)
    assert not hasattr(block, 'conv1') and not hasattr(block, 'poolp')
    y = block(numpy.random.randn(2, 3, 6, 6).astype(numpy.float32))
    assert y.shape == (2, 3 + 4 + 3, 3, 3)
    with chainer.using_config('train', False):
        assert block(numpy.ones((1, 3, 6, 6), numpy.float32)).shape[1] == 10
    with pytest.raises(NotImplementedError):
        L.InceptionBN(3, 0, 2, 3, 2, 4, 'sum')

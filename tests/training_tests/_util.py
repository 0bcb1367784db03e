"""Small real training setups shared by the training tests."""
import numpy

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import training


def make_dataset(n=24, seed=0):
    """A linearly separable 2-class problem of ``n`` 3-d points."""
    rng = numpy.random.RandomState(seed)
    x = rng.uniform(-1, 1, (n, 3)).astype(numpy.float32)
    t = (x.sum(axis=1) > 0).astype(numpy.int32)
    return chainer.datasets.TupleDataset(x, t)


def make_trainer(out, stop=(3, 'epoch'), batch_size=6, seed=0,
                 optimizer=None, shuffle=True):
    """A deterministic trainer of a linear classifier on a fixed dataset.

    ``seed`` draws the initial weights and seeds the shuffling generator,
    which is private to the iterator, so the same seed gives the same run.
    """
    numpy.random.seed(seed)
    model = L.Classifier(L.Linear(3, 2))
    if optimizer is None:
        optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)
    if shuffle:
        iterator = chainer.iterators.SerialIterator(
            make_dataset(), batch_size,
            order_sampler=chainer.iterators.ShuffleOrderSampler(
                numpy.random.RandomState(seed)))
    else:
        iterator = chainer.iterators.SerialIterator(
            make_dataset(), batch_size, shuffle=False)
    updater = training.updaters.StandardUpdater(iterator, optimizer)
    return training.Trainer(updater, stop, out=out)

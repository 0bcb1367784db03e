#!/usr/bin/env python
"""Train a multi-layer perceptron on handwritten digits with Chainer's Trainer.

Plain Chainer code: it runs with ``python -m chainer_lite run
examples/mnist/train_mnist.py`` or directly with ``python
examples/mnist/train_mnist.py`` (then ``chainer`` is an alias of
``chainer_lite`` unless real Chainer is installed).

By default it trains offline on the 8x8 UCI digits shipped beside this script
(1,797 images); ``--dataset mnist`` downloads the real MNIST instead. The
output directory receives the JSON log, the loss and accuracy plots and the
snapshots, from which ``--resume`` or ``--autoload`` continue training
exactly where it stopped.
"""
import argparse
import os

import numpy

try:
    import chainer
except ImportError:
    from chainer_lite import _alias
    _alias.install()
    import chainer
import chainer.functions as F
import chainer.links as L
from chainer import training
from chainer.training import extensions

DIGITS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           'digits.npz')


class MLP(chainer.Chain):
    """Three fully connected layers with ReLU in between."""

    def __init__(self, n_units, n_out):
        super(MLP, self).__init__()
        with self.init_scope():
            # The input size is inferred at the first forward pass.
            self.l1 = L.Linear(None, n_units)
            self.l2 = L.Linear(None, n_units)
            self.l3 = L.Linear(None, n_out)

    def forward(self, x):
        h1 = F.relu(self.l1(x))
        h2 = F.relu(self.l2(h1))
        return self.l3(h2)


class KeepRandomState(training.Extension):
    """Stores a random generator in the trainer's snapshots.

    It never runs during training (no trigger); it takes part in
    serialization, and restores a loaded state before training starts, so a
    resumed training draws the same shuffles as an uninterrupted one.
    """

    trigger = None
    # Initializers run by priority: this one must come after the snapshot
    # extension (priority -100) has autoloaded a snapshot.
    priority = -200

    def __init__(self, random_state):
        self._random_state = random_state
        self._loaded_state = None

    def __call__(self, trainer):
        pass

    def initialize(self, trainer):
        if self._loaded_state is not None:
            self._random_state.set_state(self._loaded_state)
            self._loaded_state = None

    def serialize(self, serializer):
        name, keys, pos, has_gauss, cached = self._random_state.get_state()
        # Loading fills the array ``keys`` (possibly only once the whole
        # snapshot is read) and returns the stored scalars.
        keys = numpy.array(keys)
        serializer('keys', keys)
        pos = int(serializer('pos', pos))
        has_gauss = int(serializer('has_gauss', has_gauss))
        cached = float(serializer('cached_gaussian', cached))
        if isinstance(serializer, chainer.Deserializer):
            self._loaded_state = (name, keys, pos, has_gauss, cached)


def get_digits(seed=0):
    """Returns the train (80%) and test (20%) splits of the UCI digits.

    Pixels (0..16) are scaled to [0, 1] as float32; labels are int32.
    """
    with numpy.load(DIGITS_PATH) as data:
        x = data['x'].astype(numpy.float32) / 16.
        y = data['y'].astype(numpy.int32)
    order = numpy.random.RandomState(seed).permutation(len(x))
    n_train = len(x) * 4 // 5
    train = chainer.datasets.TupleDataset(
        x[order[:n_train]], y[order[:n_train]])
    test = chainer.datasets.TupleDataset(
        x[order[n_train:]], y[order[n_train:]])
    return train, test


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description='Chainer example: MNIST')
    parser.add_argument('--dataset', choices=('digits', 'mnist'),
                        default='digits',
                        help='digits: 8x8 UCI digits shipped with this '
                        'example (offline); mnist: real MNIST (downloaded)')
    parser.add_argument('--batchsize', '-b', type=int, default=32,
                        help='Number of images in each mini-batch')
    parser.add_argument('--epoch', '-e', type=int, default=20,
                        help='Number of sweeps over the dataset to train')
    parser.add_argument('--frequency', '-f', type=int, default=-1,
                        help='Frequency of taking a snapshot (in epochs; '
                        '-1: at the end only)')
    parser.add_argument('--device', '-d', type=str, default='-1',
                        help='Device specifier: -1 or @numpy for the CPU, '
                        'a GPU id such as 0 or @cupy:0 for a GPU')
    parser.add_argument('--out', '-o', default='result',
                        help='Directory to output the result')
    parser.add_argument('--resume', '-r', type=str,
                        help='Resume the training from this snapshot')
    parser.add_argument('--autoload', action='store_true',
                        help='Resume from the newest snapshot in --out')
    parser.add_argument('--unit', '-u', type=int, default=100,
                        help='Number of units of each hidden layer')
    parser.add_argument('--seed', type=int, default=0,
                        help='Random seed (initial weights and shuffling)')
    parser.add_argument('--noplot', dest='plot', action='store_false',
                        help='Disable the PlotReport extension')
    parser.add_argument('--noprogress', dest='progress',
                        action='store_false',
                        help='Disable the progress bar')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)

    device = chainer.get_device(args.device)
    numpy.random.seed(args.seed)

    print('Device: {}'.format(device))
    print('# unit: {}'.format(args.unit))
    print('# Minibatch-size: {}'.format(args.batchsize))
    print('# epoch: {}'.format(args.epoch))
    print('')

    model = L.Classifier(MLP(args.unit, 10))
    model.to_device(device)
    device.use()

    optimizer = chainer.optimizers.Adam()
    optimizer.setup(model)

    if args.dataset == 'digits':
        train, test = get_digits(args.seed)
    else:
        train, test = chainer.datasets.get_mnist()

    shuffle_state = numpy.random.RandomState(args.seed)
    train_iter = chainer.iterators.SerialIterator(
        train, args.batchsize,
        order_sampler=chainer.iterators.ShuffleOrderSampler(shuffle_state))
    test_iter = chainer.iterators.SerialIterator(
        test, args.batchsize, repeat=False, shuffle=False)

    updater = training.updaters.StandardUpdater(
        train_iter, optimizer, device=device)
    trainer = training.Trainer(updater, (args.epoch, 'epoch'), out=args.out)

    trainer.extend(extensions.Evaluator(test_iter, model, device=device))
    trainer.extend(KeepRandomState(shuffle_state), name='random_state')

    # Snapshots every --frequency epochs (at the end by default); only the
    # newest is kept, and --autoload starts from it if there is one.
    frequency = args.epoch if args.frequency == -1 else max(1, args.frequency)
    trainer.extend(
        extensions.snapshot(n_retains=1, autoload=args.autoload),
        trigger=(frequency, 'epoch'))

    trainer.extend(extensions.LogReport())
    if args.plot and extensions.PlotReport.available():
        trainer.extend(extensions.PlotReport(
            ['main/loss', 'validation/main/loss'], 'epoch',
            filename='loss.png'))
        trainer.extend(extensions.PlotReport(
            ['main/accuracy', 'validation/main/accuracy'], 'epoch',
            filename='accuracy.png'))
    trainer.extend(extensions.PrintReport(
        ['epoch', 'main/loss', 'validation/main/loss',
         'main/accuracy', 'validation/main/accuracy', 'elapsed_time']))
    if args.progress:
        trainer.extend(extensions.ProgressBar(update_interval=10))

    if args.resume is not None:
        chainer.serializers.load_npz(args.resume, trainer)

    trainer.run()


if __name__ == '__main__':
    main()

"""Dataset iterators: serial, multithreaded, multiprocess, DALI."""
from chainer_lite.iterators.multiprocess_iterator import MultiprocessIterator  # NOQA
from chainer_lite.iterators.multithread_iterator import MultithreadIterator  # NOQA
from chainer_lite.iterators.serial_iterator import SerialIterator  # NOQA

from chainer_lite.iterators.dali_iterator import DaliIterator  # NOQA

from chainer_lite.iterators.order_samplers import OrderSampler  # NOQA
from chainer_lite.iterators.order_samplers import ShuffleOrderSampler  # NOQA

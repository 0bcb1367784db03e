"""``chainer.cuda``: old name of ``chainer.backends.cuda``, the same module."""
import sys

from chainer_lite.backends import cuda

sys.modules[__name__] = cuda

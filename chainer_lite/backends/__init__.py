"""Backends: CPU (NumPy), CUDA (CuPy, optional, imported lazily), and the
names of the iDeep and ChainerX backends, which chainer_lite does not have."""
from chainer_lite.backends import _cpu  # NOQA
from chainer_lite.backends import cuda  # NOQA
from chainer_lite.backends import intel64  # NOQA

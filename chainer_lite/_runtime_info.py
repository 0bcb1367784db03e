"""``chainer.print_runtime_info``: versions of Chainer and its backends."""
import io
import platform
import sys

import numpy

from chainer_lite import _version
from chainer_lite.backends import cuda


class _RuntimeInfo(object):
    """The runtime information; ``str()`` gives the printed report."""

    def __init__(self):
        self.chainer_version = _version.__version__
        # chainer_lite has no ChainerX.
        self.chainerx_available = False
        self.numpy_version = numpy.__version__
        self.platform_version = platform.platform()
        if cuda.available:
            self.cuda_info = cuda.cupyx.get_runtime_info()
        else:
            self.cuda_info = None
        # chainer_lite has no iDeep (intel64.is_ideep_available() is False).
        self.ideep_version = None

    def __str__(self):
        s = io.StringIO()
        s.write('Platform: {}\n'.format(self.platform_version))
        s.write('Chainer: {}\n'.format(self.chainer_version))
        s.write('ChainerX: {}\n'.format(
            'Available' if self.chainerx_available else 'Not Available'))
        s.write('NumPy: {}\n'.format(self.numpy_version))
        if self.cuda_info is None:
            s.write('CuPy: Not Available\n')
        else:
            s.write('CuPy:\n')
            for line in str(self.cuda_info).splitlines():
                s.write('  {}\n'.format(line))
        if self.ideep_version is None:
            s.write('iDeep: Not Available\n')
        else:
            s.write('iDeep: {}\n'.format(self.ideep_version))
        return s.getvalue()


def _get_runtime_info():
    return _RuntimeInfo()


def print_runtime_info(out=None):
    """Prints the platform and the versions of Chainer, NumPy and backends.

    The lines are ``Platform``, ``Chainer``, ``ChainerX``, ``NumPy``,
    ``CuPy`` (with CUDA, cuDNN and NCCL details when CuPy works) and
    ``iDeep``.

    Args:
        out: A file-like object to write to (default: ``sys.stdout``).

    Example:

        >>> import io
        >>> import chainer
        >>> out = io.StringIO()
        >>> chainer.print_runtime_info(out)
        >>> out.getvalue().splitlines()[1]
        'Chainer: 7.8.1'
    """
    if out is None:
        out = sys.stdout
    out.write(str(_get_runtime_info()))
    if hasattr(out, 'flush'):
        out.flush()

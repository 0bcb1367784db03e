"""Fast Fourier transform (and its inverse) of (real, imaginary) pairs."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.utils import type_check


class FFT(function_node.FunctionNode):

    """Discrete Fourier transform (or its inverse) of ``real + i imag``.

    Args:
        method (str): ``'fft'`` or ``'ifft'``, the function of ``xp.fft``.
    """

    def __init__(self, method):
        self._method = method

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        type_check._argname(in_types, ('real', 'imag'))
        r_type, i_type = in_types
        type_check.expect(
            r_type.dtype.kind == 'f',
            r_type.ndim > 0,
            r_type.shape == i_type.shape,
            r_type.dtype == i_type.dtype,
        )

    def forward(self, inputs):
        xp = backend.get_array_module(*inputs)
        real, imag = inputs
        y = getattr(xp.fft, self._method)(real + imag * 1j)
        return (y.real.astype(real.dtype, copy=False),
                y.imag.astype(imag.dtype, copy=False))

    def backward(self, indexes, grad_outputs):
        gr, gi = grad_outputs
        xp = backend.get_array_module(*[g for g in grad_outputs
                                        if g is not None])
        if gr is None:
            gr = xp.zeros_like(gi.array)
        if gi is None:
            gi = xp.zeros_like(gr.array)
        # The DFT matrix W is symmetric, so the adjoint of x -> W x on
        # (real, imag) pairs is the same transform applied to the swapped
        # pair, swapped back (conjugation by swapping).
        gxi, gxr = FFT(self._method).apply((gi, gr))
        return gxr, gxi


def fft(x):
    """Fast Fourier transform along the last axis.

    Args:
        x (tuple): ``(real, imag)``, two float arrays (or Variables) of the
            same shape and dtype holding the real and imaginary parts.

    Returns:
        tuple: ``(ry, iy)``, the real and imaginary parts of the result.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> ry, iy = F.fft((np.array([1.0, 0.0]), np.array([0.0, 0.0])))
        >>> ry.array, iy.array
        (array([1., 1.]), array([0., 0.]))
    """
    real, imag = x
    return FFT('fft').apply((real, imag))


def ifft(x):
    """Inverse fast Fourier transform along the last axis.

    Args:
        x (tuple): ``(real, imag)``, two float arrays (or Variables) of the
            same shape and dtype holding the real and imaginary parts.

    Returns:
        tuple: ``(ry, iy)``, the real and imaginary parts of the result.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> ry, iy = F.ifft((np.array([1.0, 1.0]), np.array([0.0, 0.0])))
        >>> ry.array, iy.array
        (array([1., 0.]), array([0., 0.]))
    """
    real, imag = x
    return FFT('ifft').apply((real, imag))

"""Array comparison for tests: ``assert_allclose`` with a detailed report."""
import contextlib
import io

import numpy

from chainer_lite import backend


def _to_numpy(x):
    # Scalars and lists become arrays; GPU arrays are copied to the host.
    if isinstance(x, numpy.ndarray):
        return x
    if numpy.isscalar(x) or isinstance(x, (list, tuple)):
        return numpy.asarray(x)
    if backend.get_array_module(x) is not numpy:
        return x.get()
    return numpy.asarray(x)


def _worst_element_report(x, y, atol, rtol):
    # Describes the element that exceeds its tolerance the most.
    xx, yy = numpy.atleast_1d(x), numpy.atleast_1d(y)
    err = numpy.abs(xx - yy)
    relative_part = numpy.abs(yy).astype(numpy.float64) * rtol
    total = relative_part + atol
    excess = err.astype(numpy.float64) - total
    i = tuple(int(j) for j in numpy.unravel_index(
        numpy.argmax(excess), err.shape))
    rel_err = 'inf' if yy[i] == 0 else err[i] / numpy.abs(yy[i])
    rows = [('i', i), ('x[i]', xx[i]), ('y[i]', yy[i]),
            ('relative error[i]', rel_err), ('absolute error[i]', err[i]),
            ('relative tolerance * |y[i]|', relative_part[i]),
            ('absolute tolerance', atol), ('total tolerance', total[i])]
    return ''.join('  {}: {}\n'.format(name, value) for name, value in rows)


def assert_allclose(x, y, atol=1e-5, rtol=1e-4, verbose=True):
    """Asserts that ``x`` and ``y`` are equal within a tolerance.

    Elements must satisfy ``|x - y| <= atol + rtol * |y|``. CPU and GPU arrays
    (and scalars) may be mixed. On failure the message shows NumPy's report,
    the shapes and dtypes, the worst element with its errors and tolerances,
    and both arrays.

    Args:
        x: Left-hand-side array.
        y: Right-hand-side array (the reference for the relative tolerance).
        atol (float): Absolute tolerance.
        rtol (float): Relative tolerance.
        verbose (bool): If ``True``, NumPy's part of the report shows the
            conflicting values.

    Raises:
        AssertionError: When the arrays differ too much.

    Example:

        >>> import numpy as np
        >>> from chainer_lite import testing
        >>> testing.assert_allclose(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    """
    x = _to_numpy(x)
    y = _to_numpy(y)
    try:
        numpy.testing.assert_allclose(
            x, y, atol=atol, rtol=rtol, verbose=verbose)
    except AssertionError as e:
        f = io.StringIO()
        f.write(str(e) + '\n\n')
        f.write('assert_allclose failed:\n'
                '  shape: {} {}\n'
                '  dtype: {} {}\n'.format(x.shape, y.shape, x.dtype, y.dtype))
        if x.shape == y.shape:
            with numpy.errstate(all='ignore'):
                f.write(_worst_element_report(x, y, atol, rtol))
        with numpy.printoptions(threshold=10000):
            f.write('x: ' + numpy.array2string(x, prefix='x: ') + '\n')
            f.write('y: ' + numpy.array2string(y, prefix='y: ') + '\n')
        raise AssertionError(f.getvalue()) from None


def _as_noncontiguous_array(array):
    """Returns a non-contiguous copy of an array (or of each in a sequence).

    Arrays with at most one element and ``None`` are returned unchanged.
    Tests use it to make sure functions do not assume contiguous inputs.
    """
    if isinstance(array, (list, tuple)):
        return type(array)([_as_noncontiguous_array(a) for a in array])
    if array is None or array.size <= 1:
        return array
    xp = backend.get_array_module(array)
    # Every other element of a buffer twice as large along each axis, on the
    # array's own device.
    every_other = (slice(None, None, -2),) * array.ndim
    on_device = (contextlib.nullcontext() if xp is numpy else array.device)
    with on_device:
        buffer = xp.empty(
            tuple(2 * n for n in array.shape), dtype=array.dtype)
    buffer[every_other] = array
    result = buffer[every_other]
    assert not result.flags.c_contiguous
    return result

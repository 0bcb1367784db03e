"""Fake ``cupy.fft``: NumPy's routines on fake arrays."""
import numpy.fft

from cupy import _core

for _name in ('fft', 'ifft', 'fft2', 'ifft2', 'fftn', 'ifftn', 'rfft',
              'irfft', 'rfft2', 'irfft2', 'rfftn', 'irfftn', 'hfft', 'ihfft',
              'fftfreq', 'rfftfreq', 'fftshift', 'ifftshift'):
    globals()[_name] = _core.routine(getattr(numpy.fft, _name), _name)
del _name

"""Fake ``cupy.lib``."""
from cupy.lib import stride_tricks  # NOQA

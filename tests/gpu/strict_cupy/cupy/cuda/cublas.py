"""Fake ``cupy.cuda.cublas`` (nothing in it is used)."""

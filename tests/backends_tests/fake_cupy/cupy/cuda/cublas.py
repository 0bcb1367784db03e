"""Fake ``cupy.cuda.cublas``."""

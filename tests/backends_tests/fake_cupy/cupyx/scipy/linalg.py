"""Fake ``cupyx.scipy.linalg``."""

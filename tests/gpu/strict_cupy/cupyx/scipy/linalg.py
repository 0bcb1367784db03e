"""Fake ``cupyx.scipy.linalg`` (nothing in it is used)."""

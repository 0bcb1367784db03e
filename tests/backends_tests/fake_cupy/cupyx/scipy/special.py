"""Fake ``cupyx.scipy.special``."""

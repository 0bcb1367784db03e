"""Fake ``cupy._util``."""


class PerformanceWarning(RuntimeWarning):
    pass

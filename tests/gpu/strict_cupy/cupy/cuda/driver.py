"""Fake ``cupy.cuda.driver``."""


class CUDADriverError(RuntimeError):
    pass


def ctxGetCurrent():
    return 1

"""Fake ``cupy.cuda.runtime``: one device."""


class CUDARuntimeError(RuntimeError):
    pass


def getDeviceCount():
    return 1


def getDevice():
    from cupy import cuda
    return cuda.Device().id


def getDeviceProperties(device):
    return {'name': b'strict fake CuPy device (NumPy)', 'major': 9,
            'minor': 0, 'totalGlobalMem': 0}


def runtimeGetVersion():
    return 13000


def driverGetVersion():
    return 13000


def deviceSynchronize():
    pass

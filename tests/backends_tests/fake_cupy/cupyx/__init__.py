"""Fake ``cupyx``."""


def get_runtime_info():
    return 'CuPy Version : 13.0.0 (fake)\nCUDA Root : none'

"""Round-trip helpers for testing ``serialize`` implementations."""
import os

from chainer_lite import utils


def save_and_load(src, dst, filename, saver, loader):
    """Saves ``src`` with ``saver`` and loads the file into ``dst``.

    The file lives in a temporary directory that is removed afterwards.

    Args:
        src: The object to save.
        dst: The object to load into.
        filename (str): Name of the file in the temporary directory.
        saver (callable): ``saver(path, src)`` writes the file.
        loader (callable): ``loader(path, dst)`` reads it.
    """
    with utils.tempdir() as directory:
        path = os.path.join(directory, filename)
        saver(path, src)
        loader(path, dst)


def save_and_load_npz(src, dst):
    """:func:`save_and_load` with :func:`~chainer.serializers.save_npz`.

    Args:
        src: The object to save.
        dst: The object to load into.
    """
    from chainer_lite import serializers
    save_and_load(src, dst, 'tmp.npz',
                  serializers.save_npz, serializers.load_npz)


def save_and_load_hdf5(src, dst):
    """:func:`save_and_load` with :func:`~chainer.serializers.save_hdf5`.

    Args:
        src: The object to save.
        dst: The object to load into.
    """
    from chainer_lite import serializers
    save_and_load(src, dst, 'tmp.h5',
                  serializers.save_hdf5, serializers.load_hdf5)

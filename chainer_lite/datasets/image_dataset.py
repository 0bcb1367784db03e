"""Datasets of image files (plain or zipped), read with Pillow.

Images come out as arrays of shape ``(channels, height, width)``. Pillow is
optional: without it, creating one of these datasets raises ImportError.
"""
import bisect
import io
import itertools
import os
import threading
import zipfile

import numpy

import chainer_lite
from chainer_lite.dataset import dataset_mixin

try:
    from PIL import Image
    available = True
except ImportError as e:
    available = False
    _import_error = e


def _check_pillow_availability():
    if not available:
        raise ImportError('PIL cannot be loaded. Install Pillow!\n'
                          'The actual import error is as follows:\n' +
                          str(_import_error))


def _read_image_as_array(path, dtype):
    # ``path`` may also be a file-like object.
    with Image.open(path) as image:
        return numpy.asarray(image, dtype=dtype)


def _postprocess_image(image):
    if image.ndim == 2:  # greyscale: add the channel axis
        image = image[..., None]
    return image.transpose(2, 0, 1)


def _label_array(value, dtype):
    # Labels come out as 0-d arrays.
    return numpy.array(value, dtype)


def _read_pairs(path):
    # Lines "<path> <integer label>", as in Caffe's image lists.
    pairs = []
    with open(path) as pairs_file:
        for i, line in enumerate(pairs_file):
            pair = line.strip().split()
            if len(pair) != 2:
                raise ValueError(
                    'invalid format at line {} in file {}'.format(i, path))
            pairs.append((pair[0], int(pair[1])))
    return pairs


class ImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of images read from a list of image files.

    Each access reads the file and returns an array of shape
    ``(channels, height, width)`` (1 channel for greyscale, 3 for RGB, 4 for
    RGBA). Preprocessing (a common size, channel count, scaling) is up to
    you: images of different formats give arrays of different shapes.

    Requires Pillow (``pip install Pillow``), with the libraries for the
    image formats used.

    Args:
        paths (str or list of strs): A text file with one image path per
            line, or the list of paths. Paths are relative to ``root``.
        root (str): Directory the paths start from.
        dtype: Type of the image arrays; ``chainer.config.dtype`` by
            default.
    """

    def __init__(self, paths, root='.', dtype=None):
        _check_pillow_availability()
        if isinstance(paths, str):
            with open(paths) as paths_file:
                paths = [path.strip() for path in paths_file]
        self._paths = paths
        self._root = root
        self._dtype = chainer_lite.get_dtype(dtype)

    def __len__(self):
        return len(self._paths)

    def get_example(self, i):
        path = os.path.join(self._root, self._paths[i])
        return _postprocess_image(_read_image_as_array(path, self._dtype))


class LabeledImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of (image, label) pairs read from image files.

    Like :class:`ImageDataset`, with an integer label per image: each
    example is ``(image, label)``, ``label`` a 0-d array of
    ``label_dtype``. Requires Pillow.

    Args:
        pairs (str or list of tuples): A text file whose lines are
            ``<path> <label>`` (whitespace-separated, as Caffe's lists), or a
            list of ``(path, label)`` pairs. Paths are relative to ``root``.
        root (str): Directory the paths start from.
        dtype: Type of the image arrays; ``chainer.config.dtype`` by
            default.
        label_dtype: Type of the labels.
    """

    def __init__(self, pairs, root='.', dtype=None, label_dtype=numpy.int32):
        _check_pillow_availability()
        if isinstance(pairs, str):
            pairs = _read_pairs(pairs)
        self._pairs = pairs
        self._root = root
        self._dtype = chainer_lite.get_dtype(dtype)
        self._label_dtype = label_dtype

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        relative, label = self._pairs[i]
        image = _read_image_as_array(
            os.path.join(self._root, relative), self._dtype)
        return (_postprocess_image(image),
                _label_array(label, self._label_dtype))


class ZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of the images stored in a zip file.

    Every file of the archive is an example (directories are skipped), in
    the archive's order. Reading from one large archive is often faster than
    many small files on network file systems; see
    :class:`MultiZippedImageDataset` to split the data over several
    archives. Requires Pillow.

    The dataset can be pickled and sent to other processes (the archive is
    reopened there). Unpickling a copy in the process that pickled it may
    race on the archive.

    Args:
        zipfilename (str): Path of the zip file.
        dtype: Type of the image arrays; ``chainer.config.dtype`` by
            default.
    """

    def __init__(self, zipfilename, dtype=None):
        _check_pillow_availability()
        self._zipfilename = zipfilename
        self._dtype = chainer_lite.get_dtype(dtype)
        self._lock = threading.Lock()
        self._archive = None
        self._owner_pid = None
        names = self._open_archive().namelist()
        # Directory entries end with a slash; they are not examples.
        self._paths = [name for name in names if name[-1:] != '/']

    def __len__(self):
        return len(self._paths)

    def __getstate__(self):
        # The open archive and the lock cannot be pickled.
        return dict(self.__dict__, _archive=None, _lock=None)

    def __setstate__(self, state):
        self.__dict__ = state
        self._lock = threading.Lock()

    def _open_archive(self):
        # A ZipFile shares its file offset with the parent after a fork, so
        # each process opens the archive itself.
        pid = os.getpid()
        if self._archive is None or self._owner_pid != pid:
            self._archive = zipfile.ZipFile(self._zipfilename)
            self._owner_pid = pid
        return self._archive

    def get_example(self, i_or_filename):
        # An index, or (for LabeledZippedImageDataset) a name in the archive.
        name = i_or_filename
        if isinstance(i_or_filename, (int, numpy.integer)):
            name = self._paths[i_or_filename]
        # Pillow may seek, which a zip member does not allow: the member is
        # read into memory first.
        with self._lock:
            content = self._open_archive().read(name)
        return _postprocess_image(
            _read_image_as_array(io.BytesIO(content), self._dtype))


class MultiZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of the images stored in several zip files.

    The examples are those of each archive (see
    :class:`ZippedImageDataset`), one archive after the other. Requires
    Pillow.

    Args:
        zipfilenames (list of str): Paths of the zip files.
        dtype: Type of the image arrays; ``chainer.config.dtype`` by
            default.
    """

    def __init__(self, zipfilenames, dtype=None):
        self._parts = [ZippedImageDataset(name, dtype)
                       for name in zipfilenames]
        # _starts[k]: index of the first example of archive k; the last
        # entry is the total.
        self._starts = [0]
        self._starts += itertools.accumulate(len(p) for p in self._parts)

    def __len__(self):
        return self._starts[-1]

    def get_example(self, i):
        k = bisect.bisect(self._starts, i) - 1
        return self._parts[k].get_example(i - self._starts[k])


class LabeledZippedImageDataset(dataset_mixin.DatasetMixin):
    """Dataset of (image, label) pairs with the images in a zip file.

    The zip version of :class:`LabeledImageDataset`: the label file's
    paths name members of the archive. Requires Pillow.

    Args:
        zipfilename (str): Path of the zip file.
        labelfilename (str): Text file whose ``i``-th line is
            ``<name in the archive> <integer label>`` for example ``i``.
        dtype: Type of the image arrays; ``chainer.config.dtype`` by
            default.
        label_dtype: Type of the labels.
    """

    def __init__(self, zipfilename, labelfilename, dtype=None,
                 label_dtype=numpy.int32):
        _check_pillow_availability()
        self._pairs = _read_pairs(labelfilename)
        self._label_dtype = label_dtype
        self._images = ZippedImageDataset(zipfilename, dtype=dtype)

    def __len__(self):
        return len(self._pairs)

    def get_example(self, i):
        member, label = self._pairs[i]
        return (self._images.get_example(member),
                _label_array(label, self._label_dtype))

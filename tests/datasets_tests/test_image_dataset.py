import os
import pickle
import zipfile

import numpy
import pytest

from chainer_lite import datasets
from chainer_lite.datasets import image_dataset

Image = pytest.importorskip('PIL.Image')


@pytest.fixture
def images(tmp_path):
    """Two PNG files (RGB 4x5 and greyscale 3x2) and their arrays."""
    rgb = numpy.random.RandomState(0).randint(
        0, 256, (4, 5, 3)).astype(numpy.uint8)
    grey = numpy.arange(6, dtype=numpy.uint8).reshape(3, 2) * 40
    Image.fromarray(rgb).save(str(tmp_path / 'rgb.png'))
    Image.fromarray(grey).save(str(tmp_path / 'grey.png'))
    return str(tmp_path), {'rgb.png': rgb, 'grey.png': grey}


def _chw(array):
    if array.ndim == 2:
        array = array[..., None]
    return array.transpose(2, 0, 1)


@pytest.mark.parametrize('dtype', [numpy.float32, numpy.int32])
def test_image_dataset(images, tmp_path, dtype):
    root, arrays = images
    listing = tmp_path / 'list.txt'
    listing.write_text('rgb.png\ngrey.png\n')
    for paths in (str(listing), ['rgb.png', 'grey.png']):
        ds = datasets.ImageDataset(paths, root=root, dtype=dtype)
        assert len(ds) == 2
        for i, name in enumerate(['rgb.png', 'grey.png']):
            assert ds[i].dtype == dtype
            numpy.testing.assert_array_equal(ds[i], _chw(arrays[name]))


def test_labeled_image_dataset(images, tmp_path):
    root, arrays = images
    listing = tmp_path / 'pairs.txt'
    listing.write_text('rgb.png 3\ngrey.png 7\n')
    ds = datasets.LabeledImageDataset(str(listing), root=root,
                                      label_dtype=numpy.int64)
    image, label = ds[1]
    numpy.testing.assert_array_equal(image, _chw(arrays['grey.png']))
    assert image.dtype == numpy.float32
    assert label.dtype == numpy.int64 and label == 7
    ds = datasets.LabeledImageDataset([('rgb.png', 1)], root=root)
    assert ds[0][1] == 1 and ds[0][1].dtype == numpy.int32

    bad = tmp_path / 'bad.txt'
    bad.write_text('rgb.png\n')
    with pytest.raises(ValueError, match='invalid format at line 0'):
        datasets.LabeledImageDataset(str(bad))


def _zip(path, root, names):
    with zipfile.ZipFile(path, 'w') as zf:
        zf.writestr('subdir/', '')
        for name in names:
            zf.write(os.path.join(root, name), name)
    return path


def test_zipped_image_datasets(images, tmp_path):
    root, arrays = images
    z1 = _zip(str(tmp_path / 'a.zip'), root, ['rgb.png', 'grey.png'])
    z2 = _zip(str(tmp_path / 'b.zip'), root, ['grey.png'])

    ds = datasets.ZippedImageDataset(z1, dtype=numpy.int32)
    assert len(ds) == 2  # the directory entry is skipped
    numpy.testing.assert_array_equal(ds[0], _chw(arrays['rgb.png']))
    assert ds[numpy.int64(1)].shape == (1, 3, 2)

    multi = datasets.MultiZippedImageDataset([z1, z2])
    assert len(multi) == 3
    numpy.testing.assert_array_equal(multi[2], _chw(arrays['grey.png']))
    copy = pickle.loads(pickle.dumps(multi))
    numpy.testing.assert_array_equal(copy[0], _chw(arrays['rgb.png']))

    labels = tmp_path / 'labels.txt'
    labels.write_text('grey.png 5\nrgb.png 6\n')
    labeled = datasets.LabeledZippedImageDataset(z1, str(labels))
    image, label = labeled[0]
    numpy.testing.assert_array_equal(image, _chw(arrays['grey.png']))
    assert label == 5 and len(labeled) == 2


def test_missing_pillow_gives_clear_error(monkeypatch, images):
    monkeypatch.setattr(image_dataset, 'available', False)
    monkeypatch.setattr(image_dataset, '_import_error',
                        ImportError('No module named PIL'), raising=False)
    for make in (lambda: datasets.ImageDataset([]),
                 lambda: datasets.LabeledImageDataset([]),
                 lambda: datasets.ZippedImageDataset('x.zip')):
        with pytest.raises(ImportError, match='Install Pillow'):
            make()

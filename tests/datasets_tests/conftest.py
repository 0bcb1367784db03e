import pytest

from chainer_lite import dataset
from dataset_tests import loopback_server


@pytest.fixture
def dataset_root(tmp_path):
    """A fresh dataset root for the test, restored afterwards."""
    old = dataset.get_dataset_root()
    root = str(tmp_path / 'dataset_root')
    dataset.set_dataset_root(root)
    yield root
    dataset.set_dataset_root(old)


@pytest.fixture
def server():
    """An HTTP server on 127.0.0.1 serving in-memory files."""
    with loopback_server.serving() as s:
        yield s

import hashlib
import os
import subprocess
import sys
import urllib.error

import pytest

from chainer_lite import dataset
from dataset_tests import loopback_server


@pytest.fixture
def dataset_root(tmp_path):
    old = dataset.get_dataset_root()
    root = str(tmp_path / 'root')
    dataset.set_dataset_root(root)
    yield root
    dataset.set_dataset_root(old)


def _cache_listing(root):
    # Every file and directory left under the download cache.
    cache = os.path.join(root, '_dl_cache')
    return sorted(os.listdir(cache)) if os.path.isdir(cache) else []


def test_set_and_get_dataset_root(dataset_root):
    assert dataset.get_dataset_root() == dataset_root


@pytest.mark.parametrize('env, expected', [
    ({'CHAINER_DATASET_ROOT': '/some/where'}, '/some/where'),
    ({}, os.path.join(os.path.expanduser('~'), '.chainer', 'dataset')),
])
def test_default_root_honours_environment(env, expected):
    environ = {k: v for k, v in os.environ.items()
               if k != 'CHAINER_DATASET_ROOT'}
    environ.update(env)
    out = subprocess.run(
        [sys.executable, '-c',
         'from chainer_lite import dataset; '
         'print(dataset.get_dataset_root())'],
        env=environ, capture_output=True, text=True, check=True).stdout
    assert out.strip() == expected


def test_get_dataset_directory(dataset_root):
    path = dataset.get_dataset_directory('a/b', create_directory=False)
    assert path == os.path.join(dataset_root, 'a/b')
    assert not os.path.exists(path)
    assert dataset.get_dataset_directory('a/b') == path
    assert os.path.isdir(path)
    # A second call with an existing directory is fine.
    assert dataset.get_dataset_directory('a/b') == path


def test_cached_download_caches_by_url_hash(dataset_root):
    with loopback_server.serving() as server:
        server.files['/data.bin'] = b'\x00\x01payload' * 100
        url = server.url('/data.bin')

        path = dataset.cached_download(url)
        assert path == os.path.join(
            dataset_root, '_dl_cache',
            hashlib.md5(url.encode('utf-8')).hexdigest())
        with open(path, 'rb') as f:
            assert f.read() == server.files['/data.bin']

        assert dataset.cached_download(url) == path
        assert server.requests['/data.bin'] == 1
    # Only the cached file and the lock: the temporary directory is gone.
    assert _cache_listing(dataset_root) == sorted(
        [os.path.basename(path), '_dl_lock'])


def test_cached_download_file_url(dataset_root, tmp_path):
    source = tmp_path / 'local.txt'
    source.write_text('local content')
    path = dataset.cached_download(source.as_uri())
    with open(path) as f:
        assert f.read() == 'local content'


def test_cached_download_network_failure(dataset_root):
    url = loopback_server.closed_port_url('/missing.bin')
    with pytest.raises(urllib.error.URLError) as info:
        dataset.cached_download(url)
    message = str(info.value)
    assert url in message
    assert 'Nothing was cached' in message
    assert _cache_listing(dataset_root) == ['_dl_lock']


def test_cached_download_http_error(dataset_root):
    with loopback_server.serving() as server:
        url = server.url('/absent')
        with pytest.raises(OSError, match='404'):
            dataset.cached_download(url)
    assert _cache_listing(dataset_root) == ['_dl_lock']


def test_cached_download_truncated_transfer(dataset_root):
    with loopback_server.serving() as server:
        server.files['/big.bin'] = bytes(range(256)) * 64
        server.truncated.add('/big.bin')
        url = server.url('/big.bin')
        with pytest.raises(OSError, match='ContentTooShortError'):
            dataset.cached_download(url)
        assert _cache_listing(dataset_root) == ['_dl_lock']

        # Once the server behaves, the next call downloads it whole.
        server.truncated.clear()
        path = dataset.cached_download(url)
        with open(path, 'rb') as f:
            assert f.read() == server.files['/big.bin']


def test_cached_download_cannot_create_cache_dir(dataset_root):
    os.makedirs(dataset_root)
    with open(os.path.join(dataset_root, '_dl_cache'), 'w'):
        pass
    with pytest.raises(OSError):
        dataset.cached_download('http://127.0.0.1:1/never-requested')


def _writer(content):
    def create(path):
        with open(path, 'w') as f:
            f.write(content)
        return content
    return create


def _reader(path):
    with open(path) as f:
        return 'loaded:' + f.read()


def test_cache_or_load_file_creates_then_loads(dataset_root, tmp_path):
    path = str(tmp_path / 'cache.txt')
    seen = []

    def create(temp_path):
        seen.append(temp_path)
        assert not os.path.exists(temp_path)
        assert os.path.basename(temp_path) == 'cache.txt'
        return _writer('x')(temp_path)

    assert dataset.cache_or_load_file(path, create, _reader) == 'x'
    assert seen and seen[0] != path
    assert dataset.cache_or_load_file(path, create, _reader) == 'loaded:x'
    assert len(seen) == 1
    # Nothing but the cache file is left beside it.
    assert sorted(os.listdir(str(tmp_path))) == ['cache.txt', 'root']


def test_cache_or_load_file_creator_failure_caches_nothing(
        dataset_root, tmp_path):
    path = str(tmp_path / 'cache.txt')

    def create(temp_path):
        with open(temp_path, 'w') as f:
            f.write('half')
        raise ValueError('broken source')

    with pytest.raises(ValueError, match='broken source'):
        dataset.cache_or_load_file(path, create, _reader)
    assert not os.path.exists(path)
    assert sorted(os.listdir(str(tmp_path))) == ['root']


def test_cache_or_load_file_keeps_first_writer(dataset_root, tmp_path):
    # If the file appears while the creator runs (another process was
    # faster), the existing file is kept.
    path = str(tmp_path / 'cache.txt')

    def create(temp_path):
        _writer('first')(path)
        return _writer('second')(temp_path)

    assert dataset.cache_or_load_file(path, create, _reader) == 'second'
    with open(path) as f:
        assert f.read() == 'first'


def test_cache_or_load_file_root_is_a_file(tmp_path):
    old = dataset.get_dataset_root()
    root_file = tmp_path / 'file'
    root_file.write_text('')
    dataset.set_dataset_root(str(root_file))
    try:
        with pytest.raises(RuntimeError, match='cannot create'):
            dataset.cache_or_load_file(
                str(tmp_path / 'c.txt'), _writer('x'), _reader)
    finally:
        dataset.set_dataset_root(old)

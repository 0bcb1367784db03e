"""Downloading and caching of dataset files under the dataset root.

The root is ``$CHAINER_DATASET_ROOT``, or ``~/.chainer/dataset`` when the
variable is not set; :func:`set_dataset_root` changes it. Every file lands
in the cache by an atomic rename of a completely written temporary file, so
an interrupted download or conversion never leaves a partial file behind.
"""
import contextlib
import hashlib
import os
import sys

from chainer_lite import utils

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the renames stay atomic
    fcntl = None


# CHAINER_DATASET_ROOT overrides the default ~/.chainer/dataset.
_default_root = os.path.join(os.path.expanduser('~'), '.chainer', 'dataset')
_dataset_root = os.environ.get('CHAINER_DATASET_ROOT', _default_root)


def get_dataset_root():
    """Returns the root directory where datasets are downloaded and cached.

    Returns:
        str: The path of the dataset root directory.

    Example:

        >>> from chainer import dataset
        >>> isinstance(dataset.get_dataset_root(), str)
        True
    """
    return _dataset_root


def set_dataset_root(path):
    """Sets the root directory where datasets are downloaded and cached.

    The root is ``$CHAINER_DATASET_ROOT`` when that environment variable is
    set, and ``$HOME/.chainer/dataset`` otherwise; this function overrides
    both.

    Args:
        path (str): The new dataset root directory.
    """
    global _dataset_root
    _dataset_root = path


def get_dataset_directory(dataset_name, create_directory=True):
    """Returns the directory of a dataset under the dataset root.

    Args:
        dataset_name (str): Name of the dataset; slashes separate
            sub-directories (e.g. ``'pfnet/chainer/mnist'``).
        create_directory (bool): Create the directory if it does not exist.

    Returns:
        str: The path of the dataset's directory.

    Example:

        >>> import os
        >>> from chainer import dataset
        >>> path = dataset.get_dataset_directory('my/data', False)
        >>> path == os.path.join(dataset.get_dataset_root(), 'my/data')
        True
    """
    path = os.path.join(_dataset_root, dataset_name)
    if create_directory:
        _makedirs(path)
    return path


def _makedirs(path):
    # Creating an existing directory is fine; anything else (a file in the
    # way, no permission) raises OSError.
    try:
        os.makedirs(path)
    except OSError:
        if not os.path.isdir(path):
            raise


@contextlib.contextmanager
def _file_lock(lock_path):
    # Serializes the check-then-rename steps between processes.
    with open(lock_path, 'a') as lock_file:
        if fcntl is not None:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl is not None:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)


def _fsync(path):
    # Make the content durable before the rename publishes it.
    with open(path, 'rb') as f:
        os.fsync(f.fileno())


def _cache_path_of_url(url):
    return os.path.join(_dataset_root, '_dl_cache',
                        hashlib.md5(url.encode('utf-8')).hexdigest())


def _download(url, path, cache_path):
    # Downloads url to path. Any failure becomes a URLError (an OSError, as
    # Chainer's download errors were) whose message says what to do. The
    # modules are imported on first use (urllib.request is slow to import).
    # Chainer downloads through six.moves, so code that patches
    # six.moves.urllib.request.urlretrieve keeps working when six exists.
    import http.client
    import urllib.error
    try:
        from six.moves.urllib import request
    except ImportError:
        from urllib import request

    try:
        request.urlretrieve(url, path)
    except (OSError, http.client.HTTPException) as e:
        raise urllib.error.URLError(
            'Failed to download {} ({}: {}). Nothing was cached; check '
            'the network connection, or put the file at {} by '
            'hand.'.format(url, type(e).__name__, e, cache_path)) from e


def cached_download(url):
    """Downloads a file once and returns the path of its cached copy.

    The file is stored in ``<dataset root>/_dl_cache/<md5 of url>``. When
    that file exists, it is returned without downloading. The download goes
    to a temporary file in the same directory, which is renamed into place
    only once it is complete.

    Args:
        url (str): URL to download from.

    Returns:
        str: Path to the cached file.

    Raises:
        OSError: The cache directory cannot be created.
        urllib.error.URLError: The download failed (no network, HTTP
            error, truncated transfer); the message names the URL and the
            cause, and nothing is cached. It is an :class:`OSError` too.
    """
    cache_root = os.path.join(_dataset_root, '_dl_cache')
    _makedirs(cache_root)

    lock_path = os.path.join(cache_root, '_dl_lock')
    cache_path = _cache_path_of_url(url)

    with _file_lock(lock_path):
        if os.path.exists(cache_path):
            return cache_path

    with utils.tempdir(dir=cache_root) as temp_root:
        temp_path = os.path.join(temp_root, 'dl')
        sys.stderr.write('Downloading from %s...\n' % url)
        sys.stderr.flush()
        _download(url, temp_path, cache_path)
        _fsync(temp_path)
        with _file_lock(lock_path):
            os.replace(temp_path, cache_path)

    return cache_path


@contextlib.contextmanager
def _discard_download_on_error(url):
    # Wraps the parsing of a downloaded file: if it turns out to be corrupt
    # or truncated, the cached copy is removed (so that the next call
    # downloads it again) and a RuntimeError says so.
    try:
        yield
    except Exception as e:
        cache_path = _cache_path_of_url(url)
        if os.path.exists(cache_path):
            os.remove(cache_path)
        raise RuntimeError(
            'The file downloaded from {} is corrupt or truncated ({}: {}). '
            'The cached copy was removed; call again to download it '
            'anew.'.format(url, type(e).__name__, e)) from e


def cache_or_load_file(path, creator, loader):
    """Loads a cached file, creating it first if it does not exist.

    If ``path`` exists, returns ``loader(path)``. Otherwise calls
    ``creator(temp_path)``, which writes the file to a temporary path (with
    the same base name as ``path``) and returns the content; the file is
    then renamed to ``path`` atomically, unless another thread or process
    created ``path`` meanwhile. If the creator raises, nothing is cached.

    Args:
        path (str): Path of the cached file.
        creator (callable): Writes the file to the path it is given and
            returns the content.
        loader (callable): Loads the file at the path it is given and
            returns the content.

    Returns:
        What the creator or the loader returns.

    Raises:
        RuntimeError: The dataset root directory cannot be created.

    Example:

        >>> import os, tempfile
        >>> from chainer import dataset
        >>> def create(p):
        ...     with open(p, 'w') as f:
        ...         f.write('42')
        ...     return 42
        >>> def load(p):
        ...     with open(p) as f:
        ...         return int(f.read())
        >>> old_root = dataset.get_dataset_root()
        >>> dataset.set_dataset_root(tempfile.mkdtemp())
        >>> path = os.path.join(dataset.get_dataset_root(), 'answer.txt')
        >>> dataset.cache_or_load_file(path, create, load)  # creates
        42
        >>> dataset.cache_or_load_file(path, create, load)  # loads
        42
        >>> dataset.set_dataset_root(old_root)
    """
    if os.path.exists(path):
        return loader(path)

    try:
        _makedirs(_dataset_root)
    except OSError:
        raise RuntimeError('cannot create dataset directory')

    lock_path = os.path.join(_dataset_root, '_create_lock')

    # The temporary directory sits next to the target so that the final
    # rename stays on one file system, where it is atomic.
    with utils.tempdir(dir=os.path.dirname(os.path.abspath(path))) \
            as temp_dir:
        temp_path = os.path.join(temp_dir, os.path.basename(path))
        content = creator(temp_path)
        _fsync(temp_path)
        with _file_lock(lock_path):
            if not os.path.exists(path):
                os.replace(temp_path, path)

    return content

"""TextDataset: random access to the lines of text files."""
import threading

from chainer_lite.dataset import dataset_mixin


class TextDataset(dataset_mixin.DatasetMixin):
    """Dataset of the lines of one or more text files.

    The constructor scans the files once and records where each line
    starts; ``dataset[i]`` then seeks to line ``i`` and reads it (newline
    included). With several files, which must have the same number of
    lines, an example is the tuple of the ``i``-th lines.

    The dataset can be pickled (the files are reopened, and the line table
    is kept: the files must not change in between).

    Args:
        paths (str or list of str): A text file, or a list of files.
        encoding (str or list of str): Encoding(s), as for :func:`open`;
            a list gives one per file.
        errors (str or list of str): Decoding error handling, as for
            :func:`open`.
        newline (str or list of str): Newline mode, as for :func:`open`.
        filter_func (callable): Called with the lines of each row (one
            argument per file); rows for which it returns ``False`` are
            left out.

    Example:

        >>> import os, tempfile
        >>> from chainer.datasets import TextDataset
        >>> path = os.path.join(tempfile.mkdtemp(), 'a.txt')
        >>> with open(path, 'w') as f:
        ...     _ = f.write('hello\\nworld\\n')
        >>> ds = TextDataset(path)
        >>> len(ds), ds[1]
        (2, 'world\\n')
        >>> ds.close()
    """

    def __init__(self, paths, encoding=None, errors=None, newline=None,
                 filter_func=None):
        if isinstance(paths, str):
            paths = [paths]
        elif not paths:
            raise ValueError('at least one text file must be specified')

        def per_file(option):
            if option is None or isinstance(option, str):
                return [option] * len(paths)
            return option

        encoding, errors, newline = [
            per_file(option) for option in (encoding, errors, newline)]
        if any(len(option) != len(paths)
               for option in (encoding, errors, newline)):
            raise ValueError(
                'length of each option must match with the number of '
                'text files to read')

        self._paths = paths
        self._encoding = encoding
        self._errors = errors
        self._newline = newline
        self._fps = None
        self._open()

        # _bounds[k][i]: where line i of file k starts (line numbers count
        # every line); _lines: the line numbers kept by filter_func.
        bounds = tuple([0] for _ in self._fps)
        kept = []
        n_lines = 0
        while True:
            lines = [fp.readline() for fp in self._fps]
            if not all(lines):
                if any(lines):
                    raise ValueError(
                        'number of lines in files does not match')
                break
            for k, fp in enumerate(self._fps):
                bounds[k].append(fp.tell())
            if filter_func is not None and filter_func(*lines):
                kept.append(n_lines)
            n_lines += 1

        self._bounds = bounds
        self._lines = range(n_lines) if filter_func is None else kept
        self._lock = threading.Lock()

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['_fps']
        del state['_lock']
        return state

    def __setstate__(self, state):
        self.__dict__ = state
        self._open()
        self._lock = threading.Lock()

    def __len__(self):
        return len(self._lines)

    def _open(self):
        self._fps = [
            open(path, mode='rt', encoding=encoding, errors=errors,
                 newline=newline)
            for path, encoding, errors, newline in zip(
                self._paths, self._encoding, self._errors, self._newline)]

    def close(self):
        """Closes the files.

        Files are also closed when the dataset is garbage-collected. Every
        file is closed even if closing one fails; the first error is then
        raised.
        """
        error = None
        for fp in self._fps:
            try:
                fp.close()
            except Exception as e:
                if error is None:
                    error = e
        if error is not None:
            raise error

    def get_example(self, idx):
        if idx < 0 or len(self._lines) <= idx:
            raise IndexError
        line_number = self._lines[idx]
        # The file positions are shared: one reader at a time.
        with self._lock:
            for k, fp in enumerate(self._fps):
                fp.seek(self._bounds[k][line_number])
            lines = [fp.readline() for fp in self._fps]
        if len(lines) == 1:
            return lines[0]
        return tuple(lines)

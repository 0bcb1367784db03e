import pickle

import pytest

from chainer_lite import datasets


@pytest.fixture
def files(tmp_path):
    def write(name, content, encoding='utf-8'):
        path = tmp_path / name
        path.write_bytes(content.encode(encoding))
        return str(path)
    return write


def test_lines_by_index(files):
    ds = datasets.TextDataset(files('a.txt', 'hello\nworld\n\nlast'))
    assert len(ds) == 4
    assert [ds[i] for i in range(4)] == ['hello\n', 'world\n', '\n', 'last']
    assert ds[3] == 'last' and ds[0] == 'hello\n'  # random access
    with pytest.raises(IndexError):
        ds[4]
    with pytest.raises(IndexError):
        ds[-1]
    ds.close()
    with pytest.raises(ValueError):
        ds[0]


def test_several_files_and_options(files):
    a = files('a.txt', 'héllo\nwörld\n')
    b = files('b.txt', 'one\r\ntwo\r\n', encoding='latin-1')
    ds = datasets.TextDataset([a, b], encoding=['utf-8', 'latin-1'],
                              newline=[None, '\r\n'])
    assert ds[0] == ('héllo\n', 'one\r\n')
    assert ds[1] == ('wörld\n', 'two\r\n')
    ignoring = datasets.TextDataset(a, encoding='ascii', errors='ignore')
    assert ignoring[0] == 'hllo\n'


def test_filter_and_pickle(files):
    a = files('a.txt', 'x1\ny2\nx3\n')
    b = files('b.txt', 'p\nq\nr\n')
    ds = datasets.TextDataset(
        [a, b], filter_func=lambda s, t: s.startswith('x'))
    assert len(ds) == 2
    assert ds[1] == ('x3\n', 'r\n')
    plain = datasets.TextDataset(a)
    copy = pickle.loads(pickle.dumps(plain))
    assert [copy[i] for i in range(3)] == ['x1\n', 'y2\n', 'x3\n']


def test_errors(files):
    with pytest.raises(ValueError, match='at least one'):
        datasets.TextDataset([])
    a, b = files('a.txt', '1\n2\n'), files('b.txt', '1\n')
    with pytest.raises(ValueError, match='does not match'):
        datasets.TextDataset([a, b])
    with pytest.raises(ValueError, match='length of each option'):
        datasets.TextDataset([a, a], encoding=['utf-8'])


def test_close_closes_every_file_and_raises(files):
    a = files('a.txt', '1\n')
    ds = datasets.TextDataset([a, a, a])
    fps = list(ds._fps)
    ds._fps[1] = None
    with pytest.raises(AttributeError):
        ds.close()
    assert fps[0].closed and fps[2].closed

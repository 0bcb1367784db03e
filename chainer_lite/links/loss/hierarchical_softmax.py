"""L.BinaryHierarchicalSoftmax: softmax over words arranged in a tree."""
import copy
import queue

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite import device_resident
from chainer_lite import function
from chainer_lite.initializers import uniform
from chainer_lite import link
from chainer_lite.utils import type_check
from chainer_lite import variable


class TreeParser(object):
    """Numbers the internal nodes of a binary tree and records the paths.

    A tree is a leaf (any hashable non-tuple object) or a pair
    ``(left, right)``. For each leaf, the path is the list of internal node
    IDs from the root and the code the list of branch signs (+1 left, -1
    right).

    Args:
        dtype: Dtype of the codes.
    """

    def __init__(self, dtype):
        self.next_id = 0
        self.dtype = dtype

    def size(self):
        """Returns the number of internal nodes."""
        return self.next_id

    def get_paths(self):
        """Returns a dict mapping each leaf to its path (int32 array)."""
        return self.paths

    def get_codes(self):
        """Returns a dict mapping each leaf to its code array."""
        return self.codes

    def parse(self, tree):
        """Parses ``tree``, filling the paths and codes."""
        self.next_id = 0
        self.path = []
        self.code = []
        self.paths = {}
        self.codes = {}
        self._parse(tree)

        assert len(self.path) == 0
        assert len(self.code) == 0
        assert len(self.paths) == len(self.codes)

    def _parse(self, node):
        if isinstance(node, tuple):
            if len(node) != 2:
                raise ValueError(
                    'All internal nodes must have two child nodes')
            left, right = node
            self.path.append(self.next_id)
            self.next_id += 1
            self.code.append(1.0)
            self._parse(left)

            self.code[-1] = -1.0
            self._parse(right)

            self.path.pop()
            self.code.pop()
        else:
            self.paths[node] = numpy.array(self.path, dtype=numpy.int32)
            self.codes[node] = numpy.array(self.code, dtype=self.dtype)


class BinaryHierarchicalSoftmaxFunction(
        device_resident.DeviceResident, function.Function):
    """Loss of the hierarchical softmax (old-style function).

    The loss of an example ``(x, t)`` is
    :math:`\\sum_k \\log(1 + \\exp(-c_k W_{p_k} x))` over the internal nodes
    ``p_k`` on the path of leaf ``t`` with branch signs ``c_k``; the
    function returns the sum over the batch. The leaves must be the integers
    ``0 ... n_vocab - 1``.

    Args:
        tree: The binary tree (see :class:`TreeParser`).
        dtype: Dtype of the codes.
    """

    def __init__(self, tree, dtype):
        device_resident.DeviceResident.__init__(self)
        parser = TreeParser(dtype)
        parser.parse(tree)
        paths = parser.get_paths()
        codes = parser.get_codes()
        n_vocab = max(paths.keys()) + 1

        # All paths concatenated; the path of leaf i is
        # paths[begins[i]:begins[i + 1]].
        self.paths = numpy.concatenate(
            [paths[i] for i in range(n_vocab) if i in paths])
        self.codes = numpy.concatenate(
            [codes[i] for i in range(n_vocab) if i in codes])
        begins = numpy.empty((n_vocab + 1,), dtype=numpy.int32)
        begins[0] = 0
        for i in range(n_vocab):
            length = len(paths[i]) if i in paths else 0
            begins[i + 1] = begins[i] + length
        self.begins = begins

        self.parser_size = parser.size()

    def check_type_forward(self, in_types):
        type_check.expect(in_types.size() == 3)
        x_type, t_type, w_type = in_types

        type_check.expect(
            x_type.dtype.kind == 'f',
            x_type.ndim == 2,
            t_type.dtype == numpy.int32,
            t_type.ndim == 1,
            x_type.shape[0] == t_type.shape[0],
            w_type.dtype == x_type.dtype,
            w_type.ndim == 2,
            w_type.shape[0] == self.parser_size,
            w_type.shape[1] == x_type.shape[1],
        )

    def device_resident_accept(self, visitor):
        super(BinaryHierarchicalSoftmaxFunction, self).device_resident_accept(
            visitor)
        self.paths = visitor.visit_array(self.paths)
        self.codes = visitor.visit_array(self.codes)
        self.begins = visitor.visit_array(self.begins)

    def _path_matrices(self, xp, t):
        # Paths and codes of the targets padded to one length: (batch,
        # max_length) arrays of node IDs and codes, and the mask of real
        # entries (padding has node 0 and code 0).
        begin = self.begins[t]
        length = self.begins[t + 1] - begin
        max_length = int(length.max()) if len(t) else 0
        offsets = xp.arange(max_length)
        mask = offsets[None, :] < length[:, None]
        positions = xp.where(mask, begin[:, None] + offsets[None, :], 0)
        if len(self.paths) == 0:
            positions = positions[:, :0]
            mask = mask[:, :0]
        nodes = self.paths[positions]
        codes = xp.where(mask, self.codes[positions], 0)
        return nodes, codes, mask

    def forward(self, inputs):
        x, t, W = inputs
        xp = backend.get_array_module(x)
        nodes, codes, mask = self._path_matrices(xp, t)
        wx = (W[nodes] * x[:, None, :]).sum(axis=2)
        wxy = wx * codes
        # log(1 + exp(-wxy)), zero on the padding.
        losses = xp.where(mask, xp.logaddexp(0.0, -wxy), 0)
        self._saved = nodes, codes, wxy
        return xp.asarray(losses.sum(), dtype=x.dtype),

    def backward(self, inputs, grad_outputs):
        x, t, W = inputs
        gloss, = grad_outputs
        xp = backend.get_array_module(x)
        nodes, codes, wxy = self._saved
        g = -gloss * codes / (1.0 + xp.exp(wxy))
        gx = (g[:, :, None] * W[nodes]).sum(axis=1).astype(x.dtype)
        gW = xp.zeros_like(W)
        contributions = (g[:, :, None] * x[:, None, :]).astype(W.dtype)
        if xp is numpy:
            numpy.add.at(gW, nodes, contributions)
        else:
            cuda.cupyx.scatter_add(gW, nodes, contributions)
        return gx, None, gW


class BinaryHierarchicalSoftmax(link.Link):
    """Hierarchical softmax layer over a binary tree of words.

    The probability of a word is the product of the sigmoid decisions
    along its path in the tree, so computing it costs the depth of the tree
    instead of the vocabulary size. ``W`` has one row per internal node and
    starts uniform in ``[-1, 1]``. The leaves of ``tree`` are the word IDs
    ``0 ... n_vocab - 1``; :meth:`create_huffman_tree` builds a good tree
    from word counts. Calling the link returns the summed loss of a batch.

    Reference: Morin and Bengio, AISTATS 2005.

    Args:
        in_size (int): Dimension of the input vectors.
        tree: The binary tree of word IDs (nested pairs).
        dtype: Dtype of ``W`` (``chainer.config.dtype`` by default).

    Example:

        >>> import numpy as np
        >>> import chainer.links as L
        >>> tree = L.BinaryHierarchicalSoftmax.create_huffman_tree(
        ...     {0: 5, 1: 3, 2: 1})
        >>> hsm = L.BinaryHierarchicalSoftmax(4, tree)
        >>> x = np.ones((2, 4), np.float32)
        >>> hsm(x, np.array([0, 2], np.int32)).shape
        ()
    """

    def __init__(self, in_size, tree, dtype=None):
        super(BinaryHierarchicalSoftmax, self).__init__()
        dtype = chainer_lite.get_dtype(dtype)
        self._func = BinaryHierarchicalSoftmaxFunction(tree, dtype)

        with self.init_scope():
            self.W = variable.Parameter(uniform.Uniform(1),
                                        (self._func.parser_size, in_size))

    def device_resident_accept(self, visitor):
        super(BinaryHierarchicalSoftmax, self).device_resident_accept(visitor)
        self._func.device_resident_accept(visitor)

    @staticmethod
    def create_huffman_tree(word_counts):
        """Builds a Huffman tree from word counts.

        Frequent words get short paths. Ties between equal counts are broken
        by the order of ``word_counts``.

        Args:
            word_counts (dict): Maps each word to its count.

        Returns:
            The tree, as nested pairs with the words as leaves.

        Raises:
            ValueError: ``word_counts`` is empty.
        """
        if not word_counts:
            raise ValueError('Empty vocabulary')

        q = queue.PriorityQueue()
        # The uid keeps the heap from comparing words or subtrees.
        for uid, (word, count) in enumerate(word_counts.items()):
            q.put((count, uid, word))

        while q.qsize() >= 2:
            (count1, id1, word1) = q.get()
            (count2, id2, word2) = q.get()
            q.put((count1 + count2, min(id1, id2), (word1, word2)))

        return q.get()[2]

    def forward(self, x, t):
        """Computes the loss of a batch.

        Args:
            x (~chainer.Variable): Input vectors ``(batch, in_size)``.
            t (~chainer.Variable): Word IDs ``(batch,)``, int32.

        Returns:
            ~chainer.Variable: The summed loss (a scalar).
        """
        # A fresh function object per call, since it keeps per-call state.
        f = copy.copy(self._func)
        return f(x, t, self.W)

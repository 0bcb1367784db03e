"""L.BinaryHierarchicalSoftmax: softmax over words arranged in a tree."""
import copy
import heapq

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
        self.paths = {}
        self.codes = {}
        # Depth first, left before right, with an explicit stack; internal
        # nodes are numbered when first reached (pre-order).
        pending = [(tree, (), ())]
        while pending:
            node, path, code = pending.pop()
            if not isinstance(node, tuple):
                self.paths[node] = numpy.array(path, dtype=numpy.int32)
                self.codes[node] = numpy.array(code, dtype=self.dtype)
                continue
            if len(node) != 2:
                raise ValueError(
                    'All internal nodes must have two child nodes')
            path += (self.next_id,)
            self.next_id += 1
            left, right = node
            pending.append((right, path, code + (-1.0,)))
            pending.append((left, path, code + (1.0,)))


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
        paths, codes = parser.get_paths(), parser.get_codes()
        # The paths of all words, concatenated in word ID order: the path
        # of word i is paths[begins[i]:begins[i + 1]] (empty for an ID
        # absent from the tree).
        words = [i for i in range(max(paths) + 1) if i in paths]
        self.paths = numpy.concatenate([paths[i] for i in words])
        self.codes = numpy.concatenate([codes[i] for i in words])
        lengths = [len(paths.get(i, ())) for i in range(max(paths) + 1)]
        self.begins = numpy.cumsum([0] + lengths).astype(numpy.int32)
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
        for table in ('paths', 'codes', 'begins'):
            setattr(self, table, visitor.visit_array(getattr(self, table)))

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
        self._func = BinaryHierarchicalSoftmaxFunction(
            tree, chainer_lite.get_dtype(dtype))
        n_nodes = self._func.parser_size  # one row per internal node
        with self.init_scope():
            self.W = variable.Parameter(
                uniform.Uniform(1), shape=(n_nodes, in_size))

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

        # Entries (count, uid, subtree); the unique uid decides ties, so
        # words or subtrees are never compared.
        heap = [(count, uid, word)
                for uid, (word, count) in enumerate(word_counts.items())]
        heapq.heapify(heap)
        while len(heap) > 1:
            count_a, uid_a, tree_a = heapq.heappop(heap)
            count_b, uid_b, tree_b = heapq.heappop(heap)
            heapq.heappush(
                heap, (count_a + count_b, min(uid_a, uid_b),
                       (tree_a, tree_b)))
        return heap[0][2]

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

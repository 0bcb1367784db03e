"""Einstein summation (``numpy.einsum`` semantics, without broadcasting)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import _joining
from chainer_lite import utils
from chainer_lite.utils import type_check

# Inside this module an ellipsis is written '@', one character like the
# other subscripts.

einsum_symbols = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'


def _labelled_axes(subscripts):
    """``(index, label)`` for the axes of one operand.

    A subscript letter labels one axis; the ellipsis labels, as ``'@'``,
    the slice of axes it stands for.
    """
    head, ellipsis, tail = subscripts.partition('@')
    pairs = list(enumerate(head))
    if ellipsis:
        pairs.append((slice(len(head), -len(tail) if tail else None), '@'))
        pairs.extend((k - len(tail), c) for k, c in enumerate(tail))
    return pairs


def _contract(xp, dtype, in_subs, out_sub, inputs,
              forbid_ellipsis_sum=False):
    """``xp.einsum`` from ``in_subs`` to ``out_sub``, cast to ``dtype``.

    Unlike NumPy this may drop the ellipsis axes from the output (they are
    summed); ``forbid_ellipsis_sum`` makes that an error when they are not
    empty.
    """
    drop_ellipsis = '@' in in_subs and '@' not in out_sub
    # NumPy cannot sum over '...' by itself: keep the ellipsis axes in front
    # of the result and sum them afterwards.
    target = '@' + out_sub if drop_ellipsis else out_sub
    spec = (in_subs + '->' + target).replace('@', '...')
    # Contraction-order optimization pays off from three operands on.
    y = xp.einsum(spec, *inputs, optimize=len(inputs) >= 3)
    if drop_ellipsis:
        n_dropped = y.ndim - len(out_sub)
        if forbid_ellipsis_sum and n_dropped:
            raise ValueError(
                'einsum should not support summing over Ellipsis, '
                'while NumPy 1.14 sometimes accidentally supports it. '
                'This feature is no longer supported by Chainer. '
                'See also NumPy issues #10926, #9984.')
        y = y.sum(axis=tuple(range(n_dropped)))
    return utils.force_array(y, dtype)


def _result_dtype(xp, inputs):
    return xp.result_type(*[x.dtype for x in inputs])


def _axis_labels(subscripts, ndim):
    # One label per axis; the axes of an ellipsis get '@0', '@1', ...
    if '@' not in subscripts:
        return list(subscripts)
    left, right = subscripts.split('@')
    n_ellipsis = ndim - len(left) - len(right)
    return (list(left) + ['@{}'.format(k) for k in range(n_ellipsis)] +
            list(right))


class EinSum(function_node.FunctionNode):

    """Einstein summation of the inputs, ``in_subs`` to ``out_sub``."""

    def __init__(self, in_subs, out_sub):
        self.in_subs = in_subs
        self.out_sub = out_sub

    def check_type_forward(self, in_types):
        _joining.name_inputs(in_types)
        for in_type in in_types:
            type_check.expect(in_type.dtype.kind == 'f')
        operand_subs = self.in_subs.split(',')
        type_check.expect(in_types.size() == len(operand_subs))

        # No broadcasting: a label (the ellipsis included) has the same
        # size (sizes) in every operand that uses it.
        first_seen = {}
        for sub, in_type in zip(operand_subs, in_types):
            for index, label in _labelled_axes(sub):
                size = in_type.shape[index]
                known = first_seen.setdefault(label, size)
                if known is not size:
                    type_check.expect(known == size)

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        xp = backend.get_array_module(inputs[0])
        return _contract(xp, _result_dtype(xp, inputs), self.in_subs,
                         self.out_sub, inputs, forbid_ellipsis_sum=True),

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        gy, = grad_outputs
        operand_subs = self.in_subs.split(',')
        # The sum is linear in each input: the gradient of input i is the
        # same summation with input i replaced by gy, to input i's
        # subscripts (a diagonal or broadcast there when they require it).
        grads = []
        for i in indexes:
            subs = list(operand_subs)
            subs[i] = self.out_sub
            args = list(inputs)
            args[i] = gy
            node = DiagEinSum(','.join(subs), operand_subs[i],
                              inputs[i].shape)
            grads.append(node.apply(args)[0])
        return tuple(grads)


class DiagEinSum(EinSum):

    """Einstein summation whose output may repeat subscripts or add new ones.

    A repeated output subscript puts the values on a diagonal (zeros
    elsewhere); an output subscript absent from the inputs broadcasts the
    values along that axis. ``out_shape`` gives the output's shape.
    """

    def __init__(self, in_subs, out_sub, out_shape):
        self.in_subs = in_subs
        self.out_sub = out_sub
        self.out_shape = out_shape

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        xp = backend.get_array_module(inputs[0])
        dtype = _result_dtype(xp, inputs)

        labels = _axis_labels(self.out_sub, len(self.out_shape))
        sizes = dict(zip(labels, self.out_shape))
        unique = list(dict.fromkeys(labels))
        in_chars = set(self.in_subs)
        direct = [u for u in unique
                  if (u[0] == '@' and '@' in in_chars) or u in in_chars]
        if len(direct) == len(labels):
            return _contract(xp, dtype, self.in_subs, self.out_sub, inputs),

        direct_sub = ''.join(
            '@' if u == '@0' else ('' if u[0] == '@' else u) for u in direct)
        r = _contract(xp, dtype, self.in_subs, direct_sub, inputs)
        # Spread r over the grid of distinct output subscripts, then write it
        # to the positions where the repeated subscripts agree.
        grid_shape = tuple(sizes[u] for u in unique)
        value = xp.broadcast_to(
            r.reshape([sizes[u] if u in direct else 1 for u in unique]),
            grid_shape)
        index = tuple(
            xp.arange(sizes[label]).reshape(
                [-1 if u == label else 1 for u in unique])
            for label in labels)
        y = xp.zeros(self.out_shape, dtype)
        y[index] = value
        return y,


def einsum(*operands):
    """Einstein summation, as :func:`numpy.einsum`.

    Two calling conventions are accepted:

    - a subscript string first, then the operands:
      ``einsum('ij,jk->ik', a, b)``;
    - operands each followed by its list of integer labels (``Ellipsis``
      for ``...``), then optionally the output list:
      ``einsum(a, [0, 1], b, [1, 2], [0, 2])``.

    Unlike NumPy, operands are not broadcast against each other: every
    subscript (``...`` included) must have one size throughout, and an
    ellipsis cannot be summed away.

    Args:
        operands: The subscripts and the operands (float
            :class:`~chainer.Variable` or :ref:`ndarray`), as above.

    Returns:
        ~chainer.Variable: The result.

    Example:

        >>> import numpy as np
        >>> import chainer.functions as F
        >>> a = np.arange(6.0).reshape(2, 3)
        >>> F.einsum('ij,ij->i', a, a).array
        array([ 5., 50.])
        >>> F.einsum('ij->ji', a).shape
        (3, 2)
    """
    in_subs, out_sub, arrays = _parse_operands(operands)
    y, = EinSum(in_subs, out_sub).apply(arrays)
    return y


def _sublist_to_subscripts(sublist):
    chars = []
    for s in sublist:
        if s is Ellipsis:
            chars.append('@')
        elif isinstance(s, int):
            chars.append(einsum_symbols[s])
        else:
            raise TypeError('For this input type lists must contain '
                            'either int or Ellipsis')
    return ''.join(chars)


def _parse_operands(operands):
    """Parses einsum's arguments.

    Returns:
        tuple: The input subscripts (comma separated), the output subscript
        (``'@'`` standing for an ellipsis) and the list of operands.
    """
    if not operands:
        raise ValueError('No input operands')

    if isinstance(operands[0], str):
        subscripts = operands[0].replace(' ', '')
        operands = operands[1:]
        for s in subscripts:
            if s not in '.,->' and s not in einsum_symbols:
                raise ValueError('Character %s is not a valid symbol.' % s)
        if ('-' in subscripts or '>' in subscripts) and (
                subscripts.count('-') > 1 or subscripts.count('>') > 1 or
                subscripts.count('->') != 1):
            raise ValueError('Subscripts can only contain one \'->\'.')
        subscripts = subscripts.replace('...', '@')
        if '.' in subscripts:
            raise ValueError('Invalid Ellipses.')
    else:
        rest = list(operands)
        operands = []
        in_subs = []
        while len(rest) >= 2:
            operands.append(rest.pop(0))
            in_subs.append(_sublist_to_subscripts(rest.pop(0)))
        subscripts = ','.join(in_subs)
        if rest:
            subscripts += '->' + _sublist_to_subscripts(rest[0])

    in_subs, arrow, out_sub = subscripts.partition('->')
    if arrow:
        for char in out_sub:
            if char not in in_subs:
                raise ValueError(
                    'Output character %s did not appear in the input'
                    % ('...' if char == '@' else char))
    else:
        # Implicit output: the ellipsis, then the subscripts used once, in
        # alphabetical order.
        letters = in_subs.replace(',', '')
        out_sub = ''.join(
            c for c in sorted(set(letters))
            if c == '@' or letters.count(c) == 1)

    if in_subs.count(',') + 1 != len(operands):
        raise ValueError('Number of einsum subscripts must be equal to the '
                         'number of operands.')
    return in_subs, out_sub, operands

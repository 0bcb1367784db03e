"""Einstein summation (``numpy.einsum`` semantics, without broadcasting)."""
from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite import utils
from chainer_lite.utils import argument
from chainer_lite.utils import type_check

# Inside this module an ellipsis is written '@', one character like the
# other subscripts.

einsum_symbols = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'


def _enumerate_axes(subscripts):
    # (axis or slice of axes, subscript) pairs of one operand.
    if '@' in subscripts:
        left_sub, right_sub = subscripts.split('@')
        for i, s in enumerate(left_sub):
            yield i, s
        yield slice(len(left_sub), -len(right_sub) or None), '@'
        for i, s in enumerate(right_sub):
            yield i - len(right_sub), s
    else:
        for i, s in enumerate(subscripts):
            yield i, s


def _einsum(xp, dtype, in_subscripts, out_subscript, *inputs, **kwargs):
    check_undefined_ellipsis_sum, = argument.parse_kwargs(
        kwargs, ('check_undefined_ellipsis_sum', False))
    # NumPy cannot drop the ellipsis axes by itself: keep them in front and
    # sum them afterwards.
    sum_ellipsis = '@' in in_subscripts and '@' not in out_subscript
    if sum_ellipsis:
        subscripts = '{}->@{}'.format(in_subscripts, out_subscript)
    else:
        subscripts = '{}->{}'.format(in_subscripts, out_subscript)
    subscripts = subscripts.replace('@', '...')
    if len(inputs) >= 3:
        y = xp.einsum(subscripts, *inputs, optimize=True)
    else:
        y = xp.einsum(subscripts, *inputs)
    if sum_ellipsis:
        sum_ndim = y.ndim - len(out_subscript)
        if check_undefined_ellipsis_sum and sum_ndim > 0:
            raise ValueError(
                'einsum should not support summing over Ellipsis, '
                'while NumPy 1.14 sometimes accidentally supports it. '
                'This feature is no longer supported by Chainer. '
                'See also NumPy issues #10926, #9984.')
        y = xp.sum(y, axis=tuple(range(sum_ndim)))
    return utils.force_array(y, dtype)


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
        for i, in_type in enumerate(in_types):
            type_check._argname((in_type,), ('x{}'.format(i),))
            type_check.expect(in_type.dtype.kind == 'f')

        in_subs = self.in_subs.split(',')
        type_check.expect(in_types.size() == len(in_subs))

        # A subscript (the ellipsis included) has one size everywhere: no
        # broadcasting.
        shape_dict = {}
        for in_sub, in_type in zip(in_subs, in_types):
            for axis, char in _enumerate_axes(in_sub):
                shape = in_type.shape[axis]
                if char in shape_dict:
                    type_check.expect(shape_dict[char] == shape)
                else:
                    shape_dict[char] = shape

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        xp = backend.get_array_module(inputs[0])
        dtype = xp.result_type(*[x.dtype for x in inputs])
        return _einsum(xp, dtype, self.in_subs, self.out_sub, *inputs,
                       check_undefined_ellipsis_sum=True),

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        g, = grad_outputs
        in_subs = self.in_subs.split(',')
        # The sum is linear in each input: the gradient of input i is the
        # same summation with input i replaced by g, to input i's subscripts
        # (a diagonal or broadcast there when they require it).
        return tuple(
            DiagEinSum(
                in_subs=','.join([self.out_sub if j == i else s
                                  for j, s in enumerate(in_subs)]),
                out_sub=in_subs[i],
                out_shape=inputs[i].shape,
            ).apply(tuple([g if j == i else x
                           for j, x in enumerate(inputs)]))[0]
            for i in indexes)


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
        dtype = xp.result_type(*[x.dtype for x in inputs])

        labels = _axis_labels(self.out_sub, len(self.out_shape))
        sizes = dict(zip(labels, self.out_shape))
        unique = list(dict.fromkeys(labels))
        in_chars = set(self.in_subs)
        direct = [u for u in unique
                  if (u[0] == '@' and '@' in in_chars) or u in in_chars]
        if len(direct) == len(labels):
            return _einsum(xp, dtype, self.in_subs, self.out_sub, *inputs),

        direct_sub = ''.join(
            '@' if u == '@0' else ('' if u[0] == '@' else u) for u in direct)
        r = _einsum(xp, dtype, self.in_subs, direct_sub, *inputs)
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

    - ``einsum(subscripts, op0, op1, ...)``
    - ``einsum(op0, sublist0, op1, sublist1, ..., [sublistout])``

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
    input_subscripts, output_subscript, ioperands = \
        _parse_einsum_input(operands)
    return EinSum(
        in_subs=input_subscripts,
        out_sub=output_subscript,
    ).apply(ioperands)[0]


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


def _parse_einsum_input(operands):
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

    if '->' in subscripts:
        input_subscripts, output_subscript = subscripts.split('->')
        for char in output_subscript:
            if char not in input_subscripts:
                raise ValueError(
                    'Output character %s did not appear in the input'
                    % ('...' if char == '@' else char))
    else:
        # Implicit output: the ellipsis, then the subscripts used once, in
        # alphabetical order.
        input_subscripts = subscripts
        chars = subscripts.replace(',', '')
        output_subscript = ''.join(
            s for s in sorted(set(chars)) if s == '@' or chars.count(s) == 1)

    if len(input_subscripts.split(',')) != len(operands):
        raise ValueError('Number of einsum subscripts must be equal to the '
                         'number of operands.')
    return input_subscripts, output_subscript, operands

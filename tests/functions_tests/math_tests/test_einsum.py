"""F.einsum: both calling conventions, diagonals, ellipses, errors."""
import numpy
import pytest

import chainer_lite.functions as F
from chainer_lite.functions.math import einsum
from chainer_lite.utils import type_check
from helpers import gradients


def _sublists(subscripts, xs):
    # 'ij,jk->ik' with operands -> (x0, [8, 9], x1, [9, 10], [8, 10])
    ins, _, out = subscripts.partition('->')
    args = []
    for sub, x in zip(ins.split(','), xs):
        args += [x, [Ellipsis if c == '@' else ord(c) - ord('a')
                     for c in sub.replace('...', '@')]]
    if '->' in subscripts:
        args.append([Ellipsis if c == '@' else ord(c) - ord('a')
                     for c in out.replace('...', '@')])
    return args


@pytest.mark.parametrize('dtype', gradients.FLOAT_DTYPES)
@pytest.mark.parametrize('subscripts, shapes', [
    ('ij,jk->ik', ((2, 3), (3, 4))),
    (',ij->i', ((), (3, 4))),
    ('ij,jk,kl->il', ((2, 2), (2, 3), (3, 2))),
    ('ij,ij->i', ((2, 3), (2, 3))),
    ('ij,jk', ((2, 3), (3, 4))),
    ('i->', ((3,),)),
    ('ii', ((3, 3),)),
    ('ii->i', ((3, 3),)),
    ('j,iij', ((3,), (2, 2, 3))),
    ('...ij,...jk->...ik', ((2, 2, 3), (2, 3, 2))),
    ('i...j,jk...->k...i', ((4, 2, 3), (3, 5, 2))),
    ('...i,i', ((2, 2, 3), (3,))),
])
@pytest.mark.parametrize('style', ['str', 'sublist'])
def test_einsum(dtype, subscripts, shapes, style):
    rng = numpy.random.RandomState(0)
    xs = tuple(rng.uniform(-1, 1, s).astype(dtype) for s in shapes)

    def func(*xs):
        if style == 'str':
            return F.einsum(subscripts, *xs)
        return F.einsum(*_sublists(subscripts, xs))

    gradients.check_function(
        func, lambda *xs: numpy.asarray(numpy.einsum(subscripts, *xs)), xs,
        tolerances={'forward': {'atol': 1e-2}})


@pytest.mark.parametrize('subscripts, out_shape, shapes', [
    ('i->ij', (3, 4), ((3,),)),
    ('->i', (3,), ((),)),
    ('i->ii', (3, 3), ((3,),)),
    ('ij->iij', (2, 2, 3), ((2, 3),)),
])
def test_diag_einsum(subscripts, out_shape, shapes):
    # The output repeats subscripts (a diagonal) or adds new ones
    # (broadcast), as the gradient of einsum needs.
    rng = numpy.random.RandomState(0)
    xs = tuple(rng.uniform(-1, 1, s) for s in shapes)
    ins, out = subscripts.split('->')

    def reference(*xs):
        y = numpy.zeros(out_shape)
        view = numpy.einsum('{}->{}'.format(out, ''.join(dict.fromkeys(out))),
                            y)
        view.setflags(write=True)
        view[...] = numpy.einsum(
            '{}->{}'.format(ins, ''.join(
                c for c in dict.fromkeys(out) if c in ins)), *xs)[
                tuple(slice(None) if c in ins else None
                      for c in dict.fromkeys(out))]
        return y

    gradients.check_function(
        lambda *xs: einsum.DiagEinSum(ins, out, out_shape).apply(xs)[0],
        reference, xs)


@pytest.mark.parametrize('subscripts, shapes', [
    ('i,i', ((2,), (3,))),
    ('ii', ((2, 3),)),
    ('...i,...i', ((2, 2), (3, 2))),
    ('...i,...i', ((2, 2), (1, 2))),  # no broadcasting
])
def test_shape_mismatch(subscripts, shapes):
    with pytest.raises(type_check.InvalidType):
        F.einsum(subscripts, *[numpy.zeros(s, numpy.float32) for s in shapes])


@pytest.mark.parametrize('subscripts, shapes', [
    ('i,i', ((2,),) * 3),
    ('i,i', ((2,),)),
    ('i,i->j', ((2,), (2,))),
    ('i,i->...', ((2,), (2,))),
    ('i.j', ((2, 2),)),
    ('i->j->k', ((2,),)),
    ('i$', ((2,),)),
    # an ellipsis cannot be summed away
    ('...->', ((2,),)),
    ('j...i->ij', ((2, 1, 3),)),
    ('i,...i->', ((2,), (3, 2))),
])
def test_invalid_subscripts(subscripts, shapes):
    with pytest.raises(ValueError):
        F.einsum(subscripts, *[numpy.zeros(s, numpy.float32) for s in shapes])


def test_sublist_must_hold_ints():
    with pytest.raises(TypeError):
        F.einsum(numpy.zeros(2, numpy.float32), ['i'])

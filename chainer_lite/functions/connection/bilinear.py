"""Bilinear function (the building block of Neural Tensor Networks)."""
import numpy

from chainer_lite import backend
from chainer_lite import function_node
from chainer_lite.functions.array import broadcast
from chainer_lite.utils import type_check


def _as_mat(x):
    if x.ndim == 2:
        return x
    return x.reshape(len(x), -1)


class _Contract(function_node.FunctionNode):

    # A differentiable einsum without repeated indices inside an operand.
    # It is multilinear, so the gradient for one operand is again a
    # contraction: of the other operands with the output gradient.

    def __init__(self, subscripts):
        self.subscripts = subscripts
        ins, self.out = subscripts.split('->')
        self.ins = ins.split(',')

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        xp = backend.get_array_module(*inputs)
        return xp.einsum(self.subscripts, *inputs, optimize=True),

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        gy, = grad_outputs
        ret = []
        for i in indexes:
            others = [j for j in range(len(inputs)) if j != i]
            subscripts = '{}->{}'.format(
                ','.join([self.ins[j] for j in others] + [self.out]),
                self.ins[i])
            ret.append(_Contract(subscripts).apply(
                [inputs[j] for j in others] + [gy])[0])
        return ret


def _contract(subscripts, *operands):
    return _Contract(subscripts).apply(operands)[0]


def _sum_terms(terms):
    # The sum of the terms that are not None (None if there is none).
    total = None
    for t in terms:
        if t is not None:
            total = t if total is None else total + t
    return total


class BilinearFunction(function_node.FunctionNode):

    """``y_il = sum_jk e1_ij e2_ik W_jkl (+ e1 V1 + e2 V2 + b)``, float32."""

    @type_check._inputs_only
    def check_type_forward(self, in_types):
        n_in = type_check.eval(in_types.size())
        if n_in != 3 and n_in != 6:
            raise type_check.InvalidType(
                '{0} or {1}'.format(
                    in_types.size() == 3, in_types.size() == 6),
                '{0} == {1}'.format(in_types.size(), n_in))
        e1_type, e2_type, W_type = in_types[:3]
        # The inputs are flattened after the batch axis before the product.
        prod = type_check.make_variable(numpy.prod, 'prod')
        type_check.expect(
            e1_type.dtype == numpy.float32,
            e1_type.ndim >= 2,
            e2_type.dtype == numpy.float32,
            e2_type.ndim >= 2,
            e1_type.shape[0] == e2_type.shape[0],
            W_type.dtype == numpy.float32,
            W_type.ndim == 3,
            prod(e1_type.shape[1:]) == W_type.shape[0],
            prod(e2_type.shape[1:]) == W_type.shape[1],
        )
        if n_in == 6:
            # V1 and V2 map e1 and e2 (the first two axes of W) to the
            # output size (W's last axis), as does the bias.
            out_size = W_type.shape[2]
            for w_axis, v_type in enumerate(in_types[3:5]):
                type_check.expect(
                    v_type.dtype == numpy.float32,
                    v_type.ndim == 2,
                    v_type.shape[0] == W_type.shape[w_axis],
                    v_type.shape[1] == out_size,
                )
            bias_type = in_types[5]
            type_check.expect(
                bias_type.dtype == numpy.float32,
                bias_type.ndim == 1,
                bias_type.shape[0] == out_size,
            )

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        e1 = _as_mat(inputs[0])
        e2 = _as_mat(inputs[1])
        W = inputs[2]
        # The batched outer products e1_i (x) e2_i times W as one GEMM.
        outer = (e1[:, :, None] * e2[:, None, :]).reshape(len(e1), -1)
        y = outer.dot(W.reshape(-1, W.shape[2]))
        if len(inputs) == 6:
            V1, V2, b = inputs[3:]
            y += e1.dot(V1)
            y += e2.dot(V2)
            y += b
        return y,

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        # The bias does not enter the gradients.
        return BilinearFunctionGrad().apply(inputs[:5] + grad_outputs)


class BilinearFunctionGrad(function_node.FunctionNode):

    """Gradients of :class:`BilinearFunction`.

    Inputs are ``(e1, e2, W, gy)`` or ``(e1, e2, W, V1, V2, gy)``; outputs
    are the gradients for ``e1, e2, W`` (and ``V1, V2, b``).
    """

    def forward(self, inputs):
        self.retain_inputs(tuple(range(len(inputs))))
        e1 = _as_mat(inputs[0])
        e2 = _as_mat(inputs[1])
        W, gy = inputs[2], inputs[-1]
        xp = backend.get_array_module(*inputs)
        outer = (e1[:, :, None] * e2[:, None, :]).reshape(len(e1), -1)
        gW = outer.T.dot(gy).reshape(W.shape)
        # W contracted with gy, one (j, k) matrix per sample; e1's and e2's
        # gradients are its products with e2 and e1 (batched mat-vec).
        w_gy = xp.tensordot(gy, W, axes=(1, 2))
        ge1 = xp.matmul(w_gy, e2[:, :, None])[:, :, 0]
        ge2 = xp.matmul(e1[:, None, :], w_gy)[:, 0, :]
        if len(inputs) == 6:
            V1, V2 = inputs[3], inputs[4]
            ge1 += gy.dot(V1.T)
            ge2 += gy.dot(V2.T)
            return (ge1.reshape(inputs[0].shape),
                    ge2.reshape(inputs[1].shape), gW,
                    e1.T.dot(gy), e2.T.dot(gy), gy.sum(axis=0))
        return ge1.reshape(inputs[0].shape), ge2.reshape(inputs[1].shape), gW

    def backward(self, indexes, grad_outputs):
        inputs = self.get_retained_inputs()
        full = len(inputs) == 6
        e1 = _as_mat(inputs[0])
        e2 = _as_mat(inputs[1])
        W, gy = inputs[2], inputs[-1]
        gge1, gge2, ggW = grad_outputs[:3]
        gge1 = None if gge1 is None else _as_mat(gge1)
        gge2 = None if gge2 is None else _as_mat(gge2)
        ggV1, ggV2, ggb = grad_outputs[3:] if full else (None, None, None)
        V1, V2 = (inputs[3], inputs[4]) if full else (None, None)

        # Each output of this node is multilinear in the inputs; the
        # gradient of a sum of such terms is a sum of contractions.
        def term(subscripts, *operands):
            if any(op is None for op in operands):
                return None
            return _contract(subscripts, *operands)

        ret = []
        for i in indexes:
            if i == 0:
                g = _sum_terms([
                    term('ik,jkl,il->ij', gge2, W, gy),
                    term('ik,jkl,il->ij', e2, ggW, gy),
                    term('il,jl->ij', gy, ggV1),
                ])
                g = None if g is None else g.reshape(inputs[0].shape)
            elif i == 1:
                g = _sum_terms([
                    term('ij,jkl,il->ik', gge1, W, gy),
                    term('ij,jkl,il->ik', e1, ggW, gy),
                    term('il,kl->ik', gy, ggV2),
                ])
                g = None if g is None else g.reshape(inputs[1].shape)
            elif i == 2:
                g = _sum_terms([
                    term('ij,ik,il->jkl', gge1, e2, gy),
                    term('ij,ik,il->jkl', e1, gge2, gy),
                ])
            elif full and i == 3:
                g = term('ij,il->jl', gge1, gy)
            elif full and i == 4:
                g = term('ik,il->kl', gge2, gy)
            else:
                g = _sum_terms([
                    term('ij,ik,jkl->il', gge1, e2, W),
                    term('ij,ik,jkl->il', e1, gge2, W),
                    term('ij,ik,jkl->il', e1, e2, ggW),
                    term('ij,jl->il', gge1, V1),
                    term('ik,kl->il', gge2, V2),
                    term('ij,jl->il', e1, ggV1),
                    term('ik,kl->il', e2, ggV2),
                    None if ggb is None else broadcast.broadcast_to(
                        ggb, gy.shape),
                ])
            ret.append(g)
        return ret


def bilinear(e1, e2, W, V1=None, V2=None, b=None):
    """Bilinear map of two batches of vectors, plus optional linear terms.

    For a minibatch of pairs :math:`e^1 \\in \\mathbb{R}^{I \\times J}`,
    :math:`e^2 \\in \\mathbb{R}^{I \\times K}` it computes

    .. math::

        y_{il} = \\sum_{jk} e^1_{ij} e^2_{ik} W_{jkl}
            + \\sum_j e^1_{ij} V^1_{jl} + \\sum_k e^2_{ik} V^2_{kl} + b_l,

    where the linear parameters :math:`V^1, V^2, b` are optional (all or
    none of them). Inputs with more than two axes are flattened after the
    batch axis. Only float32 is supported. See `Reasoning With Neural
    Tensor Networks for Knowledge Base Completion
    <https://papers.nips.cc/paper/5028-reasoning-with-neural-tensor-networks-for-knowledge-base-completion>`_.

    Args:
        e1 (:class:`~chainer.Variable` or :ref:`ndarray`): Left input.
        e2 (:class:`~chainer.Variable` or :ref:`ndarray`): Right input.
        W (:class:`~chainer.Variable` or :ref:`ndarray`): Quadratic weight
            of shape :math:`(J, K, L)`.
        V1 (:class:`~chainer.Variable` or :ref:`ndarray`): Left coefficient
            of shape :math:`(J, L)`.
        V2 (:class:`~chainer.Variable` or :ref:`ndarray`): Right coefficient
            of shape :math:`(K, L)`.
        b (:class:`~chainer.Variable` or :ref:`ndarray`): Bias of shape
            :math:`(L,)`.

    Returns:
        ~chainer.Variable: Output of shape :math:`(I, L)`.

    .. seealso:: :class:`~chainer.links.Bilinear`.

    Example:

        >>> e1 = np.ones((2, 3), dtype=np.float32)
        >>> e2 = np.ones((2, 4), dtype=np.float32)
        >>> W = np.ones((3, 4, 5), dtype=np.float32)
        >>> F.bilinear(e1, e2, W).array[0]
        array([12., 12., 12., 12., 12.], dtype=float32)
    """
    linear_terms = (V1, V2, b)
    n_missing = sum(term is None for term in linear_terms)
    if n_missing not in (0, len(linear_terms)):
        raise ValueError('All coefficients and bias for bilinear() must '
                         'be None, if at least one of them is None.')
    inputs = (e1, e2, W)
    if not n_missing:
        inputs += linear_terms
    return BilinearFunction().apply(inputs)[0]

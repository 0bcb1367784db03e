"""Pieces of one backprop step: the gradient table and ``backprop_step``."""
import traceback

from chainer_lite.configuration import config  # NOQA




def _reduce(grad_list):
    """Reduces a list of gradient Variables to one, in place."""
    if not grad_list:
        return None
    if len(grad_list) >= 2:
        if config.enable_backprop:
            # The sum must stay differentiable (double backprop).
            from chainer_lite.functions.math import basic_math
            grad_list[:] = [basic_math.add(*grad_list)]
        else:
            grad_list[:] = [_sum_without_graph(grad_list)]
    return grad_list[0]


def _sum_without_graph(grad_list):
    """Sums gradient Variables outside the graph, reusing our own buffer.

    The first sum allocates a new array, so an array that came from a
    backward (or a leaf's previous ``grad``) is never modified. That array is
    marked as ours, and later terms are added into it in place: it is only
    referenced by the gradient table until the node's gradient is popped
    (which clears the mark). This saves one allocation per term, which is
    what makes long unrolled RNNs slow.
    """
    first = grad_list[0]
    if first._accumulator:
        total = first
        rest = grad_list[1:]
    else:
        from chainer_lite import utils
        total = _owned(
            utils.force_array(first._data[0] + grad_list[1]._data[0]),
            first._requires_grad)
        rest = grad_list[2:]
    array = total._data[0]
    for g in rest:
        array += g._data[0]
    return total


def _owned(array, requires_grad):
    """A gradient Variable on a fresh ``array``, marked as the table's."""
    from chainer_lite.variable import Variable
    total = Variable._output(array, requires_grad)
    total._accumulator = True
    return total


def _owned_copy(grad):
    """A copy of a gradient Variable, marked as owned by the table."""
    return _owned(grad._data[0].copy(), grad._requires_grad)


def _release(grad):
    """Clears the in-place mark of a gradient leaving the table."""
    if getattr(grad, '_accumulator', False):
        grad._accumulator = False
    return grad


def _take_leaf_grad(node):
    """Takes (and clears) the current gradient of a leaf's live Variable."""
    var = node._variable()
    if var is None:
        return None
    gv = var._grad_var if var._grad_valid else None
    var._grad_var = None
    var._grad_valid = True
    return gv


class GradTable(object):
    """Gradients under construction, as lists keyed by variable nodes.

    Args:
        accumulate_grad_inputs (bool): When a leaf node is first touched,
            start from the gradient its Variable already holds, so that
            gradients accumulate across backward calls.
    """

    def __init__(self, accumulate_grad_inputs=False):
        self.grads = {}
        self._load_if_new = accumulate_grad_inputs

    def __setitem__(self, node, grad):
        self.grads[node] = [] if grad is None else [grad]

    def accumulate(self, node, grad):
        self.get_as_list(node).append(grad)

    def get_as_list(self, node):
        grads = self.grads
        lst = grads.get(node)
        if lst is None:
            lst = []
            if self._load_if_new and node._creator_node is None:
                node._check_old_style_gradient()
                g = _take_leaf_grad(node)
                if g is not None:
                    lst.append(g)
            grads[node] = lst
        return lst

    def pop(self, node):
        if node is None:
            return None
        grads = self.grads
        if node in grads:
            return _release(_reduce(grads.pop(node)))
        if self._load_if_new:
            return _take_leaf_grad(node)
        return None


def _reraise_with_stack(func, e):
    if func.stack is not None:
        stack = ''.join(traceback.format_list(func.stack))
        if e.args:
            e.args = (str(e.args[0])
                      + '\nStacktrace of the function is below:\n'
                      + stack,) + e.args[1:]
    raise


def backprop_step(func, target_input_indexes, grad_outputs, grad_inputs,
                  is_debug):
    """Runs one function's backward and adds its results to ``grad_inputs``.

    Args:
        func (~chainer.FunctionNode): The function node.
        target_input_indexes (tuple of int): Sorted indexes of the inputs
            that need gradients.
        grad_outputs (tuple of Variable): Output gradients (``None`` where
            absent).
        grad_inputs (dict): Lists of input gradients keyed by input nodes.
        is_debug (bool): Whether debug checks run.
    """
    inputs = func.inputs
    if type(func).backward_accumulate is not _default_backward_accumulate:
        # A current gradient the table owns (marked _accumulator) may be
        # updated in place and returned; it stays owned only if it is.
        current = tuple([
            grad_inputs[inputs[i]].pop() if grad_inputs[inputs[i]] else None
            for i in target_input_indexes])
        try:
            gxs = func.backward_accumulate(
                target_input_indexes, grad_outputs, current)
        except Exception as e:
            _reraise_with_stack(func, e)
        for g in current:
            if g is not None and not any([g is gx for gx in gxs]):
                _release(g)
    else:
        try:
            gxs = func.backward(target_input_indexes, grad_outputs)
        except Exception as e:
            _reraise_with_stack(func, e)
        if is_debug:
            from chainer_lite.variable import Variable
            for gx in gxs:
                if not (gx is None or isinstance(gx, Variable)):
                    raise ValueError(func._get_error_message(
                        'type of gradients returned from backward is '
                        'incorrect: {} != expected {}'.format(
                            type(gx), Variable)))
        n = len(gxs)
        if n == len(inputs):
            if n != len(target_input_indexes):
                gxs = tuple([gxs[i] for i in target_input_indexes])
        elif n != len(target_input_indexes):
            msg = 'number of gradients returned from backward is incorrect: '
            if len(inputs) == len(target_input_indexes):
                msg += '%s != expected %s' % (n, len(inputs))
            else:
                msg += '%s != expected %s or %s' % (
                    n, len(inputs), len(target_input_indexes))
            raise ValueError(func._get_error_message(msg))

    for i, gx in zip(target_input_indexes, gxs):
        if gx is None or gx._data[0] is None:
            continue
        node_x = inputs[i]
        lst = grad_inputs[node_x]
        if is_debug:
            _debug_check_grad(func, i, gx, node_x, lst)
        lst.append(gx)

    if is_debug:
        from chainer_lite import backend
        for lst in grad_inputs.values():
            for gx in lst:
                if backend._contains_nan(gx.array):
                    raise RuntimeError(
                        'NaN is detected on backward computation of {}'
                        .format(func.label))

    if not func.lazy_grad_sum:
        for lst in grad_inputs.values():
            if len(lst) >= 2:
                _reduce(lst)


def _debug_check_grad(func, i, gx, node_x, lst):
    if gx.shape != node_x.shape:
        raise ValueError(func._get_error_message(
            'shape of gradients returned from backward is incorrect: '
            'input-index={}, actual {} != expected {}'.format(
                i, gx.shape, node_x.shape)))
    if lst:
        g0 = lst[0]
        if gx.shape != g0.shape:
            raise ValueError(func._get_error_message(
                'shape of gradients returned from backward is incorrect: '
                'input-index={}, actual {} != expected {}'.format(
                    i, gx.shape, g0.shape)))
        if gx.dtype != g0.dtype:
            raise ValueError(func._get_error_message(
                'dtype of gradients returned from backward is incorrect: '
                'input-index={}, actual {} != expected {}'.format(
                    i, gx.dtype, g0.dtype)))



def _default_backward_accumulate(self, target_input_indexes, grad_outputs,
                                 grad_inputs):
    """Computes gradients w.r.t. specified inputs and accumulates them.

    Override this (instead of ``backward``) to fuse the gradient computation
    with the sum of the gradients coming from other paths.

    Args:
        target_input_indexes (tuple of int): Sorted target indexes.
        grad_outputs (tuple of Variable): Output gradients.
        grad_inputs (tuple of Variable): Gradients already computed for the
            targets through other paths (``None`` where absent).

    Returns:
        Tuple of Variables, one per target index.
    """
    gxs = self.backward(target_input_indexes, grad_outputs)
    if len(gxs) == len(self.inputs) and \
            len(gxs) != len(target_input_indexes):
        gxs = tuple([gxs[i] for i in target_input_indexes])
    return tuple([gx if g_input is None else
                  g_input if gx is None else
                  gx + g_input
                  for gx, g_input in zip(gxs, grad_inputs)])

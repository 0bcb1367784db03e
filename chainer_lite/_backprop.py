"""The backward traversal: one place for Variable.backward, backward and grad."""
import heapq
import traceback
import warnings

from chainer_lite.configuration import config
from chainer_lite.configuration import using_config


def _writeable(array):
    flags = getattr(array, 'flags', None)
    return flags is None or flags.writeable


def _sum_grads(grad_list):
    """Reduces a list of gradient Variables to one, in place."""
    if not grad_list:
        return None
    if len(grad_list) >= 2:
        from chainer_lite.functions.math import basic_math
        grad_list[:] = [basic_math.add(*grad_list)]
    return grad_list[0]


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
            return _sum_grads(grads.pop(node))
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
        current = tuple([
            grad_inputs[inputs[i]].pop() if grad_inputs[inputs[i]] else None
            for i in target_input_indexes])
        try:
            gxs = func.backward_accumulate(
                target_input_indexes, grad_outputs, current)
        except Exception as e:
            _reraise_with_stack(func, e)
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
                _sum_grads(lst)


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


def _hooks_for(func, base_hooks):
    local = func._local_function_hooks
    if not local:
        return base_hooks
    from chainer_lite import function_hook
    hooks = dict(function_hook._global_hooks())
    hooks.update(local)
    return hooks.values()


def _run_step(func, target_input_indexes, out_grad, in_grad, is_debug,
              hooks):
    if hooks:
        in_data = tuple([x.data for x in func.inputs])
        out_grad_data = tuple([None if g is None else g._data[0]
                               for g in out_grad])
        for hook in hooks:
            hook.backward_preprocess(func, in_data, out_grad_data)
        backprop_step(func, target_input_indexes, out_grad, in_grad, is_debug)
        for hook in hooks:
            hook.backward_postprocess(func, in_data, out_grad_data)
    else:
        backprop_step(func, target_input_indexes, out_grad, in_grad, is_debug)


def _backprop_to_all(outputs, retain_grad, loss_scale):
    """Backpropagates from ``outputs`` to every reachable leaf.

    Args:
        outputs (list of tuple): ``(y_node, y_grad_var)`` pairs.
        retain_grad (bool): Keep intermediate gradients.
        loss_scale (float): Recorded on the leaves for the update rules.
    """
    from chainer_lite import function_hook
    from chainer_lite.variable import _check_grad_type
    heap = []
    seen = set()
    counter = 0
    grads = GradTable(accumulate_grad_inputs=True)
    leaf_nodes = []
    leaf_seen = set()

    def push(func):
        nonlocal counter
        if func not in seen:
            heapq.heappush(heap, (-func.rank, counter, func))
            counter += 1
            seen.add(func)

    for y, gy in outputs:
        grads.accumulate(y, gy)
        func = y._creator_node
        if func is None:
            if y not in leaf_seen:
                leaf_seen.add(y)
                leaf_nodes.append(y)
        else:
            push(func)

    is_debug = config.debug
    base_hooks = list(function_hook._global_hooks().values())
    while heap:
        func = heapq.heappop(heap)[2]
        inputs = func.inputs
        target_input_indexes = tuple([
            i for i, x in enumerate(inputs) if x._requires_grad])
        out_nodes = [y() for y in func.outputs]
        out_grad = tuple([
            grads.pop(y) if y is not None and y._creator_node is not None
            else None for y in out_nodes])
        if not target_input_indexes:
            continue

        in_grad = {}
        for i in target_input_indexes:
            x = inputs[i]
            if x not in in_grad:
                in_grad[x] = grads.get_as_list(x)

        _run_step(func, target_input_indexes, out_grad, in_grad, is_debug,
                  _hooks_for(func, base_hooks))

        if retain_grad:
            for y, gy in zip(out_nodes, out_grad):
                if y is not None:
                    var = y._variable()
                    if var is not None:
                        var._set_grad_var_without_check(gy)
        del out_grad

        for x, gx in in_grad.items():
            if not gx:
                continue
            for g in gx:
                _check_grad_type(func, x, True, g._data[0])
            creator = x._creator_node
            if creator is None:
                if x not in leaf_seen:
                    leaf_seen.add(x)
                    leaf_nodes.append(x)
            else:
                push(creator)
        del in_grad

    for x in leaf_nodes:
        x_var = x._variable()
        gx = grads.pop(x)
        if x_var is not None:
            if gx is not None and not _writeable(gx._data[0]):
                # e.g. a broadcast view: optimizer hooks update grads in place
                if gx._node._creator_node is None:
                    gx = type(gx)(gx._data[0].copy(),
                                  requires_grad=gx._requires_grad)
                else:
                    gx = gx + 0  # a new array, still differentiable
            x_var._set_grad_var_without_check(gx)
            x_var._loss_scale = loss_scale


def backward(outputs, grad_outputs=None, **kwargs):
    """backward(outputs, grad_outputs=None, *, enable_double_backprop=False)

    Runs backpropagation from several variables at once.

    Args:
        outputs (tuple or list of ~chainer.Variable): Where backprop starts.
        grad_outputs (tuple or list of ~chainer.Variable): Initial output
            gradients; ``None`` uses each output's ``grad_var`` (no default
            of ones).
        enable_double_backprop (bool): Record the backward computation so
            that it can be differentiated again.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> x = chainer.Variable(np.array([1.0, 2.0]))
        >>> y = x * x
        >>> y.grad = np.ones(2)
        >>> chainer.backward([y])
        >>> x.grad
        array([2., 4.])
    """
    from chainer_lite.utils import argument
    from chainer_lite.variable import Variable
    enable_double_backprop, = argument.parse_kwargs(
        kwargs, ('enable_double_backprop', False),
        retain_grad='semantics for retain_grad=True is under discussion',
        loss_scale='chainer.backward does not support loss_scale option',
    )
    if not isinstance(outputs, (tuple, list)):
        raise TypeError(
            'outputs must be a tuple or a list, not {}.'.format(type(outputs)))
    for v in outputs:
        if not isinstance(v, Variable):
            raise TypeError(
                'each output must be a Variable, not {}'.format(type(v)))
    if grad_outputs is not None:
        if not isinstance(grad_outputs, (tuple, list)):
            raise TypeError(
                'grad_outputs must be None, a tuple, or a list, not {}.'
                .format(type(grad_outputs)))
        if len(outputs) != len(grad_outputs):
            raise ValueError(
                'grad_outputs must be of the same length as outputs.\n'
                'len(outputs) = {}, len(grad_outputs) = {}'
                .format(len(outputs), len(grad_outputs)))
    else:
        grad_outputs = []
        for y in outputs:
            grad_var = y.grad_var
            if grad_var is None:
                warnings.warn(
                    'outputs contains a Variable without grad, or '
                    'duplicate outputs. Note that '
                    'chainer.backward does not set default grad.',
                    RuntimeWarning)
            y.grad_var = None
            grad_outputs.append(grad_var)
    pairs = [(y.node, gy) for y, gy in zip(outputs, grad_outputs)
             if gy is not None]
    with using_config('enable_backprop', enable_double_backprop):
        _backprop_to_all(pairs, False, None)


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

"""The backward traversal: one place for Variable.backward, backward and grad."""
import heapq
import warnings

from chainer_lite.configuration import config
from chainer_lite.configuration import using_config
from chainer_lite._backprop_utils import backprop_step
from chainer_lite._backprop_utils import GradTable


class _CandidateQueue(object):
    """Function nodes waiting for backward, highest rank first.

    Among nodes of equal rank the first pushed comes first; a node is
    queued at most once.
    """

    def __init__(self):
        self._heap = []
        self._seen = set()

    def push(self, func):
        if func not in self._seen:
            heapq.heappush(self._heap, (-func.rank, len(self._seen), func))
            self._seen.add(func)

    def pop(self):
        return heapq.heappop(self._heap)[2]

    def __bool__(self):
        return bool(self._heap)


def _writeable(array):
    flags = getattr(array, 'flags', None)
    return flags is None or flags.writeable


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
    queue = _CandidateQueue()
    grads = GradTable(accumulate_grad_inputs=True)
    leaf_nodes = {}  # an ordered set

    for y, gy in outputs:
        grads.accumulate(y, gy)
        func = y._creator_node
        if func is None:
            leaf_nodes[y] = None
        else:
            queue.push(func)

    is_debug = config.debug
    base_hooks = list(function_hook._global_hooks().values())
    while queue:
        func = queue.pop()
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
                leaf_nodes[x] = None
            else:
                queue.push(creator)
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


def _backprop_to_inputs(outputs, inputs, grad_required, retain_grad, grads,
                       loss_scale):
    """Backpropagates only over the nodes in ``grad_required`` (for grad).

    Returns:
        dict: The gradient of each input node.
    """
    from chainer_lite import function_hook
    queue = _CandidateQueue()
    for y in outputs:
        if y.creator_node is not None:
            queue.push(y.creator_node)

    input_nodes = set(x.node for x in inputs)
    ret_dict = {}
    is_debug = config.debug
    base_hooks = list(function_hook._global_hooks().values())
    while queue:
        func = queue.pop()
        ys = [y() for y in func.outputs]
        gys = tuple([grads.pop(y)
                     if y is not None and y.creator_node is not None
                     else None for y in ys])
        for node, gy in zip(ys, gys):
            if node is not None:
                if node in input_nodes:
                    ret_dict[node] = gy
                if retain_grad:
                    y = node.get_variable_or_none()
                    if y is not None:
                        y.grad_var = gy
                        y._loss_scale = loss_scale

        input_indexes = []
        x_grads = {}
        for i, x in enumerate(func.inputs):
            if x not in grad_required:
                continue
            input_indexes.append(i)
            if x not in x_grads:
                x_grads[x] = grads.get_as_list(x)
        if not input_indexes:
            continue
        _run_step(func, tuple(input_indexes), gys, x_grads, is_debug,
                  _hooks_for(func, base_hooks))
        for node, g in x_grads.items():
            if g and node.creator_node is not None:
                queue.push(node.creator_node)

    for x in input_nodes:
        if x not in ret_dict:
            ret_dict[x] = grads.pop(x)
    return ret_dict


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

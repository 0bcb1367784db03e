"""The graph of functions and variables behind outputs, as DOT text."""
import collections

from chainer_lite import function_node
from chainer_lite import variable


# The docstrings below quote these defaults.
_DEFAULT_VARIABLE_STYLE = dict(
    shape='octagon', fillcolor='#E0E0E0', style='filled')
_DEFAULT_FUNCTION_STYLE = dict(
    shape='record', fillcolor='#6495ED', style='filled')

_RANKDIRS = ('TB', 'BT', 'LR', 'RL')


def _is_variable(node):
    return isinstance(node, variable.VariableNode)


def _is_function(node):
    return isinstance(node, function_node.FunctionNode)


def _resolve_style(style, default):
    # None: no attributes; 'default': a copy of the default ones.
    if style is None:
        return {}
    if isinstance(style, str) and style == 'default':
        return dict(default)
    return style


class DotNode(object):
    """A graph node (variable or function) with its DOT attributes.

    Args:
        node: A :class:`~chainer.variable.VariableNode` or
            :class:`~chainer.FunctionNode`.
        attribute (dict): DOT attributes added to the default ones (the
            label, and ``shape`` oval for variables or box for functions).
        show_name (bool): Prefix a variable's label with its name.
    """

    def __init__(self, node, attribute=None, show_name=True):
        assert _is_variable(node) or _is_function(node)
        self.node = node
        self.id_ = id(node)
        text = node.label
        if not _is_variable(node):
            shape = 'box'
        else:
            shape = 'oval'
            if show_name and node.name is not None:
                text = '{}: {}'.format(node.name, text)
        self.attribute = {'label': text, 'shape': shape}
        self.attribute.update(attribute or {})

    @property
    def label(self):
        """The DOT statement of the node: ``<id> [key="value",...];``."""
        pairs = ','.join('{}="{}"'.format(key, value)
                         for key, value in self.attribute.items())
        return '{} [{}];'.format(self.id_, pairs)


class ComputationalGraph(object):
    """A computational graph (assumed acyclic) of variables and functions.

    Args:
        nodes (list): :class:`~chainer.variable.VariableNode` and
            :class:`~chainer.FunctionNode` objects.
        edges (list): ``(head, tail)`` pairs of nodes.
        variable_style (dict or 'default'): DOT attributes of variables;
            ``'default'`` is ``{'shape': 'octagon', 'fillcolor': '#E0E0E0',
            'style': 'filled'}``, ``None`` none.
        function_style (dict or 'default'): DOT attributes of functions;
            ``'default'`` is ``{'shape': 'record', 'fillcolor': '#6495ED',
            'style': 'filled'}``, ``None`` none.
        rankdir (str): Layout direction: ``'TB'``, ``'BT'``, ``'LR'`` or
            ``'RL'``.
        remove_variable (bool): Draw only the functions, linked directly.
        show_name (bool): Show the variables' names in their labels.
    """

    def __init__(self, nodes, edges, variable_style='default',
                 function_style='default', rankdir='TB',
                 remove_variable=False, show_name=True):
        self.nodes = nodes
        self.edges = edges
        self.variable_style = _resolve_style(
            variable_style, _DEFAULT_VARIABLE_STYLE)
        self.function_style = _resolve_style(
            function_style, _DEFAULT_FUNCTION_STYLE)
        if rankdir not in _RANKDIRS:
            raise ValueError('rankdir must be in TB, BT, LR or RL.')
        self.rankdir = rankdir
        self.remove_variable = remove_variable
        self.show_name = show_name

    def _to_dot(self):
        if self.remove_variable:
            # The graph itself is rewritten (as Chainer does).
            self.nodes, self.edges = _function_edges(self.nodes, self.edges)

        statements = ['digraph graphname{rankdir=%s;' % self.rankdir]
        for node in self.nodes:
            assert _is_variable(node) or _is_function(node)
            if _is_function(node):
                style = self.function_style
            elif self.remove_variable:
                continue
            else:
                style = self.variable_style
            statements.append(DotNode(node, style, self.show_name).label)

        # An edge links a variable and a function (two functions once
        # variables are removed); each pair is drawn once.
        drawn = set()
        for head, tail in self.edges:
            mixed = ((_is_variable(head) and _is_function(tail))
                     or (_is_function(head) and _is_variable(tail)))
            if not (mixed or self.remove_variable):
                raise TypeError('head and tail should be the set of '
                                'VariableNode and Function')
            assert all(_is_variable(n) or _is_function(n)
                       for n in (head, tail))
            ids = (id(head), id(tail))
            if ids not in drawn:
                drawn.add(ids)
                statements.append('{} -> {};'.format(*ids))
        statements.append('}')
        return ''.join(statements)

    def dump(self, format='dot'):
        """Returns the graph as text.

        Args:
            format (str): Output language; only ``'dot'`` is supported.

        Returns:
            str: The graph in DOT language.
        """
        if format == 'dot':
            return self._to_dot()
        raise NotImplementedError('Currently, only dot format is supported.')


def _function_edges(nodes, edges):
    # Rewrites variable-function edges into function-function edges: from
    # the creator of the head variable to the function consuming the tail
    # (the first one among `nodes`). Edges with no such end are dropped.
    consumer = {}
    for node in nodes:
        if _is_function(node):
            for x in node.inputs:
                consumer.setdefault(id(x), node)

    rewritten = []
    for head, tail in edges:
        if _is_variable(head):
            head = head.creator_node
        if _is_variable(tail):
            tail = consumer.get(id(tail))
        if head is not None and tail is not None:
            rewritten.append((head, tail))
    return nodes, rewritten


def build_computational_graph(outputs, remove_split=True,
                              variable_style='default',
                              function_style='default', rankdir='TB',
                              remove_variable=False, show_name=True):
    """Builds the graph of the nodes from which ``outputs`` were computed.

    The graph holds the outputs and every variable and function reachable
    backward from them (stopping where ``unchain_backward`` cut the graph).

    Args:
        outputs: A :class:`~chainer.Variable`,
            :class:`~chainer.variable.VariableNode` or
            :class:`~chainer.FunctionNode`, or a list of them.
        remove_split (bool): Must be ``True`` (kept for compatibility).
        variable_style (dict or 'default'): DOT attributes of variables.
        function_style (dict or 'default'): DOT attributes of functions.
        rankdir (str): ``'TB'``, ``'BT'``, ``'LR'`` or ``'RL'``.
        remove_variable (bool): Draw only the functions.
        show_name (bool): Show the variables' names in their labels.

    Returns:
        ComputationalGraph: The graph.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.functions as F
        >>> from chainer import computational_graph
        >>> x = chainer.Variable(np.ones(3, np.float32))
        >>> y = F.sum(x * 2)
        >>> g = computational_graph.build_computational_graph([y])
        >>> len(g.nodes), len(g.edges)
        (5, 4)
        >>> g.dump().startswith('digraph graphname{rankdir=TB;')
        True
    """
    if not remove_split:
        raise ValueError('remove_split=False is not supported anymore')

    output_types = (variable.Variable, variable.VariableNode,
                    function_node.FunctionNode)
    if isinstance(outputs, output_types):
        outputs = [outputs]
    elif not all(isinstance(o, output_types) for o in outputs):
        raise TypeError(
            'element of outputs must be either Variable, VariableNode, '
            ' or FunctionNode.')

    # The graph is the closure of the outputs under "creator of" (for
    # variables) and "inputs of" (for functions); the order of the walk
    # does not change it.
    starts = [o.node if isinstance(o, variable.Variable) else o
              for o in outputs]
    nodes = set(starts)
    edges = set()
    pending = collections.deque(starts)
    while pending:
        node = pending.pop()
        if _is_variable(node):
            sources = [node.creator_node]
        elif _is_function(node):
            sources = node.inputs
        else:
            continue
        for source in sources:
            if source is None or (source, node) in edges:
                continue
            edges.add((source, node))
            nodes.add(source)
            pending.append(source)
    return ComputationalGraph(
        list(nodes), list(edges), variable_style=variable_style,
        function_style=function_style, rankdir=rankdir,
        remove_variable=remove_variable, show_name=show_name)

"""The graph of functions and variables behind outputs, as DOT text."""
import heapq

from chainer_lite import function_node
from chainer_lite import variable


# The docstrings below quote these defaults.
_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


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
        assert isinstance(node, (variable.VariableNode,
                                 function_node.FunctionNode))
        self.node = node
        self.id_ = id(node)
        self.attribute = {'label': node.label}
        if isinstance(node, variable.VariableNode):
            if show_name and node.name is not None:
                self.attribute['label'] = '{}: {}'.format(
                    node.name, self.attribute['label'])
            self.attribute['shape'] = 'oval'
        else:
            self.attribute['shape'] = 'box'
        if attribute is not None:
            self.attribute.update(attribute)

    @property
    def label(self):
        """The DOT statement of the node: ``<id> [key="value",...];``."""
        attributes = ['%s="%s"' % (k, v) for k, v in self.attribute.items()]
        return '%s [%s];' % (self.id_, ','.join(attributes))


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
        if variable_style is None:
            variable_style = {}
        elif variable_style == 'default':
            variable_style = dict(_var_style)
        if function_style is None:
            function_style = {}
        elif function_style == 'default':
            function_style = dict(_func_style)

        self.nodes = nodes
        self.edges = edges
        self.variable_style = variable_style
        self.function_style = function_style
        if rankdir not in ('TB', 'BT', 'LR', 'RL'):
            raise ValueError('rankdir must be in TB, BT, LR or RL.')
        self.rankdir = rankdir
        self.remove_variable = remove_variable
        self.show_name = show_name

    def _to_dot(self):
        ret = 'digraph graphname{rankdir=%s;' % self.rankdir

        if self.remove_variable:
            self.nodes, self.edges = _skip_variable(self.nodes, self.edges)

        for node in self.nodes:
            assert isinstance(node, (variable.VariableNode,
                                     function_node.FunctionNode))
            if isinstance(node, variable.VariableNode):
                if not self.remove_variable:
                    ret += DotNode(
                        node, self.variable_style, self.show_name).label
            else:
                ret += DotNode(node, self.function_style, self.show_name).label

        drawn_edges = set()
        for head, tail in self.edges:
            if (isinstance(head, variable.VariableNode) and
                    isinstance(tail, function_node.FunctionNode)):
                head_attr = self.variable_style
                tail_attr = self.function_style
            elif (isinstance(head, function_node.FunctionNode) and
                  isinstance(tail, variable.VariableNode)):
                head_attr = self.function_style
                tail_attr = self.variable_style
            elif self.remove_variable:
                head_attr = tail_attr = self.function_style
            else:
                raise TypeError('head and tail should be the set of '
                                'VariableNode and Function')
            edge = (DotNode(head, head_attr, self.show_name).id_,
                    DotNode(tail, tail_attr, self.show_name).id_)
            if edge in drawn_edges:
                continue
            ret += '%s -> %s;' % edge
            drawn_edges.add(edge)
        ret += '}'
        return ret

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


def _skip_variable(nodes, edges):
    # Rewrites variable-function edges into function-function edges: from
    # the creator of the head variable to the function consuming the tail.
    func_edges = []
    for head, tail in edges:
        if isinstance(head, variable.VariableNode):
            if head.creator_node is None:
                continue
            head = head.creator_node
        if isinstance(tail, variable.VariableNode):
            consumer = None
            for node in nodes:
                if isinstance(node, function_node.FunctionNode) and any(
                        input_var is tail for input_var in node.inputs):
                    consumer = node
                    break
            if consumer is None:
                continue
            tail = consumer
        func_edges.append((head, tail))
    return nodes, func_edges


def build_computational_graph(
        outputs, remove_split=True, variable_style='default',
        function_style='default', rankdir='TB', remove_variable=False,
        show_name=True):
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

    # Visit nodes from the highest rank down, in insertion order among
    # equal ranks, as the backward pass does.
    candidates = []
    seen_edges = set()
    nodes = set()
    push_count = 0

    def add_candidate(candidate):
        nonlocal push_count
        heapq.heappush(candidates, (-candidate.rank, push_count, candidate))
        push_count += 1

    for o in outputs:
        if isinstance(o, variable.Variable):
            o = o.node
        add_candidate(o)
        nodes.add(o)

    while candidates:
        _, _, candidate = heapq.heappop(candidates)
        if isinstance(candidate, variable.VariableNode):
            creator = candidate.creator_node
            if creator is not None and (creator, candidate) not in seen_edges:
                add_candidate(creator)
                seen_edges.add((creator, candidate))
                nodes.add(creator)
                nodes.add(candidate)
        elif isinstance(candidate, function_node.FunctionNode):
            for input_ in candidate.inputs:
                if input_ is not candidate and \
                        (input_, candidate) not in seen_edges:
                    add_candidate(input_)
                    seen_edges.add((input_, candidate))
                    nodes.add(input_)
                    nodes.add(candidate)
    return ComputationalGraph(
        list(nodes), list(seen_edges), variable_style,
        function_style, rankdir, remove_variable, show_name)

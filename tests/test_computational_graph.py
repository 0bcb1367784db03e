import re

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
from chainer_lite import computational_graph as c


def _graph():
    # x -> Mul(2) -> h -> Sum -> y, with x named.
    x = chainer.Variable(numpy.ones(3, numpy.float32), name='x')
    h = x * 2
    y = F.sum(h)
    return x, h, y


def test_nodes_and_edges():
    x, h, y = _graph()
    g = c.build_computational_graph([y])
    assert len(g.nodes) == 5  # x, Mul, h, Sum, y
    assert len(g.edges) == 4
    assert {n for n in g.nodes} >= {x.node, h.node, y.node,
                                    y.creator_node, h.creator_node}
    assert (x.node, h.creator_node) in g.edges
    assert (y.creator_node, y.node) in g.edges


def test_partial_and_multiple_outputs():
    x, h, y = _graph()
    assert len(c.build_computational_graph(h).nodes) == 3
    assert len(c.build_computational_graph([x]).nodes) == 1
    assert len(c.build_computational_graph([h, y]).edges) == 4
    assert len(c.build_computational_graph(y.creator_node).nodes) == 4


def test_unchain_stops_graph():
    x, h, y = _graph()
    h.unchain_backward()
    assert len(c.build_computational_graph([y]).nodes) == 3


def test_dump_dot():
    x, h, y = _graph()
    dot = c.build_computational_graph([y]).dump()
    assert dot.startswith('digraph graphname{rankdir=TB;')
    assert dot.endswith('}')
    assert re.search(
        r'%d \[label="x: \(3\), float32",shape="octagon",'
        r'fillcolor="#E0E0E0",style="filled"\];' % id(x.node), dot)
    assert '%d -> %d;' % (id(x.node), id(h.creator_node)) in dot
    assert 'label="Sum",shape="record"' in dot


def test_styles_and_options():
    x, h, y = _graph()
    dot = c.build_computational_graph(
        [y], variable_style=None, function_style=None, rankdir='LR',
        show_name=False).dump()
    assert 'rankdir=LR;' in dot
    assert '[label="(3), float32",shape="oval"];' in dot
    assert '[label="Sum",shape="box"];' in dot


def test_remove_variable():
    x, h, y = _graph()
    dot = c.build_computational_graph([y], remove_variable=True).dump()
    assert 'float32' not in dot
    assert '%d -> %d;' % (id(h.creator_node), id(y.creator_node)) in dot


def test_errors():
    x, h, y = _graph()
    with pytest.raises(TypeError, match='element of outputs'):
        c.build_computational_graph(h.array)
    with pytest.raises(ValueError, match='remove_split'):
        c.build_computational_graph([y], remove_split=False)
    with pytest.raises(ValueError, match='rankdir'):
        c.build_computational_graph([y], rankdir='XX')
    with pytest.raises(NotImplementedError):
        c.build_computational_graph([y]).dump('png')


def test_dot_node_label():
    x, h, y = _graph()
    node = c.DotNode(x.node, {'color': 'red'})
    assert node.label == \
        '%d [label="x: (3), float32",shape="oval",color="red"];' % id(x.node)

"""Static-graph optimizations (not reproduced: code always runs define-by-run)."""
from chainer_lite.graph_optimizations import static_graph  # NOQA
from chainer_lite.graph_optimizations import static_graph_utilities  # NOQA
from chainer_lite.graph_optimizations.static_graph_utilities import static_code  # NOQA

"""Extension dumping the computational graph of a reported variable."""
import os
import subprocess

from chainer_lite import computational_graph
from chainer_lite import configuration
from chainer_lite.training import extension
from chainer_lite.utils import argument
from chainer_lite import variable


def is_return_code_zero(args):
    """Returns whether the command ``args`` runs and exits with status 0.

    Its output is discarded; a missing command counts as a failure.

    Args:
        args (list of str): The command.
    """
    try:
        subprocess.check_call(args, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    except (subprocess.CalledProcessError, OSError):
        return False
    return True


def is_graphviz_available():
    """Returns whether Graphviz's ``dot`` command can be run."""
    return is_return_code_zero(['dot', '-V'])


_var_style = {'shape': 'octagon', 'fillcolor': '#E0E0E0', 'style': 'filled'}
_func_style = {'shape': 'record', 'fillcolor': '#6495ED', 'style': 'filled'}


class DumpGraph(extension.Extension):
    """__init__(root_name, filename='cg.dot', variable_style=None, \
function_style=None)

    Extension writing the computational graph of a reported variable.

    At its first call (the first iteration) it writes the graph leading to
    ``trainer.observation[root_name]`` in DOT language to ``filename`` in
    the output directory, and renders it to a PNG of the same base name
    when Graphviz's ``dot`` is installed. It runs only once.

    Reported variables normally drop their graph; this extension turns
    ``chainer.config.keep_graph_on_report`` on from ``initialize`` until its
    call, then restores the previous setting.

    Args:
        root_name (str): Observation key of the root variable, e.g.
            ``'main/loss'``.
        filename (str): Output file name (``out_name`` is an old alias).
        variable_style (dict): DOT attributes of variable nodes.
        function_style (dict): DOT attributes of function nodes.

    .. seealso:: :func:`chainer.computational_graph.build_computational_graph`
    """

    default_name = 'dump_graph'

    def __init__(self, root_name, filename=None,
                 variable_style=None, function_style=None, **kwargs):
        out_name, = argument.parse_kwargs(kwargs, ('out_name', 'cg.dot'))
        if filename is None:
            filename = out_name
        self._root_name = root_name
        self._filename = filename
        self._variable_style = (
            _var_style if variable_style is None else variable_style)
        self._function_style = (
            _func_style if function_style is None else function_style)
        self._original_flag = None
        self._flag_called = False

    def initialize(self, trainer):
        if not self._flag_called:
            self._original_flag = configuration.config.keep_graph_on_report
            configuration.config.keep_graph_on_report = True

    def trigger(self, trainer):
        if self._flag_called:
            return False
        self._flag_called = True
        return True

    def __call__(self, trainer):
        try:
            var = trainer.observation[self._root_name]
            if not isinstance(var, variable.Variable):
                raise TypeError('root value is not a Variable')
            dot = computational_graph.build_computational_graph(
                [var],
                variable_style=self._variable_style,
                function_style=self._function_style).dump()

            filename = os.path.join(trainer.out, self._filename)
            with open(filename, 'w') as f:
                f.write(dot)
            if is_graphviz_available():
                image_name = os.path.splitext(self._filename)[0] + '.png'
                subprocess.check_call(
                    ['dot', '-Tpng', filename, '-o',
                     os.path.join(trainer.out, image_name)])
        finally:
            configuration.config.keep_graph_on_report = self._original_flag

    def serialize(self, serializer):
        self._original_flag = serializer('_original_flag', self._original_flag)
        self._flag_called = serializer('_flag_called', self._flag_called)

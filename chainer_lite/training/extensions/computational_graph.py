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

    def __init__(self, root_name, filename=None, variable_style=None,
                 function_style=None, **kwargs):
        old_name, = argument.parse_kwargs(kwargs, ('out_name', 'cg.dot'))
        self._root_name = root_name
        self._filename = old_name if filename is None else filename
        defaults = (computational_graph._DEFAULT_VARIABLE_STYLE,
                    computational_graph._DEFAULT_FUNCTION_STYLE)
        self._styles = tuple(
            default if given is None else given
            for given, default in zip((variable_style, function_style),
                                      defaults))
        # The keep_graph_on_report setting to restore after the dump, and
        # whether the dump has been done (both saved in snapshots).
        self._saved_setting = None
        self._dumped = False

    def initialize(self, trainer):
        if self._dumped:
            return
        config = configuration.config
        self._saved_setting = config.keep_graph_on_report
        config.keep_graph_on_report = True

    def trigger(self, trainer):
        # Fires once, at the first iteration.
        fire = not self._dumped
        self._dumped = True
        return fire

    def __call__(self, trainer):
        try:
            root = trainer.observation[self._root_name]
            if not isinstance(root, variable.Variable):
                raise TypeError('root value is not a Variable')
            self._write(root, trainer.out)
        finally:
            configuration.config.keep_graph_on_report = self._saved_setting

    def _write(self, root, outdir):
        var_style, func_style = self._styles
        graph = computational_graph.build_computational_graph(
            [root], variable_style=var_style, function_style=func_style)
        dot_path = os.path.join(outdir, self._filename)
        with open(dot_path, 'w') as f:
            f.write(graph.dump())
        if is_graphviz_available():
            png_path = os.path.join(
                outdir, os.path.splitext(self._filename)[0] + '.png')
            subprocess.check_call(['dot', '-Tpng', dot_path, '-o', png_path])

    def serialize(self, serializer):
        self._saved_setting = serializer(
            '_original_flag', self._saved_setting)
        self._dumped = serializer('_flag_called', self._dumped)

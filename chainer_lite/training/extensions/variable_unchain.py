"""Extension cutting the graphs of reported variables after each iteration."""
from chainer_lite import configuration
from chainer_lite.training import extension
from chainer_lite import variable


class unchain_variables(extension.Extension):
    """Extension unchaining the graphs held by reported variables.

    With ``chainer.config.keep_graph_on_report`` on, reported variables keep
    their whole graph alive; this extension (priority 0, so after the
    others) calls ``unchain_backward()`` on them in the iterations where
    the flag was on, to release that memory.
    """

    priority = 0

    def __init__(self):
        # keep_graph_on_report as it was during the running iteration.
        self._kept_graph = None

    def _read_flag(self):
        return configuration.config.keep_graph_on_report

    def initialize(self, _):
        self._kept_graph = self._read_flag()

    def trigger(self, _):
        # Fires when the flag was on during the iteration just finished.
        fire, self._kept_graph = self._kept_graph, self._read_flag()
        return fire

    def __call__(self, trainer):
        for value in trainer.observation.values():
            if isinstance(value, variable.Variable):
                value.unchain_backward()

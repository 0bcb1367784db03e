"""``@static_graph``: accepted, and runs the decorated code define-by-run.

Chainer's static-graph mode traces a chain's ``__call__`` once and replays
the recorded schedule afterwards, as an optimization. chainer_lite does not
reproduce that optimization: a decorated method simply runs as ordinary
define-by-run code every time, which gives the same results as Chainer's
``force_test_define_by_run=True`` mode (side-effect code outside
``@static_code`` functions runs on every call, not only on the first).
"""
import functools

from chainer_lite.utils import argument


def static_graph(*args, **kwargs):
    """Marks a Chain's ``__call__``/``forward`` as a static graph.

    Accepts Chainer's arguments (``force_test_define_by_run``,
    ``minimize_cache_size``, ``verbosity_level``, ``enable_double_backprop``)
    and returns the method unchanged in behaviour: it always runs
    define-by-run.

    Example:

        >>> import numpy as np
        >>> import chainer
        >>> import chainer.links as L
        >>> class Net(chainer.Chain):
        ...     def __init__(self):
        ...         super(Net, self).__init__()
        ...         with self.init_scope():
        ...             self.l = L.Linear(2, 1)
        ...     @chainer.static_graph
        ...     def forward(self, x):
        ...         return self.l(x)
        >>> Net()(np.zeros((1, 2), np.float32)).shape
        (1, 1)
    """
    argument.parse_kwargs(
        kwargs, ('force_test_define_by_run', False),
        ('minimize_cache_size', True), ('verbosity_level', 0),
        ('enable_double_backprop', False))

    def wrap(func):
        @functools.wraps(func)
        def wrapped(*a, **k):
            return func(*a, **k)
        return wrapped

    if len(args) == 1 and not kwargs and callable(args[0]):
        return wrap(args[0])
    if args:
        raise TypeError('static_graph takes a function or keyword '
                        'arguments only')
    return wrap

"""Import hook that makes ``import chainer...`` resolve to ``chainer_lite`` modules.

The aliased names are bound to the very same module objects, so
``sys.modules['chainer.functions'] is sys.modules['chainer_lite.functions']``.
"""
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys

ALIAS = 'chainer'
TARGET = 'chainer_lite'


def _target_name(fullname):
    """Maps ``chainer.x.y`` to ``chainer_lite.x.y``; None for other names."""
    if fullname == ALIAS:
        return TARGET
    if fullname.startswith(ALIAS + '.'):
        return TARGET + fullname[len(ALIAS):]
    return None


class ChainerAliasFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds ``chainer`` and ``chainer.*`` and loads the ``chainer_lite`` module.

    The loader hands the import system the already-imported ``chainer_lite``
    module instead of creating a new one; the import system then stores it
    under the ``chainer`` name as well.
    """

    def __init__(self):
        # Alias names this finder put into sys.modules, so that uninstall()
        # removes exactly those.
        self.aliased = set()
        # The chainer_lite spec of each module being loaded, saved before the
        # import system replaces ``__spec__`` with the alias spec.
        self._target_specs = {}

    def find_spec(self, fullname, path=None, target=None):
        target_name = _target_name(fullname)
        if target_name is None:
            return None
        # Returning None for a missing module lets the import system raise
        # its usual ModuleNotFoundError naming ``chainer.x``.
        target_spec = importlib.util.find_spec(target_name)
        if target_spec is None:
            return None
        return importlib.machinery.ModuleSpec(
            fullname, self, origin=target_spec.origin,
            loader_state=target_name,
            is_package=target_spec.submodule_search_locations is not None)

    def create_module(self, spec):
        module = importlib.import_module(spec.loader_state)
        self._target_specs[spec.name] = module.__spec__
        return module

    def exec_module(self, module):
        # The import system has just set ``__spec__`` to the alias spec; the
        # module must keep describing itself as chainer_lite (reload and
        # relative imports rely on it).
        alias_name = module.__spec__.name
        module.__spec__ = self._target_specs.pop(alias_name)
        self.aliased.add(alias_name)


_finder = None


def install():
    """Makes ``import chainer`` and its submodules resolve to chainer_lite.

    Calling it again while installed does nothing.
    """
    global _finder
    if _finder is None:
        _finder = ChainerAliasFinder()
    if _finder not in sys.meta_path:
        # First, so that an installed real Chainer is not picked up.
        sys.meta_path.insert(0, _finder)


def uninstall():
    """Removes the alias and the ``chainer`` entries it put in sys.modules.

    The chainer_lite modules themselves stay imported.
    """
    global _finder
    if _finder is None:
        return
    while _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    for name in _finder.aliased:
        module = sys.modules.get(name)
        if module is not None and module is sys.modules.get(
                _target_name(name)):
            del sys.modules[name]
    _finder = None


def is_installed():
    """Returns True while the ``chainer`` alias is active."""
    return _finder is not None and _finder in sys.meta_path

"""Tests of the ``chainer`` -> ``chainer_lite`` import alias."""
import importlib
import importlib.util
import sys

import pytest

import chainer_lite
from chainer_lite import _alias


def _chainer_names():
    return {name for name in sys.modules
            if name == 'chainer' or name.startswith('chainer.')}


@pytest.fixture
def alias():
    was_installed = _alias.is_installed()
    _alias.install()
    yield
    if not was_installed:
        _alias.uninstall()


@pytest.fixture
def extra_modules(tmp_path, monkeypatch):
    """Lets chainer_lite find modules written by the test in tmp_path."""
    monkeypatch.setattr(chainer_lite, '__path__',
                        list(chainer_lite.__path__) + [str(tmp_path)])
    written = []

    def write(name, source):
        (tmp_path / (name + '.py')).write_text(source)
        written.append(name)
        importlib.invalidate_caches()

    yield write
    for name in written:
        for prefix in ('chainer.', 'chainer_lite.'):
            sys.modules.pop(prefix + name, None)


def test_top_level_is_chainer_lite(alias):
    import chainer
    assert chainer is chainer_lite
    assert sys.modules['chainer'] is sys.modules['chainer_lite']


def test_submodules_are_the_same_objects(alias):
    import chainer.configuration
    import chainer.backends.cuda
    import chainer.functions as F
    from chainer import configuration
    assert configuration is chainer_lite.configuration
    assert chainer.backends.cuda is sys.modules['chainer_lite.backends.cuda']
    assert F is sys.modules['chainer_lite.functions']
    for name in ('chainer.configuration', 'chainer.backends',
                 'chainer.backends.cuda', 'chainer.functions'):
        assert sys.modules[name] is sys.modules['chainer_lite' + name[7:]]


def test_attributes_imported_from_the_alias(alias):
    from chainer import cuda, using_config
    assert cuda is chainer_lite.backends.cuda
    assert using_config is chainer_lite.configuration.using_config


def test_module_keeps_its_own_identity(alias):
    import chainer._version
    assert chainer._version.__name__ == 'chainer_lite._version'
    assert chainer._version.__spec__.name == 'chainer_lite._version'
    # reload goes through __spec__, so it must still name chainer_lite.
    assert importlib.reload(chainer._version) is chainer_lite._version


def test_fresh_module_is_executed_once(alias, extra_modules):
    extra_modules('_alias_fresh', 'TOKEN = object()\n')
    import chainer._alias_fresh
    import chainer_lite._alias_fresh
    assert chainer._alias_fresh is chainer_lite._alias_fresh
    assert sys.modules['chainer._alias_fresh'] is chainer_lite._alias_fresh
    assert chainer._alias_fresh.TOKEN is chainer_lite._alias_fresh.TOKEN


def test_error_inside_a_module_propagates(alias, extra_modules):
    extra_modules('_alias_broken',
                  'import chainer_lite_no_such_dependency\n')
    with pytest.raises(ModuleNotFoundError) as info:
        import chainer._alias_broken  # NOQA
    assert info.value.name == 'chainer_lite_no_such_dependency'
    assert 'chainer._alias_broken' not in sys.modules


def test_missing_module_names_chainer(alias):
    with pytest.raises(ModuleNotFoundError) as info:
        import chainer.no_such_module  # NOQA
    assert info.value.name == 'chainer.no_such_module'
    assert str(info.value) == "No module named 'chainer.no_such_module'"


def test_submodule_of_a_plain_module(alias):
    with pytest.raises(ModuleNotFoundError) as info:
        importlib.import_module('chainer.configuration.x')
    assert info.value.name == 'chainer.configuration.x'


def test_other_names_are_not_aliased(alias):
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module('chainerx_lite_no_such_module')
    assert _alias._target_name('chainerx') is None
    assert _alias._target_name('chainer.links') == 'chainer_lite.links'


def test_install_is_idempotent(alias):
    _alias.install()
    _alias.install()
    finders = [f for f in sys.meta_path
               if isinstance(f, _alias.ChainerAliasFinder)]
    assert len(finders) == 1
    assert sys.meta_path[0] is finders[0]


def test_uninstall_removes_the_alias():
    was_installed = _alias.is_installed()
    _alias.install()
    import chainer.configuration  # NOQA
    _alias.uninstall()
    try:
        assert not _alias.is_installed()
        assert _chainer_names() == set()
        assert 'chainer_lite.configuration' in sys.modules
        # Chainer itself is not installed in the test environment.
        assert importlib.util.find_spec('chainer') is None
        _alias.uninstall()
    finally:
        if was_installed:
            _alias.install()

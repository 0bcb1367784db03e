import pytest

from chainer_lite import testing
from chainer_lite import training


def test_priorities():
    assert (training.PRIORITY_WRITER, training.PRIORITY_EDITOR,
            training.PRIORITY_READER) == (300, 200, 100)


def test_defaults():
    class MyExtension(training.Extension):
        pass

    ext = MyExtension()
    assert ext.trigger == (1, 'iteration')
    assert ext.priority == training.PRIORITY_READER
    assert ext.name is None
    assert ext.default_name == 'MyExtension'
    with pytest.raises(NotImplementedError):
        ext(testing.get_trainer_with_mock_updater())


def test_removed_invoke_before_training():
    with pytest.raises(AttributeError, match='Extension.initialize'):
        training.Extension().invoke_before_training
    with pytest.raises(AttributeError, match='no attribute foo'):
        training.Extension().foo


def test_make_extension_sets_attributes():
    def init(trainer):
        pass

    @training.make_extension(trigger=(2, 'epoch'), default_name='ext',
                             priority=7, initializer=init)
    def f(trainer):
        pass

    assert f.trigger == (2, 'epoch')
    assert f.default_name == 'ext'
    assert f.priority == 7
    assert f.initialize is init
    assert f.finalize is None and f.on_error is None


def test_make_extension_defaults_to_function_name():
    @training.make_extension()
    def my_ext(trainer):
        pass

    assert my_ext.default_name == 'my_ext'
    assert my_ext.trigger == (1, 'iteration')


def test_make_extension_bad_kwargs():
    with pytest.raises(ValueError, match='initializer='):
        training.make_extension(invoke_before_training=True)
    with pytest.raises(TypeError):
        training.make_extension(foo=1)

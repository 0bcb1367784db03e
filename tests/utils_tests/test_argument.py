"""Keyword-argument parsing helpers and their messages."""
import pytest

from chainer_lite.utils import argument


def _takes_options(**kwargs):
    return argument.parse_kwargs(
        kwargs, ('foo', 1), ('bar', 2),
        volatile='volatile argument is not supported anymore.')


def test_defaults_and_values():
    assert _takes_options() == (1, 2)
    assert _takes_options(bar=5, foo=4) == (4, 5)


def test_known_keys_are_consumed():
    kwargs = {'foo': 3}
    assert argument.parse_kwargs(kwargs, ('foo', 0)) == (3,)
    assert kwargs == {}


def test_unknown_keys_name_the_caller_sorted():
    with pytest.raises(TypeError) as info:
        _takes_options(spam=1, ham=2, foo=0)
    assert str(info.value) == (
        "_takes_options() got unexpected keyword argument(s) 'ham', 'spam'")


def test_unexpected_keys_get_their_own_message():
    with pytest.raises(ValueError, match='^volatile argument is not'):
        _takes_options(volatile=True)


def test_check_unexpected_kwargs():
    argument.check_unexpected_kwargs({'a': 1}, b='no b')
    with pytest.raises(ValueError, match='^no b$'):
        argument.check_unexpected_kwargs({'b': 1}, b='no b')


def test_assert_kwargs_empty():
    argument.assert_kwargs_empty({})
    with pytest.raises(TypeError) as info:
        argument.assert_kwargs_empty({'x': 1})
    assert str(info.value) == (
        "assert_kwargs_empty() got unexpected keyword argument(s) 'x'")

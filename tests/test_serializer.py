"""The serializer base classes: save/load delegate to obj.serialize."""
import pytest

from chainer_lite import serializer


class _Recorder(object):
    def __init__(self):
        self.calls = []

    def serialize(self, s):
        self.calls.append(s)


def test_save_and_load_call_serialize():
    obj = _Recorder()
    s = serializer.Serializer()
    d = serializer.Deserializer()
    s.save(obj)
    d.load(obj)
    assert obj.calls == [s, d]
    assert isinstance(s, serializer.AbstractSerializer)
    assert isinstance(d, serializer.AbstractSerializer)


def test_abstract_methods():
    s = serializer.AbstractSerializer()
    with pytest.raises(NotImplementedError):
        s['child']
    with pytest.raises(NotImplementedError):
        s('key', 1)

"""Base classes of the serializers and deserializers."""


class AbstractSerializer(object):
    """Common interface of the writers and readers of model state.

    An object implementing ``serialize(serializer)`` calls
    ``serializer(key, value)`` for each value it owns and
    ``child.serialize(serializer[name])`` for each child; the same method
    then both saves and loads it.
    """

    def __getitem__(self, key):
        """Returns the child (de)serializer for ``key``.

        Args:
            key (str): Name of the child.
        """
        raise NotImplementedError

    def __call__(self, key, value):
        """Saves or loads one value by name.

        A serializer stores ``value`` under ``key`` and returns it. A
        deserializer copies the stored array into ``value`` when it is an
        array, and returns the stored value converted to ``type(value)``
        when it is a scalar or a string. When ``value`` is ``None`` the
        stored value is returned as it is, and a stored ``None`` is returned
        as ``None``.

        Args:
            key (str): Name of the entry.
            value (scalar, :ref:`ndarray`, str or None): Value to save, or
                the destination (or type template) of the value to load.

        Returns:
            The saved or loaded value.
        """
        raise NotImplementedError


class Serializer(AbstractSerializer):
    """Base of the writers: ``serializer(key, value)`` stores values."""

    def save(self, obj):
        """Saves ``obj`` (same as ``obj.serialize(self)``).

        Args:
            obj: Object supporting the serialization protocol.
        """
        obj.serialize(self)


class Deserializer(AbstractSerializer):
    """Base of the readers: ``deserializer(key, value)`` loads values."""

    def load(self, obj):
        """Loads ``obj`` (same as ``obj.serialize(self)``).

        Args:
            obj: Object supporting the serialization protocol.
        """
        obj.serialize(self)

"""Formatting of array properties for error messages."""


def _format_array_props(arrays):
    # 'shape:dtype' of each array, e.g. '(2, 3):float32, None'.
    assert isinstance(arrays, (list, tuple))
    return ', '.join([
        'None' if a is None else '{}:{}'.format(a.shape, a.dtype.name)
        for a in arrays])

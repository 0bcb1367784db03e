"""Memory layout names (cuDNN channel-last layouts are not supported).

chainer_lite keeps every array in Chainer's standard (channel-first) layout.
The layout constants exist so that code naming them imports; asking for a
non-standard layout raises a clear error.
"""
CUDNN_CHANNEL_FIRST_X = None
CUDNN_CHANNEL_LAST_X = 'CUDNN_CHANNEL_LAST_X'
CUDNN_CHANNEL_FIRST_W = None
CUDNN_CHANNEL_LAST_W = 'CUDNN_CHANNEL_LAST_W'


def _check_standard(layout):
    if layout is not None:
        raise RuntimeError(
            'memory layout {!r} is not supported by chainer_lite: arrays '
            'always use the standard (channel-first) layout'.format(layout))


def get_raw_shape(arr_or_var):
    """Returns the shape of the underlying array."""
    from chainer_lite import variable
    if isinstance(arr_or_var, variable.Variable):
        return arr_or_var._data[0].shape
    return arr_or_var.shape


def get_semantic_shape(arr_or_var, *, assumed_layout=None):
    """Returns the shape in the standard layout (the raw shape here)."""
    _check_standard(assumed_layout)
    return arr_or_var.shape


def _transpose_shape(shape, src_layout, dst_layout):
    _check_standard(src_layout)
    _check_standard(dst_layout)
    return shape


def _transpose_array(arr, src_layout, dst_layout):
    _check_standard(src_layout)
    _check_standard(dst_layout)
    return arr

"""Caffe export, which chainer_lite does not provide.

Chainer's Caffe exporter writes prototxt/caffemodel files through protobuf;
chainer_lite has no Caffe support (see DESIGN.md). The name stays importable
and explains itself when called.
"""


def export(model, args, directory=None, export_params=True,
           graph_name='Graph'):
    """Raises: chainer_lite cannot export to Caffe.

    Raises:
        NotImplementedError: always. Save the model with
            :func:`chainer.serializers.save_npz` instead.
    """
    raise NotImplementedError(
        'chainer_lite does not support exporting to Caffe; save the model '
        'with chainer.serializers.save_npz instead')

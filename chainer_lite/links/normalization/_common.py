"""Pieces shared by the normalization links."""
from chainer_lite import configuration
from chainer_lite import initializers
from chainer_lite import variable


def deferred_param(initial, default, dtype=None):
    """An uninitialized parameter, filled once its shape is known.

    ``initial`` (``default`` when ``None``) gives the value. With
    ``dtype`` it goes through an initializer whose ``dtype`` is set, which,
    as in Chainer, also changes a given Initializer object.
    """
    value = default if initial is None else initial
    if dtype is None:
        return variable.Parameter(value)
    init = initializers._get_initializer(value)
    init.dtype = dtype
    return variable.Parameter(init)


def running_decay(link, finetune):
    """Decay of this training step's update of the running statistics.

    Returns ``(decay, update)``. With ``finetune`` the statistics become
    exact averages over the batches seen since ``start_finetuning``
    (``link.N`` counts them). ``update`` is ``False`` while the forward pass
    is recomputed (see :func:`~chainer.functions.forget`): the statistics
    were updated on the first pass already.
    """
    if finetune:
        link.N += 1
        decay = 1. - 1. / link.N
    else:
        decay = link.decay
    if not configuration.config.in_recomputing:
        return decay, True
    if finetune:
        link.N -= 1
    return decay, False

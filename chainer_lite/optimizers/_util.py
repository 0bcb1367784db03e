"""Helpers shared by the built-in update rules."""


def set_hyperparams(hyperparam, **values):
    """Sets the entries of ``values`` that are not ``None`` on
    ``hyperparam`` (the others keep falling back to the parent)."""
    for name, value in values.items():
        if value is not None:
            setattr(hyperparam, name, value)


def zeros_like_param(param):
    """A zero array like the parameter's data (same device and dtype)."""
    return param.xp.zeros_like(param.array)

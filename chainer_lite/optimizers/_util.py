"""Helpers shared by the built-in update rules."""


def set_hyperparams(hyperparam, **values):
    """Sets the entries of ``values`` that are not ``None`` on
    ``hyperparam`` (the others keep falling back to the parent)."""
    for name, value in values.items():
        if value is not None:
            setattr(hyperparam, name, value)


def assign_hyperparams(hyperparam, **values):
    """Sets every entry of ``values`` on ``hyperparam``, ``None`` included
    (the optimizers' own constructors take their arguments literally)."""
    for name, value in values.items():
        setattr(hyperparam, name, value)


def zeros_like_param(param):
    """A zero array like the parameter's data (same device and dtype)."""
    return param.xp.zeros_like(param.array)

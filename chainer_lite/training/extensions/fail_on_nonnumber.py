"""Extension stopping the training when parameters become NaN or infinite."""
from chainer_lite.training import extension


class FailOnNonNumber(extension.Extension):
    """Extension raising ``RuntimeError`` once a parameter holds NaN or Inf.

    The trainer would otherwise go on computing with diverged parameters.
    """

    def __call__(self, trainer):
        for name, optimizer in trainer.updater.get_all_optimizers().items():
            target = optimizer.target
            xp = target.xp
            for param in target.params():
                if not xp.isfinite(param.array).all():
                    raise RuntimeError(
                        'Kill the process since parameters in optimizer'
                        ' \'{}\' diverge. R.I.P.'.format(name))

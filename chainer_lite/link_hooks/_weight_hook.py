"""Base of the link hooks that substitute a link's weight in forward."""
from chainer_lite import link_hook


class WeightSubstitutionHook(link_hook.LinkHook):
    # For the duration of each forward call the parameter ``weight_name``
    # of the link is replaced by ``self._substitute(link, cb_args)``, a
    # variable computed from it (so gradients reach the parameter); the
    # parameter is put back afterwards. Only per-link registration
    # (Link.add_hook) makes sense, hence the failing context manager.

    def __enter__(self):
        raise NotImplementedError(
            'This hook is not supposed to be used as context manager.')

    def __exit__(self):
        raise NotImplementedError

    def _check_weight_exists(self, link):
        if not hasattr(link, self.weight_name):
            raise ValueError(
                'Weight \'{}\' does not exist!'.format(self.weight_name))

    def _substitute(self, link, cb_args):
        raise NotImplementedError

    def forward_preprocess(self, cb_args):
        link = cb_args.link
        substitute = self._substitute(link, cb_args)
        self.original_weight = getattr(link, self.weight_name)
        setattr(link, self.weight_name, substitute)

    def forward_postprocess(self, cb_args):
        setattr(cb_args.link, self.weight_name, self.original_weight)

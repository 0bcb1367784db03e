"""Extension plotting statistics of variables over training (matplotlib)."""
import os

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.training import extension
from chainer_lite.training.extensions import _matplotlib
from chainer_lite.training.trigger import get_trigger
from chainer_lite.utils import argument


# Percentiles of the normal distribution at 0, +-1, +-2 and +-3 sigmas.
_SIGMA_PERCENTILES = (0, 0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87, 100)

# Matplotlib's first default color ('C0'); bands use it translucent.
_COLOR = '#1f77b4'
_BAND_ALPHA = 0.2


def _collect_variables(x):
    # The Variables in x: a Variable, a Link's parameters, or nested lists.
    if isinstance(x, chainer_lite.Variable):
        return [x]
    if isinstance(x, chainer_lite.Link):
        return list(x.params(include_uninit=True))
    if isinstance(x, (list, tuple)):
        return [v for item in x for v in _collect_variables(item)]
    return []


class Reservoir(object):
    """Keeps a uniform random sample of bounded size of a stream of items.

    Items are offered one at a time with :meth:`add`; once ``size`` items
    are stored, each new one replaces a random stored item with the
    probability that keeps every item seen so far equally likely to be in
    the sample.

    Args:
        size (int): Capacity.
        data_shape (tuple): Shape of each item.
        dtype: Dtype of the stored items.
    """

    def __init__(self, size, data_shape, dtype=numpy.float32):
        self.size = size
        self.data = numpy.zeros((size, *data_shape), dtype)
        self.idxs = numpy.zeros(size, numpy.int32)
        self.counter = 0

    def add(self, x, idx=None):
        """Offers an item with its index (the running count when ``None``
        or 0)."""
        seen = self.counter
        self.counter = seen + 1
        if seen < self.size:
            slot = seen
        elif numpy.random.random() < self.size / (seen + 1.0):
            slot = numpy.random.randint(self.size)
        else:
            return
        self.data[slot] = x
        self.idxs[slot] = idx if idx else seen

    def get_data(self):
        """Returns the sampled ``(indices, items)`` sorted by index."""
        filled = min(self.counter, self.size)
        order = numpy.argsort(self.idxs[:filled])
        return self.idxs[order], self.data[order]


class Statistician(object):
    """Computes the mean, standard deviation and percentiles of arrays.

    Args:
        collect_mean (bool): Compute the mean.
        collect_std (bool): Compute the standard deviation.
        percentile_sigmas (float or tuple of float): Percentiles to
            compute (falsy for none).
    """

    def __init__(self, collect_mean, collect_std, percentile_sigmas):
        self.collect_mean = collect_mean
        self.collect_std = collect_std
        self.percentile_sigmas = percentile_sigmas

    def __call__(self, x, axis=0, dtype=None, xp=None):
        """Returns a dict with ``'mean'``, ``'std'`` and ``'percentile'``
        over ``axis`` (all axes when ``None``)."""
        if axis is None:
            axes = tuple(range(x.ndim))
        elif isinstance(axis, (tuple, list)):
            axes = tuple(axis)
        else:
            axes = (axis,)
        return self.collect(x, axes)

    def collect(self, x, axis):
        """Computes the requested statistics of ``x`` over ``axis``."""
        xp = backend.get_array_module(x)
        computations = (
            ('mean', self.collect_mean, lambda: x.mean(axis=axis)),
            ('std', self.collect_std, lambda: x.std(axis=axis)),
            ('percentile', self.percentile_sigmas,
             lambda: xp.percentile(x, self.percentile_sigmas, axis=axis)),
        )
        return {name: compute() for name, wanted, compute in computations
                if wanted}


class VariableStatisticsPlot(extension.Extension):
    """__init__(targets, max_sample_size=1000, report_data=True, \
report_grad=True, plot_mean=True, plot_std=True, percentile_sigmas=(0, \
0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87, 100), trigger=(1, 'epoch'), \
filename='statistics.png', figsize=None, marker=None, grid=True)

    Extension plotting the mean, std and percentiles of variables.

    At each call the statistics of the data and/or gradients of all target
    variables (taken together) are sampled into a reservoir of at most
    ``max_sample_size`` points; when ``trigger`` fires the samples are
    plotted against the iteration to ``filename`` in the output directory.

    Args:
        targets (Variable, Link or list of them): Variables to observe.
        max_sample_size (int): Size of the reservoir.
        report_data (bool): Plot the data statistics.
        report_grad (bool): Plot the gradient statistics.
        plot_mean (bool): Plot the mean.
        plot_std (bool): Plot the standard deviation.
        percentile_sigmas (float or tuple of float): Percentiles to plot.
        trigger: When to save the plot.
        filename (str): Image file name (``file_name`` is an old alias).
        figsize (tuple): Matplotlib figure size.
        marker (str): Matplotlib marker.
        grid (bool): Draw the grid.
    """

    def __init__(self, targets, max_sample_size=1000,
                 report_data=True, report_grad=True,
                 plot_mean=True, plot_std=True,
                 percentile_sigmas=_SIGMA_PERCENTILES,
                 trigger=(1, 'epoch'), filename=None,
                 figsize=None, marker=None, grid=True, **kwargs):
        file_name, = argument.parse_kwargs(
            kwargs, ('file_name', 'statistics.png'))
        self._filename = file_name if filename is None else filename

        self._vars = _collect_variables(targets)
        if not self._vars:
            raise ValueError(
                'Need at least one variables for which to collect statistics.'
                '\nActual: 0 <= 0')
        self._plot_mean = plot_mean
        self._plot_std = plot_std
        self._plot_percentile = bool(percentile_sigmas)
        if not (plot_mean or plot_std or self._plot_percentile):
            raise ValueError('Nothing to plot')

        # 'data' and/or 'grad': the attributes of the variables to observe.
        self._keys = [key for key, on in (('data', report_data),
                                          ('grad', report_grad)) if on]
        self._statistician = Statistician(
            collect_mean=plot_mean, collect_std=plot_std,
            percentile_sigmas=percentile_sigmas)

        self._trigger = get_trigger(trigger)
        self._figsize = figsize
        self._marker = marker
        self._grid = grid

        # Each sample is a (number of keys, number of statistics) array:
        # mean, std (those plotted) and then the percentiles.
        if not self._plot_percentile:
            n_percentiles = 0
        elif isinstance(percentile_sigmas, (list, tuple)):
            n_percentiles = len(percentile_sigmas)
        else:
            n_percentiles = 1
        n_stats = self._n_moments() + n_percentiles
        self._samples = Reservoir(max_sample_size, (len(self._keys), n_stats))

    def _n_moments(self):
        return int(self._plot_mean) + int(self._plot_std)

    @staticmethod
    def available():
        """Whether matplotlib can be used (warns when it cannot)."""
        return _matplotlib.is_available()

    def _statistics_row(self, xp, key):
        # The statistics of attribute `key` of all variables together, or
        # None when none of them has it.
        arrays = [getattr(var, key, None) for var in self._vars]
        flat = [a.ravel() for a in arrays if a is not None]
        if not flat:
            return None
        stat = self._statistician(xp.concatenate(flat), axis=0, xp=xp)
        return xp.concatenate([xp.atleast_1d(stat[name]) for name in
                               ('mean', 'std', 'percentile') if name in stat])

    def __call__(self, trainer):
        if not self.available():
            return
        import matplotlib.pyplot as plt

        xp = backend.get_array_module(self._vars[0].data)
        n_stats = self._samples.data.shape[-1]
        sample = numpy.zeros((len(self._keys), n_stats), numpy.float32)
        for i, key in enumerate(self._keys):
            row = self._statistics_row(xp, key)
            if row is not None:
                sample[i] = cuda.to_cpu(row)
        self._samples.add(sample, idx=trainer.updater.iteration)

        if self._trigger(trainer):
            self.save_plot_using_module(
                os.path.join(trainer.out, self._filename), plt)

    def save_plot_using_module(self, file_path, plt):
        """Draws the sampled statistics with ``plt`` and saves the figure."""
        import matplotlib.colors
        color = matplotlib.colors.to_rgba(_COLOR)
        faint = color[:3] + (_BAND_ALPHA,)

        n_moments = self._n_moments()
        nrows = int(n_moments > 0) + int(self._plot_percentile)
        ncols = len(self._keys)
        fig, axes = plt.subplots(
            nrows, ncols, figsize=self._figsize, sharex=True)
        axes = numpy.asarray(axes).reshape(nrows, ncols)

        idxs, samples = self._samples.get_data()
        for col, key in enumerate(self._keys):
            stats = samples[:, col]
            column_axes = iter(axes[:, col])
            axes[0, col].set_title(key)
            if n_moments:
                self._draw_moments(
                    next(column_axes), idxs, stats, color, faint)
            if self._plot_percentile:
                self._draw_percentiles(
                    next(column_axes), idxs, stats[:, n_moments:], color,
                    faint)

        for ax in axes.flat:
            ax.legend()
            if self._grid:
                ax.grid()
                ax.set_axisbelow(True)
        fig.savefig(file_path)
        plt.close()

    def _draw_moments(self, ax, idxs, stats, color, faint):
        if self._plot_mean and self._plot_std:
            ax.errorbar(idxs, stats[:, 0], stats[:, 1], color=color,
                        ecolor=faint, label='mean, std', marker=self._marker)
        else:
            ax.plot(idxs, stats[:, 0], color=color, marker=self._marker,
                    label='mean' if self._plot_mean else 'std')

    def _draw_percentiles(self, ax, idxs, pct, color, faint):
        # Bands between symmetric percentiles, outermost first; the middle
        # one is a line (odd count) or the innermost band again (even
        # count), which carries the legend entry.
        half, odd = divmod(pct.shape[1], 2)
        band_style = {'alpha': _BAND_ALPHA, 'linewidth': 0, 'color': faint}
        for i in range(half):
            ax.fill_between(idxs, pct[:, i], pct[:, -i - 1],
                            label='_nolegend_', **band_style)
        if odd:
            ax.plot(idxs, pct[:, half], color=color, label='percentile',
                    marker=self._marker)
        else:
            ax.fill_between(idxs, pct[:, half], pct[:, half - 1],
                            label='percentile', **band_style)
        ax.set_xlabel('iteration')

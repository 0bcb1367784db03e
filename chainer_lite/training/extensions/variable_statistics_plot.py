"""Extension plotting statistics of variables over training (matplotlib)."""
import os
import warnings

import numpy

import chainer_lite
from chainer_lite import backend
from chainer_lite.backends import cuda
from chainer_lite.training import extension
from chainer_lite.training import trigger as trigger_module
from chainer_lite.utils import argument


_available = None
_plot_color = None
_plot_color_trans = None
_plot_common_kwargs = None


def _try_import_matplotlib():
    global matplotlib, _available
    global _plot_color, _plot_color_trans, _plot_common_kwargs
    try:
        import matplotlib
        _available = True
    except ImportError:
        _available = False
    if _available:
        _plot_color = matplotlib.colors.to_rgba('#1f77b4')  # the C0 color
        _plot_color_trans = _plot_color[:3] + (0.2,)
        _plot_common_kwargs = {
            'alpha': 0.2, 'linewidth': 0, 'color': _plot_color_trans}


def _check_available():
    if _available is None:
        _try_import_matplotlib()
    if not _available:
        warnings.warn('matplotlib is not installed on your environment, '
                      'so nothing will be plotted at this time. '
                      'Please install matplotlib to plot figures.\n\n'
                      '  $ pip install matplotlib\n')


def _unpack_variables(x):
    # The Variables in x: a Variable, a Link's parameters, or nested lists.
    if isinstance(x, chainer_lite.Variable):
        return (x,)
    if isinstance(x, chainer_lite.Link):
        return tuple(x.params(include_uninit=True))
    if isinstance(x, (list, tuple)):
        found = ()
        for item in x:
            found += _unpack_variables(item)
        return found
    return ()


class Reservoir(object):
    """Uniform random sample of fixed size from a stream (reservoir
    sampling).

    Args:
        size (int): Capacity.
        data_shape (tuple): Shape of each item.
        dtype: Dtype of the stored items.
    """

    def __init__(self, size, data_shape, dtype=numpy.float32):
        self.size = size
        self.data = numpy.zeros((size,) + data_shape, dtype=dtype)
        self.idxs = numpy.zeros((size,), dtype=numpy.int32)
        self.counter = 0

    def add(self, x, idx=None):
        """Offers an item with its index (the running count when ``None``
        or 0)."""
        if self.counter < self.size:
            self.data[self.counter] = x
            self.idxs[self.counter] = idx or self.counter
        elif numpy.random.random() < self.size / float(self.counter + 1):
            i = numpy.random.randint(self.size)
            self.data[i] = x
            self.idxs[i] = idx or self.counter
        self.counter += 1

    def get_data(self):
        """Returns the sampled ``(indices, items)`` sorted by index."""
        idxs = self.idxs[:min(self.counter, self.size)]
        order = numpy.argsort(idxs)
        return idxs[order], self.data[order]


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
            axis = tuple(range(x.ndim))
        elif not isinstance(axis, (tuple, list)):
            axis = axis,
        return self.collect(x, axis)

    def collect(self, x, axis):
        out = {}
        if self.collect_mean:
            out['mean'] = x.mean(axis=axis)
        if self.collect_std:
            out['std'] = x.std(axis=axis)
        if self.percentile_sigmas:
            xp = backend.get_array_module(x)
            out['percentile'] = xp.percentile(
                x, self.percentile_sigmas, axis=axis)
        return out


class VariableStatisticsPlot(extension.Extension):
    """__init__(targets, max_sample_size=1000, report_data=True, \
report_grad=True, plot_mean=True, plot_std=True, \
percentile_sigmas=(0, 0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87, 100), \
trigger=(1, 'epoch'), filename='statistics.png', figsize=None, marker=None, \
grid=True)

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
                 percentile_sigmas=(
                     0, 0.13, 2.28, 15.87, 50, 84.13, 97.72, 99.87, 100),
                 trigger=(1, 'epoch'), filename=None,
                 figsize=None, marker=None, grid=True, **kwargs):
        file_name, = argument.parse_kwargs(
            kwargs, ('file_name', 'statistics.png'))
        if filename is None:
            filename = file_name

        self._vars = _unpack_variables(targets)
        if not self._vars:
            raise ValueError(
                'Need at least one variables for which to collect statistics.'
                '\nActual: 0 <= 0')
        if not any((plot_mean, plot_std, bool(percentile_sigmas))):
            raise ValueError('Nothing to plot')

        self._keys = []
        if report_data:
            self._keys.append('data')
        if report_grad:
            self._keys.append('grad')
        self._report_data = report_data
        self._report_grad = report_grad

        self._statistician = Statistician(
            collect_mean=plot_mean, collect_std=plot_std,
            percentile_sigmas=percentile_sigmas)
        self._plot_mean = plot_mean
        self._plot_std = plot_std
        self._plot_percentile = bool(percentile_sigmas)

        self._trigger = trigger_module.get_trigger(trigger)
        self._filename = filename
        self._figsize = figsize
        self._marker = marker
        self._grid = grid

        if not self._plot_percentile:
            n_percentile = 0
        elif isinstance(percentile_sigmas, (list, tuple)):
            n_percentile = len(percentile_sigmas)
        else:
            n_percentile = 1
        self._data_shape = (
            len(self._keys), int(plot_mean) + int(plot_std) + n_percentile)
        self._samples = Reservoir(max_sample_size, data_shape=self._data_shape)

    @staticmethod
    def available():
        """Whether matplotlib can be used (warns when it cannot)."""
        _check_available()
        return _available

    def __call__(self, trainer):
        if not self.available():
            return
        import matplotlib.pyplot as plt

        xp = backend.get_array_module(self._vars[0].data)
        stats = xp.zeros(self._data_shape, dtype=xp.float32)
        for i, key in enumerate(self._keys):
            arrays = [getattr(var, key, None) for var in self._vars]
            arrays = [x.ravel() for x in arrays if x is not None]
            if not arrays:
                continue
            stat = self._statistician(
                xp.concatenate(arrays, axis=0), axis=0, xp=xp)
            row = []
            if self._plot_mean:
                row.append(xp.atleast_1d(stat['mean']))
            if self._plot_std:
                row.append(xp.atleast_1d(stat['std']))
            if self._plot_percentile:
                row.append(xp.atleast_1d(stat['percentile']))
            stats[i] = xp.concatenate(row, axis=0)

        if xp is cuda.cupy:
            stats = cuda.to_cpu(stats)
        self._samples.add(stats, idx=trainer.updater.iteration)

        if self._trigger(trainer):
            self.save_plot_using_module(
                os.path.join(trainer.out, self._filename), plt)

    def save_plot_using_module(self, file_path, plt):
        """Draws the sampled statistics with ``plt`` and saves the figure."""
        nrows = (int(self._plot_mean or self._plot_std)
                 + int(self._plot_percentile))
        ncols = len(self._keys)

        fig, axes = plt.subplots(
            nrows, ncols, figsize=self._figsize, sharex=True)
        axes = numpy.asarray(axes).reshape(nrows, ncols)

        idxs, data = self._samples.get_data()

        # Percentiles follow the mean and std in each sample row.
        offset = int(self._plot_mean) + int(self._plot_std)
        n_percentile = data.shape[-1] - offset
        n_mid = n_percentile // 2
        odd = n_percentile % 2 == 1

        for col in range(ncols):
            row = 0
            ax = axes[row, col]
            ax.set_title(self._keys[col])

            if self._plot_mean or self._plot_std:
                if self._plot_mean and self._plot_std:
                    ax.errorbar(
                        idxs, data[:, col, 0], data[:, col, 1],
                        color=_plot_color, ecolor=_plot_color_trans,
                        label='mean, std', marker=self._marker)
                else:
                    label = 'mean' if self._plot_mean else 'std'
                    ax.plot(idxs, data[:, col, 0], color=_plot_color,
                            label=label, marker=self._marker)
                row += 1

            if self._plot_percentile:
                ax = axes[row, col]
                # Bands between symmetric percentiles, outermost first; an
                # odd middle one is drawn as a line.
                for i in range(n_mid + 1):
                    if odd and i == n_mid:
                        ax.plot(idxs, data[:, col, offset + i],
                                color=_plot_color, label='percentile',
                                marker=self._marker)
                    else:
                        label = 'percentile' if i == n_mid else '_nolegend_'
                        ax.fill_between(
                            idxs, data[:, col, offset + i],
                            data[:, col, -i - 1],
                            label=label, **_plot_common_kwargs)
                    ax.set_xlabel('iteration')

        for ax in axes.ravel():
            ax.legend()
            if self._grid:
                ax.grid()
                ax.set_axisbelow(True)

        fig.savefig(file_path)
        plt.close()

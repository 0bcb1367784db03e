"""Snapshot extensions: save the trainer or any object, and resume from it."""
import os
import warnings

import chainer_lite
from chainer_lite.serializers import npz
from chainer_lite.training import extension
from chainer_lite.training.extensions import snapshot_writers
from chainer_lite.utils import argument


def _find_snapshot_files(fmt, path):
    # (mtime, name) of the files in ``path`` whose names look made by
    # ``fmt``: only the text before the first '{' and after the last '}' is
    # compared. Sorted oldest first.
    prefix = fmt.split('{')[0]
    suffix = fmt.split('}')[-1]
    found = []
    for name in os.listdir(path):
        if not (name.startswith(prefix) and name.endswith(suffix)):
            continue
        full = os.path.join(path, name)
        # Temporary directories of interrupted saves are not snapshots.
        if os.path.isdir(full):
            continue
        found.append((os.stat(full).st_mtime, name))
    return sorted(found)


def _find_latest_snapshot(fmt, path):
    # The newest (by mtime) snapshot file name matching ``fmt``, or None.
    files = _find_snapshot_files(fmt, path)
    if files:
        return files[-1][1]
    return None


def _find_stale_snapshots(fmt, path, n_retains, **kwargs):
    # Yields the snapshot file names matching ``fmt`` except the newest
    # ``n_retains`` ones, oldest first.
    if 'num_retain' in kwargs:
        warnings.warn(
            'Argument `num_retain` is deprecated. '
            'Please use `n_retains` instead',
            DeprecationWarning)
        n_retains = kwargs['num_retain']
    files = _find_snapshot_files(fmt, path)
    n_removes = len(files) - n_retains
    if n_removes > 0:
        for _, name in files[:n_removes]:
            yield name


def _pop_num_retain(kwargs):
    if 'num_retain' in kwargs:
        warnings.warn(
            'Argument `num_retain` is deprecated. '
            'Please use `n_retains` instead',
            DeprecationWarning)
        kwargs['n_retains'] = kwargs.pop('num_retain')


def snapshot_object(target, filename, savefun=None, **kwargs):
    """snapshot_object(target, filename, savefun=None, *, condition=None, \
writer=None, snapshot_on_error=False, n_retains=-1, autoload=False)

    Returns an extension saving ``target`` (e.g. the model) to the output
    directory.

    It is :func:`snapshot` with an explicit target; see there for the
    arguments. Called once per epoch by default, with priority -100.

    Args:
        target: Object to serialize.
        filename (str): File name, formatted with the trainer (e.g.
            ``'model_{.updater.epoch}'``), or a callable taking the trainer.
        savefun: Saving function (not together with ``writer``).

    Returns:
        The snapshot extension.
    """
    _pop_num_retain(kwargs)
    return snapshot(target=target, filename=filename, savefun=savefun,
                    **kwargs)


def snapshot(savefun=None,
             filename='snapshot_iter_{.updater.iteration}', **kwargs):
    """snapshot(savefun=None, filename='snapshot_iter_{.updater.iteration}', \
*, target=None, condition=None, writer=None, snapshot_on_error=False, \
n_retains=-1, autoload=False)

    Returns an extension saving snapshots of the trainer.

    A trainer snapshot holds everything that changes during training (model
    parameters, optimizer states, iterator positions, extension and trigger
    states, the iteration count), so ``load_npz(path, trainer)`` on a
    trainer built the same way resumes training where it stopped. The file
    is written to a temporary location and renamed into place once synced,
    so an interrupted save never destroys an earlier snapshot.

    Called once per epoch by default, with priority -100 (after the other
    extensions).

    Args:
        savefun: ``savefun(path, obj)`` writes the file;
            :func:`~chainer.serializers.save_npz` by default. Not together
            with ``writer``.
        filename (str): File name in the output directory, formatted with
            the trainer (``str.format``), or a callable taking the trainer.
        target: Object to serialize; the trainer by default.
        condition: Callable without arguments; the snapshot is skipped when
            it returns ``False``.
        writer: A writer from
            :mod:`~chainer.training.extensions.snapshot_writers` (e.g.
            :class:`ThreadWriter` to save in the background).
        snapshot_on_error (bool): Also save when the training loop raises.
        n_retains (int): Keep only this many newest snapshots (when
            positive and ``filename`` is a string).
        autoload (bool): Before training, load the newest snapshot matching
            ``filename`` in the output directory into the target, if any
            (for files written by ``save_npz``).

    Returns:
        The snapshot extension.

    Example:

        >>> from chainer.training import extensions
        >>> ext = extensions.snapshot(n_retains=2, autoload=True)
        >>> ext.trigger, ext.priority
        ((1, 'epoch'), -100)
    """
    _pop_num_retain(kwargs)
    target, condition, writer, snapshot_on_error, n_retains, autoload = \
        argument.parse_kwargs(
            kwargs,
            ('target', None), ('condition', None), ('writer', None),
            ('snapshot_on_error', False), ('n_retains', -1),
            ('autoload', False))
    argument.assert_kwargs_empty(kwargs)

    if savefun is not None and writer is not None:
        raise TypeError(
            'savefun and writer arguments cannot be specified together.')
    if writer is None:
        if savefun is None:
            savefun = npz.save_npz
        writer = snapshot_writers.SimpleWriter(savefun=savefun)

    return _Snapshot(
        target=target, condition=condition, writer=writer, filename=filename,
        snapshot_on_error=snapshot_on_error, n_retains=n_retains,
        autoload=autoload)


def _always_true():
    return True


class _Snapshot(extension.Extension):
    # The extension returned by snapshot() and snapshot_object().

    trigger = 1, 'epoch'
    priority = -100

    def __init__(
            self, target=None, condition=None, writer=None,
            filename='snapshot_iter_{.updater.iteration}',
            snapshot_on_error=False, n_retains=-1, autoload=False, **kwargs):
        if condition is None:
            condition = _always_true
        if writer is None:
            writer = snapshot_writers.SimpleWriter()
        if 'num_retain' in kwargs:
            warnings.warn(
                'Argument `num_retain` is deprecated. '
                'Please use `n_retains` instead',
                DeprecationWarning)
            n_retains = kwargs['num_retain']

        self._target = target
        self.filename = filename
        self.condition = condition
        self.writer = writer
        self._snapshot_on_error = snapshot_on_error
        self.n_retains = n_retains
        self.autoload = autoload

    def initialize(self, trainer):
        target = trainer if self._target is None else self._target
        outdir = trainer.out
        if self.autoload:
            filename = _find_latest_snapshot(self.filename, outdir)
            if filename is None:
                if chainer_lite.is_debug():
                    print('No snapshot file that matches {} was found'
                          .format(self.filename))
            else:
                snapshot_file = os.path.join(outdir, filename)
                npz.load_npz(snapshot_file, target)
                if chainer_lite.is_debug():
                    print('Snapshot loaded from', snapshot_file)

        if (hasattr(self.writer, '_add_cleanup_hook')
                and self.n_retains > 0
                and isinstance(self.filename, str)):
            def _cleanup():
                for name in _find_stale_snapshots(
                        self.filename, outdir, self.n_retains):
                    os.remove(os.path.join(outdir, name))

            self.writer._add_cleanup_hook(_cleanup)

    def on_error(self, trainer, exc, tb):
        super(_Snapshot, self).on_error(trainer, exc, tb)
        if self._snapshot_on_error:
            self._make_snapshot(trainer)

    def __call__(self, trainer):
        if self.condition():
            self._make_snapshot(trainer)

    def _make_snapshot(self, trainer):
        target = trainer if self._target is None else self._target
        serialized_target = npz.serialize(target)
        filename = self.filename
        if callable(filename):
            filename = filename(trainer)
        else:
            filename = filename.format(trainer)
        self.writer(filename, trainer.out, serialized_target)

    def finalize(self):
        if hasattr(self.writer, 'finalize'):
            self.writer.finalize()

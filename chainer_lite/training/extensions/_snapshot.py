"""Snapshot extensions: save the trainer or any object, and resume from it."""
import os
import warnings

import chainer_lite
from chainer_lite.serializers import npz
from chainer_lite.training import extension
from chainer_lite.training.extensions import snapshot_writers
from chainer_lite.utils import argument


_DEFAULT_FILENAME = 'snapshot_iter_{.updater.iteration}'


def _find_snapshot_files(fmt, path):
    # (mtime, name) of the files in ``path`` whose names look made by
    # ``fmt``: only the text before the first '{' and after the last '}' is
    # compared. Sorted oldest first.
    head = fmt.partition('{')[0]
    tail = fmt.rpartition('}')[2]
    entries = []
    for name in os.listdir(path):
        full = os.path.join(path, name)
        # Temporary directories of interrupted saves are not snapshots.
        if (name.startswith(head) and name.endswith(tail)
                and not os.path.isdir(full)):
            entries.append((os.stat(full).st_mtime, name))
    entries.sort()
    return entries


def _find_latest_snapshot(fmt, path):
    # The newest (by mtime) snapshot file name matching ``fmt``, or None.
    entries = _find_snapshot_files(fmt, path)
    return entries[-1][1] if entries else None


def _renamed_num_retain(kwargs, n_retains):
    # ``num_retain`` is the deprecated spelling of ``n_retains``.
    if 'num_retain' not in kwargs:
        return n_retains
    warnings.warn(
        'Argument `num_retain` is deprecated. '
        'Please use `n_retains` instead',
        DeprecationWarning)
    return kwargs.pop('num_retain')


def _find_stale_snapshots(fmt, path, n_retains, **kwargs):
    # Yields the snapshot file names matching ``fmt`` except the newest
    # ``n_retains`` ones, oldest first.
    keep = _renamed_num_retain(kwargs, n_retains)
    entries = _find_snapshot_files(fmt, path)
    for _, name in entries[:max(len(entries) - keep, 0)]:
        yield name


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
    return snapshot(savefun, filename, target=target, **kwargs)


def snapshot(savefun=None, filename=_DEFAULT_FILENAME, **kwargs):
    """snapshot(savefun=None, \
filename='snapshot_iter_{.updater.iteration}', *, target=None, \
condition=None, writer=None, snapshot_on_error=False, n_retains=-1, \
autoload=False)

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
    if 'num_retain' in kwargs:
        kwargs['n_retains'] = _renamed_num_retain(kwargs, None)
    defaults = {'target': None, 'condition': None, 'writer': None,
                'snapshot_on_error': False, 'n_retains': -1,
                'autoload': False}
    options = dict(zip(defaults,
                       argument.parse_kwargs(kwargs, *defaults.items())))

    if options['writer'] is None:
        options['writer'] = snapshot_writers.SimpleWriter(
            savefun=npz.save_npz if savefun is None else savefun)
    elif savefun is not None:
        raise TypeError(
            'savefun and writer arguments cannot be specified together.')
    return _Snapshot(filename=filename, **options)


def _every_time():
    return True


class _Snapshot(extension.Extension):
    # The extension returned by snapshot() and snapshot_object().

    trigger = 1, 'epoch'
    priority = -100

    def __init__(self, target=None, condition=None, writer=None,
                 filename=_DEFAULT_FILENAME, snapshot_on_error=False,
                 n_retains=-1, autoload=False, **kwargs):
        self._target = target
        self.filename = filename
        # No condition: snapshot at every call.
        self.condition = _every_time if condition is None else condition
        if writer is None:
            writer = snapshot_writers.SimpleWriter()
        self.writer = writer
        self._snapshot_on_error = snapshot_on_error
        self.n_retains = _renamed_num_retain(kwargs, n_retains)
        self.autoload = autoload

    def _what(self, trainer):
        return trainer if self._target is None else self._target

    def initialize(self, trainer):
        outdir = trainer.out
        if self.autoload:
            self._load_latest(outdir, self._what(trainer))

        # Only writers that run cleanup hooks after saving support
        # n_retains, and only file names given as format strings can be
        # matched.
        if (hasattr(self.writer, '_add_cleanup_hook')
                and self.n_retains > 0
                and isinstance(self.filename, str)):
            def remove_stale():
                for name in _find_stale_snapshots(
                        self.filename, outdir, self.n_retains):
                    os.remove(os.path.join(outdir, name))

            self.writer._add_cleanup_hook(remove_stale)

    def _load_latest(self, outdir, target):
        found = _find_latest_snapshot(self.filename, outdir)
        debug = chainer_lite.is_debug()
        if found is None:
            if debug:
                print('No snapshot file that matches {} was found'
                      .format(self.filename))
            return
        path = os.path.join(outdir, found)
        npz.load_npz(path, target)
        if debug:
            print('Snapshot loaded from', path)

    def on_error(self, trainer, exc, tb):
        super().on_error(trainer, exc, tb)
        if self._snapshot_on_error:
            self._make_snapshot(trainer)

    def __call__(self, trainer):
        if self.condition():
            self._make_snapshot(trainer)

    def _make_snapshot(self, trainer):
        # The target is serialized now; the writer may save it later.
        content = npz.serialize(self._what(trainer))
        name = self.filename
        name = name(trainer) if callable(name) else name.format(trainer)
        self.writer(name, trainer.out, content)

    def finalize(self):
        if hasattr(self.writer, 'finalize'):
            self.writer.finalize()

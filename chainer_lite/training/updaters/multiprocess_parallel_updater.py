"""Data-parallel updater with one process per GPU, communicating via NCCL."""
import multiprocessing
import warnings

import numpy

import chainer_lite
from chainer_lite.backends import cuda
from chainer_lite.dataset import convert
from chainer_lite import reporter
from chainer_lite.training.updaters import standard_updater


def _import_nccl():
    try:
        from cupy.cuda import nccl
    except Exception:
        return None
    return nccl


class _Worker(multiprocessing.Process):
    # A process driving one non-master GPU: it computes the gradients of its
    # own batches, sums them into the master's with NCCL and receives the
    # updated parameters back.

    def __init__(self, proc_id, pipe, master):
        super(_Worker, self).__init__()
        self.proc_id = proc_id
        self.pipe = pipe
        self.converter = master.converter
        self.model = master._master
        self.device = master._devices[proc_id]
        self.iterator = master._mpu_iterators[proc_id]
        self.n_devices = len(master._devices)

    def setup(self):
        nccl = _import_nccl()
        _, comm_id = self.pipe.recv()
        self.comm = nccl.NcclCommunicator(
            self.n_devices, comm_id, self.proc_id)
        self.model.to_device(self.device)
        self.reporter = reporter.Reporter()
        self.reporter.add_observer('main', self.model)
        self.reporter.add_observers(
            'main', self.model.namedlinks(skipself=True))

    def run(self):
        nccl = _import_nccl()
        self.device.use()
        self.setup()
        stream = cuda.Stream.null
        while True:
            job, _ = self.pipe.recv()
            if job == 'finalize':
                self.device.device.synchronize()
                break
            if job != 'update':
                continue
            self.model.cleargrads()
            examples = self.iterator.next()
            batch = self.converter(examples, self.device)
            with self.reporter.scope({}):  # reports stay in this process
                loss = convert._call_with_batch(self.model, batch)
            self.model.cleargrads()
            loss.backward()
            del loss

            grads = gather_grads(self.model)
            self.comm.reduce(grads.data.ptr, grads.data.ptr, grads.size,
                             _get_nccl_data_type(grads.dtype),
                             nccl.NCCL_SUM, 0, stream.ptr)
            del grads
            self.model.cleargrads()
            params = gather_params(self.model)
            self.comm.bcast(params.data.ptr, params.size,
                            _get_nccl_data_type(params.dtype), 0, stream.ptr)
            scatter_params(self.model, params)
            del params


class MultiprocessParallelUpdater(standard_updater.StandardUpdater):
    """Data-parallel updater running one process per GPU (needs NCCL).

    Each device has its own iterator; the master process updates the model
    with the gradients summed over all devices, then broadcasts the
    parameters. Values reported in the worker processes are not sent to the
    master's reporter. It needs CuPy built with NCCL; construction raises
    otherwise (use :class:`StandardUpdater` on one device instead).

    Args:
        iterators (list): One training iterator per device, over datasets
            of equal length.
        optimizer: Optimizer; its target is the model.
        converter: Batch converter.
        devices (dict or list): The devices; the master is ``'main'`` (dict)
            or the first one (list).
        auto_new_epoch (bool): Call ``optimizer.new_epoch(auto=True)`` on a
            new epoch.
    """

    def __init__(self, iterators, optimizer, converter=convert.concat_examples,
                 devices=None, auto_new_epoch=True):
        if not MultiprocessParallelUpdater.available():
            raise Exception(
                'NCCL is not enabled. MultiprocessParallelUpdater '
                'requires NCCL.\n'
                'Please reinstall CuPy after you install NCCL.\n'
                '(see https://docs-cupy.chainer.org/en/latest/install.html)')
        try:
            cuda.cupy.cuda.driver.ctxGetCurrent()
            cuda_initialized = True
        except cuda.cupy.cuda.driver.CUDADriverError:
            cuda_initialized = False
        if (cuda_initialized and multiprocessing.get_start_method()
                not in ('spawn', 'forkserver')):
            raise RuntimeError(
                'The CUDA context has been already initialized. '
                'MultiprocessParallelUpdater assumes the context is '
                'uninitialized. Please do not call CUDA API before '
                'MultiprocessParallelUpdater creates processes '
                'or use multiprocessing.set_start_method with '
                '\'spawn\' or \'forkserver\' as arguments.')

        # One iterator per device, all over datasets of the same size.
        assert len(iterators) == len(devices)
        assert len(set(len(it.dataset) for it in iterators)) <= 1

        # The effective batch is len(devices) times larger: rescale the
        # hyperparameter that depends on it, as Chainer does.
        n = len(devices)
        name = type(optimizer).__name__
        if name in ('Adam', 'AdaGrad', 'RMSprop'):
            optimizer.eps *= n
            changed = 'optimizer.eps is changed to {}'.format(optimizer.eps)
        elif name in ('RMSpropGraves', 'AdaDelta'):
            optimizer.eps *= n ** 2
            changed = 'optimizer.eps is changed to {}'.format(optimizer.eps)
        elif hasattr(optimizer, 'lr'):
            optimizer.lr /= n
            changed = 'optimizer.lr is changed to {}'.format(optimizer.lr)
        else:
            changed = None
        if changed is not None:
            warnings.warn(changed + ' by MultiprocessParallelUpdater '
                          'for new batch size.')

        super(MultiprocessParallelUpdater, self).__init__(
            iterator=iterators[0],
            optimizer=optimizer,
            converter=converter,
            auto_new_epoch=auto_new_epoch,
        )

        if isinstance(devices, dict):
            devices = devices.copy()
            main = devices.pop('main')
            devices = [main] + list(devices.values())
        elif isinstance(devices, (list, tuple)):
            devices = list(devices)
        else:
            raise ValueError(
                'devices argument should be either dict, list or tuple,'
                ' but {} was given.'.format(type(devices)))
        if any(device is None for device in devices):
            raise ValueError('GPU devices must be specified.')

        self._master = optimizer.target
        self._devices = [chainer_lite.get_device(d) for d in devices]
        self._mpu_iterators = iterators
        self._initialized = False
        self._pipes = []
        self._workers = []
        self.comm = None

    @staticmethod
    def available():
        """Whether CuPy with NCCL can be imported."""
        return _import_nccl() is not None

    def _send_message(self, message):
        for pipe in self._pipes:
            pipe.send(message)

    def setup_workers(self):
        """Starts the worker processes and the NCCL communicator (once)."""
        if self._initialized:
            return
        self._initialized = True

        self._master.cleargrads()
        for i in range(1, len(self._devices)):
            pipe, worker_end = multiprocessing.Pipe()
            worker = _Worker(i, worker_end, self)
            worker.start()
            self._workers.append(worker)
            self._pipes.append(pipe)

        with chainer_lite.using_device(self._devices[0]):
            self._master.to_device(self._devices[0])
            if len(self._devices) > 1:
                nccl = _import_nccl()
                comm_id = nccl.get_unique_id()
                self._send_message(('set comm_id', comm_id))
                self.comm = nccl.NcclCommunicator(
                    len(self._devices), comm_id, 0)

    def update_core(self):
        self.setup_workers()
        self._send_message(('update', None))
        with chainer_lite.using_device(self._devices[0]):
            self._master.cleargrads()
            optimizer = self.get_optimizer('main')
            iterator = self.get_iterator('main')
            batch = self.converter(iterator.next(), self._devices[0])
            loss = convert._call_with_batch(self._master, batch)
            self._master.cleargrads()
            loss.backward()

            stream = cuda.Stream.null
            if self.comm is not None:
                nccl = _import_nccl()
                grads = gather_grads(self._master)
                self.comm.reduce(grads.data.ptr, grads.data.ptr, grads.size,
                                 _get_nccl_data_type(grads.dtype),
                                 nccl.NCCL_SUM, 0, stream.ptr)
                scatter_grads(self._master, grads)
                del grads
            optimizer.update()
            if self.comm is not None:
                params = gather_params(self._master)
                self.comm.bcast(params.data.ptr, params.size,
                                _get_nccl_data_type(params.dtype),
                                0, stream.ptr)

            if self.auto_new_epoch and iterator.is_new_epoch:
                optimizer.new_epoch(auto=True)

    def finalize(self):
        self._send_message(('finalize', None))
        for worker in self._workers:
            worker.join()
        super().finalize()


def size_num_grads(link):
    """Returns the total size and the number of the non-empty parameters.

    Args:
        link (~chainer.Link): The link.

    Returns:
        tuple: ``(total number of elements, number of parameters)``.
    """
    size = 0
    num = 0
    for param in link.params():
        if param.size == 0:
            continue
        size += param.size
        num += 1
    return size, num


def _sorted_params(link):
    # The parameters in a fixed order (by path) that every process agrees
    # on, skipping empty ones.
    return [param for _, param in sorted(link.namedparams(),
                                         key=lambda item: item[0])
            if param.size != 0]


def _gather(link, attr):
    # Concatenates the flattened arrays (as float32; a missing one counts
    # as zeros) into one GPU array.
    cupy = cuda.cupy
    pieces = []
    for param in _sorted_params(link):
        array = getattr(param, attr)
        if array is None:
            pieces.append(cupy.zeros(param.size, dtype=numpy.float32))
        else:
            pieces.append(array.ravel().astype(numpy.float32, copy=False))
    size, _ = size_num_grads(link)
    if not pieces:
        return cupy.zeros(size, dtype=numpy.float32)
    return cupy.concatenate(pieces)


def _scatter(link, array, attr):
    # Inverse of _gather: copies consecutive slices of ``array`` back into
    # the arrays, allocating missing ones.
    cupy = cuda.cupy
    offset = 0
    for param in _sorted_params(link):
        target = getattr(param, attr)
        if target is None:
            target = cupy.zeros(param.shape, dtype=param.dtype)
            setattr(param, attr, target)
        piece = array[offset:offset + param.size].reshape(param.shape)
        target[...] = piece.astype(target.dtype, copy=False)
        offset += param.size


def gather_grads(link):
    """Concatenates all the gradients of a link into one float32 array.

    Args:
        link (~chainer.Link): The link (on a GPU).

    Returns:
        cupy.ndarray: The flattened gradients.

    Raises:
        RuntimeError: The link is on the CPU.
    """
    if link.xp is numpy:
        raise RuntimeError('gather_grads works only on GPU.')
    return _gather(link, 'grad')


def gather_params(link):
    """Concatenates all the parameters of a link into one float32 array.

    Args:
        link (~chainer.Link): The link (on a GPU).

    Returns:
        cupy.ndarray: The flattened parameters.

    Raises:
        RuntimeError: The link is on the CPU.
    """
    if link.xp is numpy:
        raise RuntimeError('Link.gather_params works only on GPU.')
    return _gather(link, 'data')


def scatter_grads(link, array):
    """Copies an array made by :func:`gather_grads` into the gradients.

    Args:
        link (~chainer.Link): The link.
        array (cupy.ndarray): The flattened gradients.
    """
    _scatter(link, array, 'grad')


def scatter_params(link, array):
    """Copies an array made by :func:`gather_params` into the parameters.

    Args:
        link (~chainer.Link): The link.
        array (cupy.ndarray): The flattened parameters.
    """
    _scatter(link, array, 'data')


def _get_nccl_data_type(dtype):
    nccl = _import_nccl()
    if dtype == numpy.float32:
        return nccl.NCCL_FLOAT
    if dtype == numpy.float16:
        return nccl.NCCL_HALF
    if dtype == numpy.float64:
        return nccl.NCCL_DOUBLE
    raise RuntimeError('Unexpected data type:{}'.format(dtype))

"""Backend configurations for tests and the decorator that injects them."""
import functools

from chainer_lite.testing import _bundle
from chainer_lite.testing import attr


class BackendConfig(object):
    """A backend a test runs on: CPU, a CUDA device, iDeep or ChainerX.

    Args:
        params (dict): Values overriding the defaults of ``use_chainerx``
            (False), ``chainerx_device`` (None), ``use_cuda`` (False),
            ``cuda_device`` (None, meaning 0 when ``use_cuda``), ``use_cudnn``
            ('never'), ``cudnn_deterministic`` (False), ``autotune`` (False),
            ``cudnn_fast_batch_normalization`` (False) and ``use_ideep``
            ('never').

    Used as a context manager it applies its configuration values and
    makes its device current.

    Example:

        >>> from chainer_lite import testing
        >>> config = testing.BackendConfig({})
        >>> config.xp.__name__
        'numpy'
        >>> testing.BackendConfig({'use_cuda': True}).cuda_device
        0
    """

    _props = [
        ('use_chainerx', False),
        ('chainerx_device', None),
        ('use_cuda', False),
        ('cuda_device', None),
        ('use_cudnn', 'never'),
        ('cudnn_deterministic', False),
        ('autotune', False),
        ('cudnn_fast_batch_normalization', False),
        ('use_ideep', 'never'),
    ]

    _device = None

    def __init__(self, params):
        if not isinstance(params, dict):
            raise TypeError('params must be a dict.')
        self._contexts = []
        for name, default in self._props:
            setattr(self, name, default)
        for name, value in params.items():
            if not hasattr(self, name):
                raise ValueError('Parameter {} is not defined'.format(name))
            setattr(self, name, value)
        if self.use_chainerx:
            assert isinstance(self.chainerx_device, str), (
                '\'chainerx_device\' parameter is expected to be a string '
                'representing a ChainerX device specifier')
        if self.use_cuda and self.cuda_device is None:
            self.cuda_device = 0

    @property
    def device(self):
        """The :class:`~chainer.backend.Device` of this configuration."""
        if self._device is None:
            from chainer_lite import backend
            if self.use_cuda:
                spec = '@cupy:{}'.format(self.cuda_device)
            elif self.use_chainerx:
                spec = self.chainerx_device
            elif self.use_ideep != 'never':
                spec = '@intel64'
            else:
                spec = '@numpy'
            self._device = backend.get_device(spec)
        return self._device

    @property
    def xp(self):
        """The array module of the device."""
        return self.device.xp

    def __enter__(self):
        import chainer_lite
        contexts = [
            chainer_lite.using_config('use_cudnn', self.use_cudnn),
            chainer_lite.using_config(
                'cudnn_deterministic', self.cudnn_deterministic),
            chainer_lite.using_config('autotune', self.autotune),
            chainer_lite.using_config('use_ideep', self.use_ideep),
            chainer_lite.using_device(self.device),
        ]
        for context in contexts:
            context.__enter__()
        self._contexts.append(contexts)
        return self

    def __exit__(self, typ, value, traceback):
        for context in reversed(self._contexts.pop()):
            context.__exit__(typ, value, traceback)

    def __repr__(self):
        return '<BackendConfig {}>'.format(' '.join(
            '{}={!r}'.format(name, getattr(self, name))
            for name, _ in self._props))

    def get_func_str(self):
        """Returns a text describing the configuration, usable in names."""
        def text(value):
            if value is True:
                return 'true'
            if value is False:
                return 'false'
            return str(value)
        return '__'.join(
            '{}_{}'.format(name, text(getattr(self, name)))
            for name, _ in self._props)

    def get_pytest_marks(self):
        """Returns the marks (``attr.gpu``, ...) a test on this backend needs.
        """
        marks = []
        if self.use_chainerx:
            marks.append(attr.chainerx)
            backend_name, index = self.chainerx_device.split(':')
            if backend_name == 'cuda':
                marks.append(attr.gpu)
                if int(index) >= 1:
                    marks.append(attr.multi_gpu(int(index) + 1))
        elif self.use_cuda:
            marks.append(attr.gpu)
            if self.use_cudnn != 'never':
                marks.append(attr.cudnn)
            if self.cuda_device >= 1:
                marks.append(attr.multi_gpu(self.cuda_device + 1))
        elif self.use_ideep != 'never':
            marks.append(attr.ideep)
        return marks

    def get_array(self, np_array):
        """Sends a NumPy array (or a tuple/list of them) to the device."""
        return self.device.send(np_array)


def _backend_cases(base, method_names, params):
    if method_names is not None:
        # The methods not taking a backend stay in a class of the same name.
        def keep_others(method):
            return None if method.__name__ in method_names else method
        yield base.__name__, {}, keep_others

    for param in params:
        config = BackendConfig(param)
        marks = config.get_pytest_marks()

        def method_generator(method, config=config, marks=marks):
            if (method_names is not None
                    and method.__name__ not in method_names):
                return None

            @functools.wraps(method)
            def test(self, *args, **kwargs):
                return method(self, config, *args, **kwargs)

            for mark in marks:
                test = mark(test)
            return test

        yield ('{}_{}'.format(base.__name__, config.get_func_str()), {},
               method_generator)


def inject_backend_tests(method_names, params):
    """Class decorator running test methods once per backend configuration.

    Each generated class (one per dict of ``params``) calls the selected
    test methods with a :class:`BackendConfig` as their first argument and
    carries the pytest marks of that backend (``gpu``, ``cudnn``,
    ``chainerx``, ``ideep``), so that ``-m "not gpu"`` deselects GPU runs.

    Args:
        method_names (list of str or None): Names of the test methods that
            take the backend configuration; ``None`` means all of them.
        params (list of dicts): Parameters of :class:`BackendConfig`.

    Returns:
        callable: The class decorator.
    """
    if method_names is not None and not isinstance(method_names, list):
        raise TypeError('method_names must be either None or a list.')
    if not isinstance(params, list):
        raise TypeError('params must be a list of dicts.')
    if not all(isinstance(d, dict) for d in params):
        raise TypeError('params must be a list of dicts.')
    return _bundle.make_decorator(
        lambda base: _backend_cases(base, method_names, params))

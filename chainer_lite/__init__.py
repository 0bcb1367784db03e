"""chainer_lite: Chainer 7.8.1's API, reimplemented on NumPy 2 (and CuPy).

``import chainer_lite as chainer`` gives the same top-level names as
``import chainer``; ``python -m chainer_lite run script.py`` runs a Chainer
script unchanged.
"""
import os
import threading
import warnings as _builtin_warnings

import numpy

from chainer_lite import _version
from chainer_lite.configuration import config  # NOQA
from chainer_lite.configuration import global_config  # NOQA
from chainer_lite.configuration import using_config  # NOQA

__version__ = _version.__version__


class _FallbackType(object):
    def __repr__(self):
        return 'Fallback'


Fallback = _FallbackType()


class _Mixed16(object):

    dtype = numpy.dtype(numpy.float16)

    def __repr__(self):
        return "dtype('mixed16')"


mixed16 = _Mixed16()
"""Dtype-like object that represents 16/32 bits mixed precision float."""

global_config.debug = bool(int(os.environ.get('CHAINER_DEBUG', '0')))
global_config.cudnn_deterministic = False
global_config.warn_nondeterministic = False
global_config.enable_backprop = True
global_config.keep_graph_on_report = bool(int(
    os.environ.get('CHAINER_KEEP_GRAPH_ON_REPORT', '0')))
global_config.train = True
global_config.type_check = bool(int(os.environ.get('CHAINER_TYPE_CHECK', '1')))
global_config.use_cudnn = os.environ.get('CHAINER_USE_CUDNN', 'auto')
global_config.use_cudnn_tensor_core = 'auto'
global_config.autotune = False
global_config.schedule_func = None
global_config.use_static_graph = True
global_config.use_ideep = os.environ.get('CHAINER_USE_IDEEP', 'never')
global_config.lazy_grad_sum = bool(int(
    os.environ.get('CHAINER_LAZY_GRAD_SUM', '0')))
global_config.cudnn_fast_batch_normalization = bool(int(
    os.environ.get('CHAINER_CUDNN_FAST_BATCH_NORMALIZATION', '0')))
_chainer_dtype = os.environ.get('CHAINER_DTYPE', 'float32')
if _chainer_dtype in ('float16', 'float32', 'float64'):
    global_config.dtype = numpy.dtype(_chainer_dtype)
elif _chainer_dtype == 'mixed16':
    global_config.dtype = mixed16
else:
    raise TypeError('incorrect dtype name in CHAINER_DTYPE: "{}". '
                    'Only float16/32/64 are allowed.'.format(_chainer_dtype))
global_config.in_recomputing = False
global_config._will_recompute = False
global_config.compute_mode = None

class _ThreadLocal(threading.local):
    def __init__(self):
        # Runs once in every thread that touches it.
        import collections
        self.link_hooks = collections.OrderedDict()


_thread_local = _ThreadLocal()


def is_debug():
    """Returns if the debug mode is enabled or not in the current thread.

    Returns:
        bool: ``True`` if the debug mode is enabled.
    """
    return bool(config.__getattr__('debug'))


def set_debug(debug):
    """Enables or disables the debug mode in the current thread.

    Args:
        debug (bool): New debug mode.
    """
    config.debug = debug


class DebugMode(object):
    """Debug mode context (deprecated; use ``using_config('debug', ...)``).

    Args:
        debug (bool): Debug mode used in the context.
    """

    def __init__(self, debug):
        _builtin_warnings.warn(
            'chainer.DebugMode is deprecated. '
            'Use chainer.using_config("debug", ...) instead.',
            DeprecationWarning)
        self._using = using_config('debug', debug)

    def __enter__(self):
        self._using.__enter__()

    def __exit__(self, *args):
        self._using.__exit__(*args)


def get_dtype(dtype=None, map_mixed16=None):
    """Resolves Chainer's default dtype (``config.dtype``).

    Args:
        dtype: Dtype specifier; ``None`` means ``chainer.config.dtype``.
        map_mixed16: The dtype that :data:`mixed16` maps to.

    Returns:
        numpy.dtype: The resolved dtype.

    Example:

        >>> import chainer
        >>> chainer.get_dtype()
        dtype('float32')
    """
    if dtype is None:
        dtype = config.dtype
    if dtype is mixed16 and map_mixed16 is not None:
        dtype = map_mixed16
    return numpy.dtype(dtype)


def get_compute_mode():
    return config.compute_mode


def get_function_hooks():
    """Returns the ordered dict of function hooks of the current thread."""
    return function_hook._global_hooks()


def _get_link_hooks():
    return _thread_local.link_hooks


disable_experimental_feature_warning = False

from chainer_lite import backends  # NOQA
from chainer_lite.backends import cuda  # NOQA
from chainer_lite import backend  # NOQA
from chainer_lite.backend import get_array_types  # NOQA
from chainer_lite.backend import get_cpu_array_types  # NOQA
from chainer_lite.backend import is_arrays_compatible  # NOQA
from chainer_lite import device_resident  # NOQA
from chainer_lite import memory_layouts  # NOQA
from chainer_lite import warnings  # NOQA
from chainer_lite import graph_optimizations  # NOQA
from chainer_lite.graph_optimizations.static_graph import static_graph  # NOQA
from chainer_lite.graph_optimizations.static_graph_utilities import static_code  # NOQA
from chainer_lite.device_resident import DeviceResident  # NOQA
from chainer_lite import utils  # NOQA
from chainer_lite import variable  # NOQA
from chainer_lite import function_hook  # NOQA
from chainer_lite import function_node  # NOQA
from chainer_lite import function  # NOQA
from chainer_lite import functions  # NOQA
from chainer_lite._backprop import backward  # NOQA
from chainer_lite._runtime_info import print_runtime_info  # NOQA
from chainer_lite.backend import get_device  # NOQA
from chainer_lite.backend import using_device  # NOQA
from chainer_lite.backends.cuda import should_use_cudnn  # NOQA
from chainer_lite.backends.cuda import should_use_cudnn_tensor_core  # NOQA
from chainer_lite.function import force_backprop_mode  # NOQA
from chainer_lite.function import Function  # NOQA
from chainer_lite.function import FunctionAdapter  # NOQA
from chainer_lite.function import no_backprop_mode  # NOQA
from chainer_lite.function_hook import FunctionHook  # NOQA
from chainer_lite.function_node import FunctionNode  # NOQA
from chainer_lite.function_node import grad  # NOQA
from chainer_lite.functions import array  # NOQA
from chainer_lite.functions.math import basic_math  # NOQA
from chainer_lite.variable import as_array  # NOQA
from chainer_lite.variable import as_variable  # NOQA
from chainer_lite.variable import Parameter  # NOQA
from chainer_lite.variable import Variable  # NOQA

basic_math.install_variable_arithmetics()
array.get_item.install_variable_get_item()

from chainer_lite import initializer  # NOQA
from chainer_lite import initializers  # NOQA
from chainer_lite import link  # NOQA
from chainer_lite import link_hook  # NOQA
from chainer_lite import links  # NOQA
from chainer_lite import reporter  # NOQA
from chainer_lite import sequential  # NOQA
from chainer_lite.initializer import Initializer  # NOQA
from chainer_lite.link import Chain  # NOQA
from chainer_lite.link import ChainList  # NOQA
from chainer_lite.link import Link  # NOQA
from chainer_lite.link_hook import LinkHook  # NOQA
from chainer_lite.reporter import DictSummary  # NOQA
from chainer_lite.reporter import get_current_reporter  # NOQA
from chainer_lite.reporter import report  # NOQA
from chainer_lite.reporter import report_scope  # NOQA
from chainer_lite.reporter import Reporter  # NOQA
from chainer_lite.reporter import Summary  # NOQA
from chainer_lite.sequential import Sequential  # NOQA

from chainer_lite import optimizer  # NOQA
from chainer_lite import optimizer_hooks  # NOQA
from chainer_lite import optimizers  # NOQA
from chainer_lite import serializer  # NOQA
from chainer_lite import serializers  # NOQA
from chainer_lite.optimizer import GradientMethod  # NOQA
from chainer_lite.optimizer import Optimizer  # NOQA
from chainer_lite.optimizer import UpdateRule  # NOQA
from chainer_lite.serializer import AbstractSerializer  # NOQA
from chainer_lite.serializer import Deserializer  # NOQA
from chainer_lite.serializer import Serializer  # NOQA
from chainer_lite import dataset  # NOQA
from chainer_lite import datasets  # NOQA
from chainer_lite import iterators  # NOQA
from chainer_lite import training  # NOQA
from chainer_lite import computational_graph  # NOQA
from chainer_lite import function_hooks  # NOQA
from chainer_lite import distribution  # NOQA
from chainer_lite import distributions  # NOQA
from chainer_lite.distribution import cross_entropy  # NOQA
from chainer_lite.distribution import Distribution  # NOQA
from chainer_lite.distribution import kl_divergence  # NOQA
from chainer_lite.distribution import register_kl  # NOQA

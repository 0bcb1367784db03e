"""Function hooks: profiling and debugging callbacks around functions."""
from chainer_lite.function_hooks.cuda_profile import CUDAProfileHook  # NOQA
from chainer_lite.function_hooks.cupy_memory_profile import CupyMemoryProfileHook  # NOQA
from chainer_lite.function_hooks.debug_print import PrintHook  # NOQA
from chainer_lite.function_hooks.timer import TimerHook  # NOQA

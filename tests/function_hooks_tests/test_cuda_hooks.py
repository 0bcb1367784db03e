import pytest

from chainer_lite.backends import cuda
from chainer_lite import function_hooks


@pytest.mark.skipif(cuda.available, reason='CuPy is available')
def test_memory_profile_needs_cupy():
    with pytest.raises(RuntimeError, match='CUDA environment'):
        function_hooks.CupyMemoryProfileHook()
    with pytest.raises(RuntimeError, match='CUDA environment'):
        function_hooks.CUDAProfileHook()


@pytest.mark.gpu
def test_memory_profile_on_gpu():
    import io
    import numpy
    import chainer_lite as chainer
    import chainer_lite.functions as F
    hook = function_hooks.CupyMemoryProfileHook()
    x = chainer.Variable(cuda.to_gpu(numpy.ones((100, 100), numpy.float32)))
    with hook:
        F.exp(x)
    name, used, acquired, depth = hook.call_history[0]
    assert (name, depth) == ('Exp', 0)
    assert used >= 100 * 100 * 4
    assert hook.total_used_bytes() == used
    out = io.StringIO()
    hook.print_report(file=out)
    assert out.getvalue().startswith(
        'FunctionName  UsedBytes  AcquiredBytes  Occurrence\n')

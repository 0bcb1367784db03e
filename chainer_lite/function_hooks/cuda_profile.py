"""Function hook marking each function as an NVTX range for CUDA profilers."""
from chainer_lite.backends import cuda
from chainer_lite import function_hook


class CUDAProfileHook(function_hook.FunctionHook):
    """Function hook pushing an NVTX range around each forward and backward.

    The ranges (``<label>.forward`` / ``<label>.backward``) appear in NVIDIA
    profilers such as Nsight Systems. Needs CuPy built with NVTX.

    Raises:
        RuntimeError: CuPy is missing or lacks NVTX.
    """

    name = 'CUDAProfileHook'

    def __init__(self):
        cuda.check_cuda_available()
        if not cuda.cupy.cuda.nvtx_enabled:
            raise RuntimeError('nvtx is required for CUDAProfileHook')

    def forward_preprocess(self, function, in_data):
        cuda.cupy.cuda.nvtx.RangePush(function.label + '.forward')

    def forward_postprocess(self, function, in_data):
        cuda.cupy.cuda.nvtx.RangePop()

    def backward_preprocess(self, function, in_data, out_grad):
        cuda.cupy.cuda.nvtx.RangePush(function.label + '.backward')

    def backward_postprocess(self, function, in_data, out_grad):
        cuda.cupy.cuda.nvtx.RangePop()

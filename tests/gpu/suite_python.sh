#!/bin/bash
# The interpreter to give chainer_suite.py (--python) to run Chainer's own
# gpu-marked tests: chainer_suite.py sets CHAINER_TEST_GPU_LIMIT=0 (CPU runs),
# which would skip every one of them; this puts the limit back to one GPU.
#   GPU_SUITE_PYTHON      the real interpreter (default: python3)
#   GPU_SUITE_EXTRA_PATH  prepended to PYTHONPATH (the dry run puts the strict
#                         fake CuPy, tests/gpu/strict_cupy, there)
export CHAINER_TEST_GPU_LIMIT=1
if [ -n "$GPU_SUITE_EXTRA_PATH" ]; then
    export PYTHONPATH="$GPU_SUITE_EXTRA_PATH${PYTHONPATH:+:$PYTHONPATH}"
fi
exec "${GPU_SUITE_PYTHON:-python3}" "$@"

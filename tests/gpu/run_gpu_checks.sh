#!/bin/bash
# Every GPU check of chainer_lite in one run, for a machine with a CUDA GPU
# and CuPy. docs/gpu.md gives the exact device command and carry list.
#
# Runs from the repository root (it cds there). Nothing is installed: the
# image's python3 (or PYTHON=...) imports chainer_lite from the working tree
# (PYTHONPATH=.). Results go to $OUT (the device tool's output folder), or to
# build/gpu_out when OUT is unset; summary.txt has the headlines. Steps, in
# order of importance, each with its own time limit, so that a run cut short
# keeps what finished:
#   1. environment: nvidia-smi, Python, NumPy, CuPy, chainer_lite's info
#   2. our GPU tests: tests/gpu/test_gpu_consistency.py split over SHARDS
#      processes side by side, the other gpu-marked tests of tests/, and the
#      MNIST example trained for 2 epochs on @cupy:0
#   3. benchmarks/bench_gpu.py, alone on the GPU
#   4. Chainer's own gpu-marked tests of SUITE_GROUPS, when a copy of
#      tests/chainer_tests and chainer_suite.py was carried in build/gpu_suite
#      (see docs/gpu.md); skipped otherwise
# At most STEP2_LIMIT + STEP3_LIMIT + STEP4_LIMIT seconds plus a few (about
# 7 minutes with the defaults).
#
# DRY_RUN=1 runs the same steps on any machine through the strict fake CuPy
# of tests/gpu/strict_cupy (NumPy underneath), with small benchmark sizes and
# one Chainer test group: it checks this script and the tests, not the GPU.
set -u
cd "$(dirname "$0")/../.."

PY=${PYTHON:-python3}
case "$PY" in
    */*) PY="$(cd "$(dirname "$PY")" && pwd)/$(basename "$PY")" ;;
    *) PY="$(command -v "$PY")" ;;
esac
OUT=${OUT:-build/gpu_out}
DRY_RUN=${DRY_RUN:-0}
SUITE_DIR=${SUITE_DIR:-build/gpu_suite}
if [ "$DRY_RUN" = 1 ]; then
    FAKE="$PWD/tests/gpu/strict_cupy"
    export PYTHONPATH="$FAKE${PYTHONPATH:+:$PYTHONPATH}"
    export GPU_SUITE_EXTRA_PATH="$FAKE"
    BENCH_ARGS=${BENCH_ARGS:---quick --repeat 2}
    SHARDS=${SHARDS:-2}
    SUITE_JOBS=${SUITE_JOBS:-1}
    SUITE_GROUPS=${SUITE_GROUPS:-functions_tests/activation_tests}
fi
BENCH_ARGS=${BENCH_ARGS:---repeat 10}
SHARDS=${SHARDS:-8}
SUITE_JOBS=${SUITE_JOBS:-12}
SUITE_GROUPS=${SUITE_GROUPS:-. backends_tests functions_tests/activation_tests \
functions_tests/array_tests functions_tests/connection_tests \
functions_tests/loss_tests functions_tests/math_tests \
functions_tests/normalization_tests functions_tests/pooling_tests \
links_tests/connection_tests optimizers_tests serializers_tests}
STEP2_LIMIT=${STEP2_LIMIT:-170}
STEP3_LIMIT=${STEP3_LIMIT:-100}
STEP4_LIMIT=${STEP4_LIMIT:-150}

mkdir -p "$OUT"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONDONTWRITEBYTECODE=1
START=$(date +%s)
SUMMARY="$OUT/summary.txt"
: > "$SUMMARY"

note() {
    echo "[$(( $(date +%s) - START ))s] $*" | tee -a "$SUMMARY"
}

result_line() {  # the last pytest result line of a log
    grep -E "(passed|failed|error|skipped|no tests ran)" "$1" | tail -1
}

# 1. Environment ------------------------------------------------------------
{
    nvidia-smi -L
    nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
    "$PY" - <<'EOF'
import sys
import numpy
print('python', sys.version.split()[0], 'numpy', numpy.__version__)
import cupy
props = cupy.cuda.runtime.getDeviceProperties(0)
print('cupy', cupy.__version__, 'runtime', cupy.cuda.runtime.runtimeGetVersion(),
      'devices', cupy.cuda.runtime.getDeviceCount(), props['name'].decode())
for name in ('scipy', 'torch', 'pytest', 'hypothesis', 'pytest_timeout'):
    try:
        print(name, getattr(__import__(name), '__version__', 'available'))
    except Exception as e:
        print(name, 'not available:', type(e).__name__)
import chainer_lite
chainer_lite.print_runtime_info()
EOF
} > "$OUT/env.txt" 2>&1
note "environment: $(grep -E '^cupy ' "$OUT/env.txt" || echo 'CuPy NOT importable')"
if ! grep -q '^cupy ' "$OUT/env.txt"; then
    note "stopping: CuPy does not work here (see env.txt)"
    exit 1
fi

# 2. Our GPU tests and the MNIST example ------------------------------------
PYTEST=("$PY" -m pytest -q -p no:cacheprovider -rfE --tb=short
        --continue-on-collection-errors -W ignore::DeprecationWarning)
pids=()
for k in $(seq 0 $((SHARDS - 1))); do
    CHAINER_LITE_GPU_SHARD="$k/$SHARDS" timeout "$STEP2_LIMIT" \
        "${PYTEST[@]}" tests/gpu/test_gpu_consistency.py \
        --junitxml="$OUT/gpu_shard$k.xml" > "$OUT/gpu_shard$k.log" 2>&1 &
    pids+=($!)
done
timeout "$STEP2_LIMIT" "${PYTEST[@]}" -m gpu tests --ignore=tests/gpu \
    --junitxml="$OUT/gpu_other.xml" > "$OUT/gpu_other.log" 2>&1 &
pids+=($!)
MNIST_OUT=$(mktemp -d)
timeout "$STEP2_LIMIT" "$PY" -m chainer_lite run \
    examples/mnist/train_mnist.py --device @cupy:0 --epoch 2 --noplot \
    --noprogress --out "$MNIST_OUT" > "$OUT/mnist.txt" 2>&1 &
mnist_pid=$!
for pid in "${pids[@]}"; do wait "$pid"; done
wait "$mnist_pid"
mnist_rc=$?
rm -rf "$MNIST_OUT"
for k in $(seq 0 $((SHARDS - 1))); do
    note "tests/gpu shard $k/$SHARDS: $(result_line "$OUT/gpu_shard$k.log")"
done
note "other gpu-marked tests: $(result_line "$OUT/gpu_other.log")"
grep -hE "^(FAILED|ERROR) " "$OUT"/gpu_*.log > "$OUT/gpu_failures.txt"
note "failed tests (gpu_failures.txt): $(wc -l < "$OUT/gpu_failures.txt")"
note "MNIST example on @cupy:0 (rc $mnist_rc), last epoch: $(sed \
    's/\x1b\[J//g' "$OUT/mnist.txt" | grep -E '^2 ' | tail -1 | tr -s ' ')"

# 3. Benchmarks -------------------------------------------------------------
# shellcheck disable=SC2086
timeout "$STEP3_LIMIT" "$PY" benchmarks/bench_gpu.py $BENCH_ARGS \
    --json "$OUT/bench.json" > "$OUT/bench.txt" 2>&1
note "benchmarks (rc $?):"
grep -vE "Warning|warnings.warn|reinstall CuPy|docs-cupy" "$OUT/bench.txt" \
    | tee -a "$SUMMARY"

# 4. Chainer's own gpu-marked tests ----------------------------------------
if [ -d "$SUITE_DIR/tests/chainer_tests" ] && \
        [ -f "$SUITE_DIR/chainer_suite.py" ]; then
    # Each group stops at the group limit, so that the tool finishes and
    # writes its summary before the outer limit.
    # shellcheck disable=SC2086
    GPU_SUITE_PYTHON="$PY" timeout "$STEP4_LIMIT" "$PY" \
        "$SUITE_DIR/chainer_suite.py" --target chainer_lite --project . \
        --src "$SUITE_DIR" --python "$PWD/tests/gpu/suite_python.sh" \
        -j "$SUITE_JOBS" --group-timeout $((STEP4_LIMIT - 25)) --timeout 60 \
        --log-dir "$OUT/suite_logs" --json "$OUT/suite.json" \
        --pytest-arg=-m \
        --pytest-arg="gpu and not cudnn and not slow and not chainerx and not ideep" \
        $SUITE_GROUPS > "$OUT/suite.txt" 2>&1
    note "Chainer's gpu-marked tests (rc $?):"
    sed -n '/^group /,$p' "$OUT/suite.txt" | tee -a "$SUMMARY"
    tar -czf "$OUT/suite_logs.tgz" -C "$OUT" suite_logs 2>/dev/null \
        && rm -rf "$OUT/suite_logs"
else
    note "Chainer's gpu-marked tests: skipped (no $SUITE_DIR/tests/" \
         "chainer_tests or $SUITE_DIR/chainer_suite.py; see docs/gpu.md)"
fi
note "done"

import io
import re
import time

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
from chainer_lite import function_hooks


def _x():
    return chainer.Variable(numpy.ones((2, 3), numpy.float32))


def test_records_forward_and_backward():
    hook = function_hooks.TimerHook()
    with hook:
        y = F.sum(F.exp(_x()))
        y.backward()
    names = [name for name, _ in hook.call_history]
    assert names[:2] == ['Exp', 'Sum']
    assert 'Exp' in names[2:] and 'Sum' in names[2:]  # backward calls
    assert all(isinstance(t, float) and t >= 0 for _, t in hook.call_history)
    summary = hook.summary()
    assert summary['Exp']['occurrence'] >= 2
    assert hook.total_time() <= sum(t for _, t in hook.call_history) + 1e-9


def test_nested_calls_counted_once_in_total():
    hook = function_hooks.TimerHook()
    outer = F.math.exponential.Exp()
    inner = F.math.identity.Identity()
    x = (numpy.ones(2, numpy.float32),)
    hook.forward_preprocess(outer, x)
    hook.forward_preprocess(inner, x)
    time.sleep(0.002)
    hook.forward_postprocess(inner, x)
    hook.forward_postprocess(outer, x)
    history = dict(hook.call_history)
    assert history['Exp'] >= history['Identity'] >= 0.002
    assert hook.total_time() == history['Exp']


@pytest.mark.parametrize('unit', ['sec', 'ms', 'us', 'ns', 'auto',
                                  'auto_foreach'])
def test_print_report(unit):
    hook = function_hooks.TimerHook()
    with hook:
        F.exp(_x())
        F.exp(_x())
    out = io.StringIO()
    hook.print_report(unit=unit, file=out)
    assert re.match(r'\AFunctionName  ElapsedTime  Occurrence\n'
                    r' +Exp +[0-9.]+(sec|ms|us|ns) +2\n\Z', out.getvalue())


def test_name():
    assert function_hooks.TimerHook().name == 'TimerHook'

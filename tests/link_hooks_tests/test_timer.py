"""link_hooks.TimerHook: call history, nesting and report."""
import io

import numpy

import chainer_lite as chainer
import chainer_lite.links as L
from chainer_lite import link_hooks


class _Outer(chainer.Chain):

    def __init__(self):
        super(_Outer, self).__init__()
        with self.init_scope():
            self.inner = L.Linear(3, 2)

    def forward(self, x):
        return self.inner(x)


def test_history_and_total():
    model = _Outer()
    x = numpy.zeros((1, 3), numpy.float32)
    with link_hooks.TimerHook() as hook:
        model(x)
        model(x)
    names = [name for name, _ in hook.call_history]
    assert names == ['Linear', '_Outer', 'Linear', '_Outer']
    outer = sum(t for name, t in hook.call_history if name == '_Outer')
    assert abs(hook.total_time() - outer) < 1e-12
    summary = hook.summary()
    assert summary['Linear']['occurrence'] == 2
    assert list(summary) == ['Linear', '_Outer']


def test_local_registration_and_report():
    layer = L.Linear(2, 2)
    hook = link_hooks.TimerHook()
    layer.add_hook(hook)
    layer(numpy.zeros((1, 2), numpy.float32))
    out = io.StringIO()
    hook.print_report(unit='ms', file=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ['LinkName', 'ElapsedTime', 'Occurrence']
    assert lines[1].split()[0] == 'Linear'
    assert lines[1].split()[1].endswith('ms')
    assert lines[1].split()[2] == '1'

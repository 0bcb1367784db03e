import io
import re

import numpy
import pytest

import chainer_lite as chainer
import chainer_lite.functions as F
from chainer_lite import function_hooks


def test_forward_and_backward_output():
    out = io.StringIO()
    x = chainer.Variable(numpy.arange(6, dtype=numpy.float32).reshape(2, 3))
    with function_hooks.PrintHook(file=out):
        y = F.sum(x)
        y.backward()
    text = out.getvalue()
    assert text.startswith('function\tSum\ninput data\n<variable at 0x')
    assert '- shape: (2, 3)\n- dtype: float32\n' in text
    assert re.search(r'function\tSum\ninput data\n.*?output gradient\n',
                     text, re.S)
    assert '- grad: mean=1.00000000, std=0.00000000\n' in text
    assert 'input data\n(removed)\n' in text  # Sum keeps no input


def test_deprecated_sep():
    with pytest.warns(DeprecationWarning):
        function_hooks.PrintHook(sep=' ')

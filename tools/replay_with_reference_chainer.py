"""Replays REPL transcripts against a real Chainer 7.8.1 (a reference venv).

This checks that the expected outputs written in ``docs/sessions/`` are what
real Chainer prints, using the same comparison rules as
``python -m chainer_lite replay`` but without the ``chainer`` alias, so that
``import chainer`` finds the installed Chainer.

Usage (the reference venv is described in tools/README.md)::

    /path/to/refvenv/bin/python tools/replay_with_reference_chainer.py \\
        docs/sessions/*.txt
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), os.pardir))

from chainer_lite import _alias  # NOQA: E402
from chainer_lite import _replay  # NOQA: E402

# The replay installs the alias; here ``chainer`` must stay the real one.
_alias.install = lambda: None
_alias.uninstall = lambda: None
_alias.is_installed = lambda: True

if __name__ == '__main__':
    sys.exit(_replay.main(sys.argv[1:]))

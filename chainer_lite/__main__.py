"""Command line of chainer_lite: runs unchanged Chainer code with ``chainer``
resolving to chainer_lite, and replays REPL transcripts."""
import argparse
import code
import os
import runpy
import sys

import chainer_lite
from chainer_lite import _alias
from chainer_lite._version import __version__

_DESCRIPTION = """\
Runs Chainer code unchanged on chainer_lite: `import chainer` (and every
`chainer.*` module) resolves to the chainer_lite module of the same path.

  python -m chainer_lite                  interactive console
  python -m chainer_lite run SCRIPT [ARG...]
                                          run SCRIPT as `python SCRIPT ARG...`
  python -m chainer_lite -c CODE [ARG...] run CODE as `python -c CODE ARG...`
  python -m chainer_lite replay FILE...   replay REPL transcripts, report
                                          differences (exit status 1 if any)
  python -m chainer_lite info             print the runtime information
"""


def _parser():
    parser = argparse.ArgumentParser(
        prog='python -m chainer_lite', description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        '-c', metavar='CODE', dest='code',
        help='program passed in as a string (the remaining arguments go '
        'to sys.argv[1:])')
    commands = parser.add_subparsers(dest='command', metavar='COMMAND')
    run = commands.add_parser(
        'run', help='run a script with the chainer alias installed')
    run.add_argument('script', help='path of the Python script')
    run.add_argument('args', nargs=argparse.REMAINDER,
                     help='arguments passed to the script')
    replay = commands.add_parser(
        'replay', help='replay REPL transcripts and report differences')
    replay.add_argument('files', nargs='+', metavar='FILE',
                        help='transcript files (>>> statements followed by '
                        'their expected output)')
    commands.add_parser('info', help='print the runtime information')
    commands.add_parser(
        'console', help='interactive console (the default without arguments)')
    return parser


def run_script(script, args):
    """Runs ``script`` as ``__main__`` like ``python script args...``."""
    sys.argv = [script] + list(args)
    # As `python script.py` does, the script's directory is searched first.
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    _alias.install()
    runpy.run_path(script, run_name='__main__')


def run_code(source, args):
    """Runs ``source`` as ``__main__`` like ``python -c source args...``."""
    sys.argv = ['-c'] + list(args)
    sys.path[0] = ''
    _alias.install()
    namespace = {'__name__': '__main__', '__builtins__': __builtins__}
    exec(compile(source, '<string>', 'exec'), namespace)


def console():
    """Opens an interactive console in which ``import chainer`` works."""
    _alias.install()
    try:
        # Line editing and history where the platform has readline.
        import readline  # NOQA
    except ImportError:
        pass
    banner = ('Python {} on {}\nchainer_lite {} console: `import chainer` '
              'gives chainer_lite.'.format(sys.version, sys.platform,
                                           __version__))
    namespace = {'__name__': '__main__', '__doc__': None}
    code.InteractiveConsole(namespace).interact(banner=banner, exitmsg='')


def main(argv=None):
    """Entry point of ``python -m chainer_lite``; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        console()
        return 0
    if argv[0] == '-c':
        # Handled before argparse so that the arguments after CODE are
        # passed through untouched, as with `python -c`.
        if len(argv) < 2:
            _parser().error('argument -c: expected one argument')
        run_code(argv[1], argv[2:])
        return 0
    options = _parser().parse_args(argv)
    if options.command == 'run':
        run_script(options.script, options.args)
    elif options.command == 'replay':
        from chainer_lite import _replay
        return _replay.main(options.files)
    elif options.command == 'info':
        chainer_lite.print_runtime_info()
    elif options.command == 'console':
        console()
    return 0


if __name__ == '__main__':
    sys.exit(main())

"""Terminal progress bars shared by ProgressBar and the Evaluator."""
import collections
import os
import sys
import time

if os.name == 'nt':
    import ctypes

    _STD_OUTPUT_HANDLE = -11

    class _COORD(ctypes.Structure):
        _fields_ = [('X', ctypes.c_short), ('Y', ctypes.c_short)]

    class _SMALL_RECT(ctypes.Structure):
        _fields_ = [('Left', ctypes.c_short), ('Top', ctypes.c_short),
                    ('Right', ctypes.c_short), ('Bottom', ctypes.c_short)]

    class _CONSOLE_SCREEN_BUFFER_INFO(ctypes.Structure):
        _fields_ = [('dwSize', _COORD), ('dwCursorPosition', _COORD),
                    ('wAttributes', ctypes.c_ushort),
                    ('srWindow', _SMALL_RECT),
                    ('dwMaximumWindowSize', _COORD)]

    def _console_info():
        handle = ctypes.windll.kernel32.GetStdHandle(_STD_OUTPUT_HANDLE)
        info = _CONSOLE_SCREEN_BUFFER_INFO()
        ctypes.windll.kernel32.GetConsoleScreenBufferInfo(
            handle, ctypes.byref(info))
        return handle, info

    def set_console_cursor_position(x, y):
        """Moves the console cursor by ``(x, y)`` (Windows consoles)."""
        handle, info = _console_info()
        position = info.dwCursorPosition
        ctypes.windll.kernel32.SetConsoleCursorPosition(
            handle, _COORD(position.X + x, position.Y + y))

    def erase_console(x, y, mode=0):
        """Erases the console (Windows consoles).

        ``mode`` 0 erases from the cursor to the end of the screen, 1 the
        current line up to the cursor, 2 the whole screen.
        """
        handle, info = _console_info()
        position = info.dwCursorPosition
        written = ctypes.c_ulong()
        fill = ctypes.windll.kernel32.FillConsoleOutputCharacterA
        if mode == 0:
            count = (info.srWindow.Right
                     * (info.srWindow.Bottom - position.Y) - position.X)
            fill(handle, ord(' '), count, position, ctypes.byref(written))
        elif mode == 1:
            fill(handle, ord(' '), position.X, _COORD(0, position.Y),
                 ctypes.byref(written))
        elif mode == 2:
            os.system('cls')


class ProgressBar(object):
    """Base of the redrawn multi-line progress displays.

    Each :meth:`update` erases the previous drawing, writes
    :meth:`get_lines` and moves the cursor back up, so the display stays in
    place. Subclasses implement :meth:`get_lines`.

    Args:
        bar_length (int): Width of the bar in characters (50 by default).
        out: Stream to write to (``sys.stdout`` by default).
    """

    def __init__(self, bar_length=None, out=None):
        self._bar_length = 50 if bar_length is None else bar_length
        self._out = sys.stdout if out is None else out
        self._recent_timing = collections.deque([], maxlen=100)

    def update_speed(self, iteration, epoch_detail):
        """Records progress now; returns (iterations/s, epochs/s) over the
        last 100 records."""
        now = time.time()
        self._recent_timing.append((iteration, epoch_detail, now))
        old_iteration, old_epoch_detail, old_time = self._recent_timing[0]
        span = now - old_time
        if span == 0:
            return float('inf'), float('inf')
        return ((iteration - old_iteration) / span,
                (epoch_detail - old_epoch_detail) / span)

    def get_lines(self):
        """Returns the lines (each ending with a newline) to draw."""
        raise NotImplementedError

    def update(self):
        """Redraws the display."""
        self.erase_console()
        lines = self.get_lines()
        for line in lines:
            self._out.write(line)
        self.move_cursor_up(len(lines))
        self.flush()

    def close(self):
        """Erases the display."""
        self.erase_console()
        self.flush()

    def erase_console(self):
        if os.name == 'nt':
            erase_console(0, 0)
        else:
            self._out.write('\033[J')

    def move_cursor_up(self, n):
        if os.name == 'nt':
            set_console_cursor_position(0, -n)
        else:
            self._out.write('\033[{:d}A'.format(n))

    def flush(self):
        if hasattr(self._out, 'flush'):
            self._out.flush()

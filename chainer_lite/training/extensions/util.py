"""Terminal progress bars shared by ProgressBar and the Evaluator."""
import collections
import os
import sys
import time

if os.name == 'nt':
    import ctypes

    _STD_OUTPUT_HANDLE = -11

    # The Win32 console structures used below, field by field.
    def _shorts(*names):
        return [(name, ctypes.c_short) for name in names]

    class _COORD(ctypes.Structure):
        _fields_ = _shorts('X', 'Y')

    class _SMALL_RECT(ctypes.Structure):
        _fields_ = _shorts('Left', 'Top', 'Right', 'Bottom')

    class _CONSOLE_SCREEN_BUFFER_INFO(ctypes.Structure):
        _fields_ = [
            ('dwSize', _COORD),
            ('dwCursorPosition', _COORD),
            ('wAttributes', ctypes.c_ushort),
            ('srWindow', _SMALL_RECT),
            ('dwMaximumWindowSize', _COORD),
        ]

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


# Number of updates over which the speed is averaged.
_SPEED_WINDOW = 100


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
        if bar_length is None:
            bar_length = 50
        self._bar_length = bar_length
        self._out = sys.stdout if out is None else out
        # (time, iteration, epoch_detail) of the latest updates.
        self._history = collections.deque(maxlen=_SPEED_WINDOW)

    def update_speed(self, iteration, epoch_detail):
        """Records progress now; returns (iterations/s, epochs/s) over the
        last 100 records."""
        now = time.time()
        self._history.append((now, iteration, epoch_detail))
        then, first_iteration, first_epoch_detail = self._history[0]
        elapsed = now - then
        if elapsed == 0:
            return float('inf'), float('inf')
        return ((iteration - first_iteration) / elapsed,
                (epoch_detail - first_epoch_detail) / elapsed)

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

"""Helpers shared by the profiling hooks."""


def print_table(rows, file):
    """Writes rows of strings as right-aligned columns two spaces apart."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    template = '  '.join('{:>%d}' % w for w in widths)
    for row in rows:
        file.write(template.format(*row))
        file.write('\n')
    if hasattr(file, 'flush'):
        file.flush()

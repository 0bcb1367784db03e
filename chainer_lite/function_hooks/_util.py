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


def pick_unit(value, scales):
    """Returns the display unit of a positive quantity.

    Args:
        value (float): The quantity in the base unit.
        scales (sequence): ``(scale, unit)`` pairs, largest unit first;
            ``value * scale`` is the quantity in ``unit``.

    Returns:
        tuple: The first pair in which the quantity is at least 1, or the
        last pair.
    """
    for scale, unit in scales:
        if value * scale >= 1:
            return scale, unit
    return scales[-1]


def summarize(history, fields):
    """Totals a call history per function name.

    Args:
        history (list): Tuples ``(name, value1, value2, ...)``; values past
            the number of ``fields`` are ignored.
        fields (tuple of str): Names of the values to add up.

    Returns:
        dict: ``{name: {field: total, ..., 'occurrence': calls}}`` in order
        of first call.
    """
    totals = {}
    for name, *values in history:
        if name not in totals:
            totals[name] = dict.fromkeys(fields + ('occurrence',), 0)
        record = totals[name]
        for field, value in zip(fields, values):
            record[field] += value
        record['occurrence'] += 1
    return totals

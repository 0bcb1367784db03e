"""Class decorators that generate one test class per parameter combination."""
import functools
import itertools
import types
import unittest

import numpy

from chainer_lite.testing import _bundle


_PARAM_MAXLEN = 100  # longest text shown for one parameter value
_PARAMS_MAXLEN = 5000  # longest text shown for all parameters of a class


def _param_to_str(value):
    name = getattr(value, '__name__', None)
    if isinstance(name, str):  # classes, functions, modules, dtypes
        return name
    return repr(value)


def _shorten(text, maxlen):
    # Keeps both ends of a long text and puts '...' in the middle.
    if len(text) <= maxlen:
        return text
    head = (maxlen - 3) // 2
    tail = maxlen - 3 - head
    return text[:head] + '...' + text[len(text) - tail:]


def _make_class_name(base_name, index, param):
    items = ', '.join(
        '{}={}'.format(key, _shorten(_param_to_str(value), _PARAM_MAXLEN))
        for key, value in sorted(param.items()))
    return '{}_param_{}_{{{}}}'.format(
        base_name, index, _shorten(items, _PARAMS_MAXLEN))


def _as_member(value):
    # A plain function stored on a class would become a method and receive
    # ``self``; wrap it so ``self.f(x)`` calls ``f(x)``.
    if isinstance(value, types.FunctionType):
        def call(self, *args, **kwargs):
            return value(*args, **kwargs)
        return call
    return value


def _reraise_with_params(error, base, method, param):
    lines = ['Parameterized test failed.', '',
             'Base test method: {}.{}'.format(base.__name__, method.__name__),
             'Test parameters:']
    lines += ['  {}: {}'.format(k, v) for k, v in sorted(param.items())]
    message = '{}\n\n(caused by)\n{}: {}\n'.format(
        '\n'.join(lines) + '\n', type(error).__name__, error)
    error_class = type(error)
    if error_class.__name__ == 'OutOfMemoryError':
        error_class = MemoryError
    try:
        new_error = error_class(message)
    except Exception:
        new_error = None
    if new_error is None:
        # The class cannot be built from a message alone (e.g. InvalidType):
        # keep the original exception and attach the parameters to it.
        error.add_note(message)
        raise error
    raise new_error.with_traceback(error.__traceback__) from None


def _parameterized_cases(base, params):
    for index, param in enumerate(params):
        name = _make_class_name(base.__name__, index, param)

        def method_generator(method, param=param):
            @functools.wraps(method)
            def test(self, *args, **kwargs):
                try:
                    return method(self, *args, **kwargs)
                except unittest.SkipTest:
                    raise
                except Exception as e:
                    _reraise_with_params(e, base, method, param)
            return test

        def __str__(self, param=param):
            return '%s  parameter: %s' % (base.__str__(self), param)

        members = {k: _as_member(v) for k, v in param.items()}
        members['__str__'] = __str__
        yield name, members, method_generator


def parameterize(*params):
    """Class decorator generating one test class per parameter dict.

    Each generated class is a subclass of the decorated one with the entries
    of one dict set as class attributes, and is named
    ``<Base>_param_<index>_{<key>=<value>, ...}``. A failing test reports
    its parameters. Decorators can be stacked to form all combinations.

    Args:
        params (dicts): One dict of attribute values per generated class.

    Returns:
        callable: The class decorator.

    Example:

        >>> import unittest
        >>> from chainer_lite import testing
        >>> @testing.parameterize({'n': 1}, {'n': 2})
        ... class TestSquare(unittest.TestCase):
        ...     def test_square(self):
        ...         assert self.n ** 2 == self.n * self.n
    """
    return _bundle.make_decorator(
        lambda base: _parameterized_cases(base, params))


def _values_to_dicts(names, values):
    assert isinstance(names, str)
    assert isinstance(values, (tuple, list))
    keys = names.split(',')
    dicts = []
    for value in values:
        if len(keys) == 1:
            dicts.append({keys[0]: value})
        else:
            assert isinstance(value, (tuple, list))
            assert len(value) == len(keys)
            dicts.append(dict(zip(keys, value)))
    return dicts


def from_pytest_parameterize(names, values):
    """Converts pytest-style ``('a,b', [(1, 2), ...])`` to a list of dicts."""
    return _values_to_dicts(names, values)


def parameterize_pytest(names, values):
    """:func:`parameterize` with pytest-style ``names`` and ``values``."""
    dicts = from_pytest_parameterize(names, values)
    return parameterize(*dicts)


def product(parameter):
    """Returns all combinations of parameter values as a list of dicts.

    Args:
        parameter (dict or list): Either a dict mapping names (or
            comma-separated names) to lists of values, or a list of lists of
            dicts, each inner list being one factor of the product.

    Returns:
        list of dicts.

    Example:

        >>> from chainer_lite import testing
        >>> testing.product({'a': [1, 2], 'b': [3]})
        [{'a': 1, 'b': 3}, {'a': 2, 'b': 3}]
    """
    if isinstance(parameter, dict):
        return product_dict(*[
            _values_to_dicts(names, values)
            for names, values in sorted(parameter.items())])
    if isinstance(parameter, list):
        if not all(isinstance(factor, list) for factor in parameter):
            raise TypeError('parameter must be list of lists of dicts')
        if not all(isinstance(d, dict) for f in parameter for d in f):
            raise TypeError('parameter must be list of lists of dicts')
        return product_dict(*parameter)
    raise TypeError(
        'parameter must be either dict or list. Actual: {}'.format(
            type(parameter)))


def product_dict(*parameters):
    """Merges one dict from each list, for every combination.

    Args:
        parameters (lists of dicts): The factors of the product.

    Returns:
        list of dicts.
    """
    return [
        {k: v for d in combination for k, v in d.items()}
        for combination in itertools.product(*parameters)]


# The unpatched product_dict; a test run may swap in the pairwise variant.
_product_dict_orig = product_dict


def _pairwise_product_dict(*parameters):
    """Like :func:`product_dict` but only covers every pair of factors.

    Used to shrink large test matrices: each value of each factor appears
    together with each value of every other factor in at least one
    combination.
    """
    if len(parameters) <= 2:
        return _product_dict_orig(*parameters)
    factors = [list(p) for p in parameters]
    chosen = _covering_indices([len(f) for f in factors])
    return [
        {k: v for i, f in zip(indices, factors) for k, v in f[i].items()}
        for indices in chosen]


def _covering_indices(sizes):
    # Visits all index tuples in a fixed pseudo-random order and keeps those
    # that cover a not yet covered pair (i, j, value_i, value_j).
    all_indices = list(itertools.product(*[range(n) for n in sizes]))
    numpy.random.RandomState(0).shuffle(all_indices)
    pairs = list(itertools.combinations(range(len(sizes)), 2))
    covered = set()
    chosen = []
    for indices in all_indices:
        new = {(i, j, indices[i], indices[j]) for i, j in pairs} - covered
        if new:
            covered |= new
            chosen.append(indices)
    return sorted(chosen)

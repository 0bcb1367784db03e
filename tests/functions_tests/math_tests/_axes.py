"""Hypothesis strategies of axis arguments, shared by the reduction tests."""
import hypothesis.strategies as st


def axes(ndim):
    """None, one axis (possibly negative) or a tuple of distinct axes."""
    if ndim == 0:
        return st.none()
    return st.one_of(
        st.none(), st.integers(-ndim, ndim - 1),
        st.lists(st.integers(0, ndim - 1), unique=True, min_size=1,
                 max_size=ndim).map(tuple))


def axis_or_none(ndim):
    """None or one axis (possibly negative)."""
    if ndim == 0:
        return st.none()
    return st.one_of(st.none(), st.integers(-ndim, ndim - 1))

"""Helpers shared by the recurrent links."""
from chainer_lite import backend
from chainer_lite.functions.array import reshape
from chainer_lite.functions.array import split_axis
from chainer_lite import variable


def _split_gates(lstm_in, state_size):
    # The 4 * state_size pre-activations interleave the gates per unit
    # (a, i, f, o for unit 0, then unit 1, ...); returns the four
    # (batch, state_size) gate inputs a, i, f, o.
    batch = len(lstm_in)
    lstm_in = reshape.reshape(lstm_in, (batch, lstm_in.shape[1] // 4, 4))
    return [reshape.reshape(gate, (batch, state_size))
            for gate in split_axis.split_axis(lstm_in, 4, 2)]


def _zero_state(link, batch, size, dtype):
    # An all-zero (batch, size) state variable on the link's device.
    with backend.using_device(link.device):
        zeros = link.xp.zeros((batch, size), dtype=dtype)
    return variable.Variable(zeros)


def _visit_states(visitor, *states):
    # device_resident_accept of a stateful link: its states move too.
    for state in states:
        if state is not None:
            visitor.visit_variable(state)


def _moved_states(link, *states):
    # set_state: the given variables, checked and moved to the link's
    # device in place.
    for state in states:
        assert isinstance(state, variable.Variable)
    for state in states:
        state.to_device(link.device)
    return states


class _HiddenStateMixin(object):
    # State handling of the stateful links whose only state is ``h``
    # (StatefulGRU, StatefulMGU); put before the Chain base class.

    def device_resident_accept(self, visitor):
        super(_HiddenStateMixin, self).device_resident_accept(visitor)
        _visit_states(visitor, self.h)

    def set_state(self, h):
        """Sets the state (moved to the link's device).

        Args:
            h (~chainer.Variable): The new state.
        """
        self.h, = _moved_states(self, h)

    def reset_state(self):
        """Forgets the state."""
        self.h = None

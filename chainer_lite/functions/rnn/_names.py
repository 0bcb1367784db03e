"""The public names of this category, gathered into ``chainer.functions``."""
from chainer_lite.functions.rnn.lstm import lstm  # NOQA
from chainer_lite.functions.rnn.n_step_gru import n_step_bigru  # NOQA
from chainer_lite.functions.rnn.n_step_gru import n_step_gru  # NOQA
from chainer_lite.functions.rnn.n_step_lstm import n_step_bilstm  # NOQA
from chainer_lite.functions.rnn.n_step_lstm import n_step_lstm  # NOQA
from chainer_lite.functions.rnn.n_step_rnn import n_step_birnn  # NOQA
from chainer_lite.functions.rnn.n_step_rnn import n_step_rnn  # NOQA
from chainer_lite.functions.rnn.slstm import slstm  # NOQA
from chainer_lite.functions.rnn.tree_lstm import tree_lstm  # NOQA

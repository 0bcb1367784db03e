"""Recurrent neural network units and multi-layer RNN functions."""

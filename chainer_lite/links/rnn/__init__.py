"""Recurrent links (LSTM, ...)."""

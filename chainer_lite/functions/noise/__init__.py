"""Stochastic functions used as noise or regularization (dropout, ...)."""

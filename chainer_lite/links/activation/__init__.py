"""Activation links with parameters (PReLU, Maxout, ...)."""

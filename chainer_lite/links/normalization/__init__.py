"""Normalization links (batch normalization, ...)."""

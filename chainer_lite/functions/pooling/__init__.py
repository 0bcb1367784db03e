"""Pooling functions: max, average, unpooling and region-of-interest."""

"""Helpers shared by the test modules (``from helpers import gradients``)."""

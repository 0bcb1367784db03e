"""Evaluation metrics (accuracy, precision/recall, R^2); not differentiable."""

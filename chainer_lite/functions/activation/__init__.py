"""Activation functions (ReLU family, sigmoid, tanh, softmax, ...)."""

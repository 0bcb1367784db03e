"""Links wrapping connection functions (linear, convolution, embedding...)."""

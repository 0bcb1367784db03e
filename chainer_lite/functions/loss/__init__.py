"""Loss functions (cross entropies, squared errors, margins, ...)."""

"""Loss links with parameters (negative sampling, CRF, ...)."""

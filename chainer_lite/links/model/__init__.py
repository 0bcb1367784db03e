"""Model links that wrap other links (Classifier, ...)."""

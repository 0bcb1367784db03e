"""Exporters of models to other frameworks' formats."""

"""Runs every training test in its own temporary working directory.

A Trainer creates its output directory (``result`` by default) relative to
the working directory when it runs.
"""
import pytest


@pytest.fixture(autouse=True)
def _in_tmp_dir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

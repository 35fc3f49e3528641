"""Session fixtures (helpers shared by the tests live in ``tests/helpers.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    assert SHARED.is_dir(), f"the shared materials are expected beside the project, at {SHARED}"
    return SHARED

"""gkparse's pytest plugin (registered under ``pytest11``): fixtures for plugin authors.

* ``gkparse_host(*plugins)`` — a plugin host with exactly the given plugins (no entry points);
* ``gkparse_parse(source, *plugins, **options)`` — parse a document with exactly those plugins;
* ``gkparse_golden(actual, expected)`` — :func:`gkparse.testing.assert_golden`: fails with a
  readable diff.

See ``docs/testing-plugins.md``.
"""

from __future__ import annotations

import pytest

from . import testing


@pytest.fixture
def gkparse_host():
    """Build a plugin host with exactly the plugins given: ``gkparse_host(my_plugin)``."""
    return testing.make_host


@pytest.fixture
def gkparse_parse():
    """Parse with exactly the plugins given: ``gkparse_parse(Path("r.txt"), my_plugin)``."""
    return testing.parse_with


@pytest.fixture
def gkparse_golden():
    """Compare a parse with an expected flat mapping (or a gold file loaded with
    ``gkparse.testing.load_gold``); fails with a readable diff."""
    return testing.assert_golden

"""Report → JSON → Report loses nothing; loading refuses unknown keys."""

from __future__ import annotations

import json

import pytest

import gkparse
from helpers import SHARED
from gkparse.errors import GkparseError
from gkparse.serialize import report_from_dict, report_from_json, report_to_dict, report_to_json

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


def _parse_or_none(path):
    try:
        return gkparse.parse(path)
    except GkparseError:
        return None


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_round_trip_every_seed(path):
    report = _parse_or_none(path)
    if report is None:
        pytest.fail(f"{path.name} does not parse yet")
    text = report_to_json(report)
    back = report_from_json(text)
    assert back == report
    assert report_to_json(back) == text
    assert gkparse.flatten(back) == gkparse.flatten(report)


def test_money_is_a_string_and_tables_are_tagged():
    report = gkparse.parse(SHARED / "seeds" / "004_d76d4b4009bfe151.txt")
    data = report_to_dict(report)
    assert data["active"]["_type"] == "Active2019"
    assert data["applications"]["_type"] == "Applications2019"
    assert data["active"]["procurement"]["amount_wan"]["value"] == "48.7508"
    assert data["meta"]["published_on"] == "2020-07-03"
    json.dumps(data)  # plain JSON data


def test_unknown_keys_are_refused():
    report = gkparse.parse(SHARED / "seeds" / "001_14adff9be6592cdd.txt")
    data = report_to_dict(report)
    data["meta"]["titel"] = "typo"
    with pytest.raises(Exception) as info:
        report_from_dict(data)
    assert "titel" in repr(info.value) or "extra" in repr(info.value).lower()

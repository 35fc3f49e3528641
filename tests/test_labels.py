"""Label matching after normalization (templates.md §6.1)."""

import pytest

from gkparse.labels import edit_distance, label_key, label_matches, split_numbering


@pytest.mark.parametrize(
    "text, expected",
    [
        ("(三)不予公开", ("三", "不予公开")),
        ("三、本年度办理结果", ("三", "本年度办理结果")),
        ("3.危及“三安全一稳定”", ("3", "危及“三安全一稳定”")),
        ("1. 属于国家秘密", ("1", "属于国家秘密")),
        ("三安全一稳定", (None, "三安全一稳定")),
        ("2019年", (None, "2019年")),
        ("12.5", (None, "12.5")),
    ],
)
def test_split_numbering(text, expected):
    assert split_numbering(text) == expected


def test_label_key_drops_numbering_punctuation_spaces_and_qizhong():
    assert label_key("(二)部分公开(区分处理的,只计这一情形,不计其他情形)") == "部分公开区分处理的只计这一情形不计其他情形"
    assert label_key("规  章") == "规章"
    assert label_key("其中:主动公开规范性文件数") == "主动公开规范性文件数"
    assert label_key("本年增/减") == "本年增减"


@pytest.mark.parametrize(
    "printed, wanted, ok",
    [
        ("本年制发件数", "本年制发件数", True),
        ("部分公开(区分处理的,只计这一情形)", "部分公开", True),  # a note after the label
        ("本年发件", "本年制发件数", True),  # characters lost in the crawl
        ("现行有效件", "现行有效件数", True),
        ("收到申请", "收到申请数", True),  # last character lost
        ("其他", "其他处理", False),  # too short to be a damaged label
        ("行政许可", "行政处罚", False),  # short labels are never fuzzy
        ("结果纠正", "结果维持", False),
        ("行政规范性文件", "规范性文件", False),  # not a prefix: an alias must say so
    ],
)
def test_label_matches(printed, wanted, ok):
    assert label_matches(label_key(printed), label_key(wanted)) is ok


def test_edit_distance_stops_at_limit():
    assert edit_distance("abcdef", "abcdef") == 0
    assert edit_distance("abcdef", "abXdef") == 1
    assert edit_distance("abcdef", "uvwxyz", limit=2) == 3

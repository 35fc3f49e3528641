"""Tests of gkparse.decode: the charset decision order, mislabelled pages, damage reporting, binary sniffing."""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gkparse.decode as decode_mod
from gkparse.decode import Decoded, decode_bytes, looks_binary, normalize_label
from gkparse.errors import GkparseError, InputError

# --------------------------------------------------------------------------- realistic report text

TITLE = "某某市人民政府2019年政府信息公开工作年度报告"
BODY = (
    "本报告根据《中华人民共和国政府信息公开条例》要求编制。"
    "本报告中所列数据的统计期限自2019年1月1日至2019年12月31日。"
    "一、总体情况。2019年，我市深入推进政务公开，全年主动公开规范性文件38件，"
    "收到政府信息公开申请156件，办结151件。因政府信息公开工作被申请行政复议3件，"
    "被提起行政诉讼2件。二、主动公开政府信息情况。"
)
# Characters GBK lacks: CJK ext-B (𠀀 U+20000, 𡘙 U+21619), ext-A (㐀 U+3400), 䶮 (U+4DAE), the euro sign.
RARE = "申请人姓名中含生僻字“𠀀”“𡘙”“㐀”和“䶮”，收费0.5€。"
TRAD_TITLE = "某某縣政府資訊公開工作年度報告"
TRAD = (
    "政府資訊公開工作年度報告。本報告所列資料的統計期限自2019年1月1日起至2019年12月31日止。"
    "本年度共受理政府資訊公開申請156件，行政復議3件，行政訴訟2件，規範性文件38件。"
)


def page(text: str, meta: str | None = None, *, http_equiv: bool = False, title: str = TITLE) -> str:
    """An HTML page around *text*, optionally declaring *meta* as its charset."""
    if meta is None:
        head = ""
    elif http_equiv:
        head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">'
    else:
        head = f'<meta charset="{meta}">'
    return f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><p>{text}</p></body></html>"


def codes(result: Decoded) -> list[str]:
    return [d.code for d in result.diagnostics]


def check(result: Decoded, text: str, encoding: str, source: str) -> None:
    assert result.text == text
    assert result.encoding == encoding
    assert result.source == source


# --------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    "label, codec",
    [
        ("gb2312", "gb18030"), ("GBK", "gb18030"), ("x-gbk", "gb18030"), ("GB_2312-80", "gb18030"),
        ("gb18030", "gb18030"), ("chinese", "gb18030"), ("csGB2312", "gb18030"), ("iso-ir-58", "gb18030"),
        ("cp936", "gb18030"), ("ms936", "gb18030"), ("windows-936", "gb18030"), ("EUC-CN", "gb18030"),
        ("big5", "big5hkscs"), ("Big5-HKSCS", "big5hkscs"), ("cn-big5", "big5hkscs"), ("csbig5", "big5hkscs"),
        ("x-x-big5", "big5hkscs"), ("utf8", "utf-8"), ("UTF-8", "utf-8"), ("unicode-1-1-utf-8", "utf-8"),
        ("iso-8859-1", "cp1252"), ("latin1", "cp1252"), ("ascii", "cp1252"), ("US-ASCII", "cp1252"),
        ("windows-1252", "cp1252"), ("utf-16", "utf-16-le"), ("utf-16le", "utf-16-le"),
        ("UTF-16BE", "utf-16-be"), ("  'GB2312' ", "gb18030"), ('"utf-8"', "utf-8"), ("\tBig5\n", "big5hkscs"),
    ],
)
def test_normalize_label(label, codec):
    assert normalize_label(label) == codec


@pytest.mark.parametrize("label", ["", "klingon", "x-user-defined-gb", "hz-gb-2312", "rot13", "gb 2312"])
def test_normalize_label_unknown(label):
    assert normalize_label(label) is None


# --------------------------------------------------------------------------- UTF-8


def test_utf8_undeclared():
    html = page(BODY)
    check(decode_bytes(html.encode("utf-8")), html, "utf-8", "chardet")
    assert decode_bytes(html.encode("utf-8")).diagnostics == ()


@pytest.mark.parametrize("http_equiv", [False, True])
def test_utf8_declared_in_meta(http_equiv):
    html = page(BODY, "utf-8", http_equiv=http_equiv)
    result = decode_bytes(html.encode("utf-8"))
    check(result, html, "utf-8", "meta")
    assert result.diagnostics == ()


def test_utf8_declared_by_http():
    html = page(BODY)
    check(decode_bytes(html.encode("utf-8"), http_charset="UTF-8"), html, "utf-8", "http")


def test_utf8_bom_is_stripped():
    html = page(BODY, "utf-8")
    result = decode_bytes(codecs.BOM_UTF8 + html.encode("utf-8"))
    check(result, html, "utf-8", "bom")
    assert not result.text.startswith("\ufeff")


def test_utf8_page_declaring_gb2312_in_meta():
    # Runs of an even number of hanzi: the UTF-8 bytes then also decode strictly as GB18030 (the trap).
    html = page("<p>行政复议</p><p>本年收到申请</p><p>主动公开文件</p><p>规范性文件二</p>", "gb2312",
                title="政府信息公开年度报告")
    data = html.encode("utf-8")
    assert data.decode("gb18030").startswith('<!DOCTYPE html><html><head><meta charset="gb2312"><title>鏀垮簻')
    result = decode_bytes(data, name="report.html")
    check(result, html, "utf-8", "chardet")
    [diag] = result.diagnostics
    assert diag.code == "encoding_mismatch" and diag.severity == "info"
    assert "report.html" in diag.message and "'gb2312'" in diag.message and "utf-8" in diag.message
    assert diag.where == "<meta> charset"


def test_utf8_page_declaring_gb2312_in_meta_long():
    html = page(BODY, "gb2312")
    result = decode_bytes(html.encode("utf-8"))
    check(result, html, "utf-8", "chardet")
    assert codes(result) == ["encoding_mismatch"]


def test_utf8_page_declaring_gbk_over_http():
    html = page(BODY)
    result = decode_bytes(html.encode("utf-8"), http_charset="gbk")
    check(result, html, "utf-8", "chardet")
    assert codes(result) == ["encoding_mismatch"]
    assert result.diagnostics[0].where == "HTTP Content-Type charset"


def test_utf8_page_declaring_big5():
    html = page(TRAD, "big5")
    check(decode_bytes(html.encode("utf-8")), html, "utf-8", "chardet")


# --------------------------------------------------------------------------- GBK / GB18030


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb18030"])
@pytest.mark.parametrize("http_equiv", [False, True])
def test_gbk_declared_in_meta(label, http_equiv):
    html = page(BODY, label, http_equiv=http_equiv)
    result = decode_bytes(html.encode("gbk"))
    check(result, html, "gb18030", "meta")
    assert result.diagnostics == ()


def test_gbk_declared_by_http():
    html = page(BODY)
    check(decode_bytes(html.encode("gbk"), http_charset="gbk"), html, "gb18030", "http")


def test_gbk_undeclared():
    html = page(BODY)
    check(decode_bytes(html.encode("gbk")), html, "gb18030", "chardet")


def test_gbk_plain_text_undeclared():
    check(decode_bytes(BODY.encode("gbk")), BODY, "gb18030", "chardet")


@pytest.mark.parametrize("label", ["gb2312", "gbk", "gb18030"])
def test_gb18030_outside_gbk_declared(label):
    # A GBK label still decodes as GB18030, so characters outside GBK survive.
    html = page(BODY + RARE, label)
    data = html.encode("gb18030")
    with pytest.raises(UnicodeDecodeError):
        data.decode("gbk")
    result = decode_bytes(data)
    check(result, html, "gb18030", "meta")
    assert "𠀀" in result.text and "𡘙" in result.text and "€" in result.text


def test_gb18030_outside_gbk_by_http():
    html = page(BODY + RARE)
    check(decode_bytes(html.encode("gb18030"), http_charset="GB2312"), html, "gb18030", "http")


def test_gb18030_outside_gbk_undeclared():
    html = page(BODY + RARE)
    check(decode_bytes(html.encode("gb18030")), html, "gb18030", "chardet")


def test_gb18030_rare_characters_only():
    # Nothing but four-byte sequences and characters GBK lacks; an unrestricted chardet calls this cp720.
    result = decode_bytes("𠀀𡘙€㐀".encode("gb18030"))
    check(result, "𠀀𡘙€㐀", "gb18030", "chardet")
    assert result.diagnostics == ()


def test_gb_without_a_chardet_answer_falls_back_losslessly(monkeypatch):
    monkeypatch.setattr(decode_mod.chardet, "detect", lambda data, **kw: {"encoding": None, "confidence": 0.0})
    result = decode_bytes(page(BODY + RARE).encode("gb18030"))
    check(result, page(BODY + RARE), "gb18030", "fallback")
    assert result.diagnostics == ()


def test_gb18030_page_declaring_utf8():
    html = page(BODY + RARE, "utf-8")
    result = decode_bytes(html.encode("gb18030"), name="gb.html")
    check(result, html, "gb18030", "chardet")
    [diag] = result.diagnostics
    assert diag.code == "encoding_mismatch" and diag.severity == "info"
    assert "gb.html" in diag.message and "'utf-8'" in diag.message and "gb18030" in diag.message


def test_gbk_page_declaring_utf8_over_http_and_meta():
    html = page(BODY, "utf-8")
    result = decode_bytes(html.encode("gbk"), http_charset="utf-8")
    check(result, html, "gb18030", "chardet")
    assert [d.where for d in result.diagnostics] == ["HTTP Content-Type charset", "<meta> charset"]


def test_cp936_euro_byte_0x80():
    # Windows GBK (cp936) writes the euro sign as a single 0x80, which browsers decode as U+20AC.
    data = "收费标准：".encode("gbk") + b"\x80" + "5元。".encode("gbk")
    check(decode_bytes(data, http_charset="gbk"), "收费标准：€5元。", "gb18030", "http")


def test_ascii_declared_gb2312_stays_declared():
    html = page("Annual report 2019", "gb2312", title="report")
    check(decode_bytes(html.encode("ascii")), html, "gb18030", "meta")


# --------------------------------------------------------------------------- Big5


@pytest.mark.parametrize("label", ["big5", "Big5-HKSCS", "x-x-big5"])
def test_big5_declared_in_meta(label):
    html = page(TRAD, label, title=TRAD_TITLE)
    result = decode_bytes(html.encode("big5"))
    check(result, html, "big5hkscs", "meta")
    assert result.diagnostics == ()


def test_big5_declared_by_http():
    html = page(TRAD, title=TRAD_TITLE)
    check(decode_bytes(html.encode("big5"), http_charset="big5"), html, "big5hkscs", "http")


def test_big5_undeclared():
    html = page(TRAD, title=TRAD_TITLE)
    data = html.encode("big5")
    assert data.decode("gb18030") != html  # Big5 also decodes strictly as GB18030: chardet must decide
    check(decode_bytes(data), html, "big5hkscs", "chardet")


def test_big5_page_declaring_utf8():
    html = page(TRAD, "utf-8", title=TRAD_TITLE)
    result = decode_bytes(html.encode("big5"))
    check(result, html, "big5hkscs", "chardet")
    assert codes(result) == ["encoding_mismatch"]


# --------------------------------------------------------------------------- BOMs and UTF-16


@pytest.mark.parametrize(
    "bom, codec",
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_utf16_utf32_bom(bom, codec):
    html = page(BODY + RARE)
    result = decode_bytes(bom + html.encode(codec))
    check(result, html, codec, "bom")
    assert result.diagnostics == ()


def test_bom_beats_declarations():
    html = page(BODY, "gb2312")
    result = decode_bytes(codecs.BOM_UTF8 + html.encode("utf-8"), http_charset="big5")
    check(result, html, "utf-8", "bom")
    assert [d.code for d in result.diagnostics] == ["encoding_mismatch", "encoding_mismatch"]


def test_utf16_bom_with_gb_http_charset():
    html = page(BODY)
    result = decode_bytes(codecs.BOM_UTF16_BE + html.encode("utf-16-be"), http_charset="gbk")
    check(result, html, "utf-16-be", "bom")
    assert codes(result) == ["encoding_mismatch"]


def test_utf16_declared_matches_bom_of_either_order():
    html = page(BODY)
    result = decode_bytes(codecs.BOM_UTF16_BE + html.encode("utf-16-be"), http_charset="utf-16")
    check(result, html, "utf-16-be", "bom")
    assert result.diagnostics == ()


def test_utf16_without_bom_is_detected():
    html = page(BODY)
    check(decode_bytes(html.encode("utf-16-le")), html, "utf-16-le", "chardet")


def test_broken_bom_falls_through():
    # A UTF-8 BOM in front of GBK bytes: the BOM is not borne out, so it is dropped and the rest decided.
    html = page(BODY, "gbk")
    check(decode_bytes(codecs.BOM_UTF8 + html.encode("gbk")), html, "gb18030", "meta")
    check(decode_bytes(codecs.BOM_UTF8 + page(BODY).encode("gbk")), page(BODY), "gb18030", "chardet")


# --------------------------------------------------------------------------- the meta prescan


@pytest.mark.parametrize(
    "head",
    [
        "<META CHARSET=GBK>",
        "<meta charset='gb2312' />",
        "<meta charset = gbk>",
        '<meta http-equiv="Content-Type" content="text/html;charset=GB2312">',
        "<META HTTP-EQUIV='content-type' CONTENT='text/html; charset = \"gbk\"'>",
        '<meta content="text/html; charset=gb2312" http-equiv="Content-Type"/>',
    ],
)
def test_meta_prescan_variants(head):
    html = f"<html><head>{head}<title>{TITLE}</title></head><body>{BODY}</body></html>"
    check(decode_bytes(html.encode("gbk")), html, "gb18030", "meta")


def test_meta_within_2048_bytes_after_padding():
    html = "<html><head>" + "<!-- padding -->" * 120 + '<meta charset="gbk"></head><body>' + BODY
    check(decode_bytes(html.encode("gbk")), html, "gb18030", "meta")


def test_meta_beyond_2048_bytes_is_ignored():
    html = "<html><head>" + "<!-- padding -->" * 130 + '<meta charset="utf-8"></head><body>' + BODY
    result = decode_bytes(html.encode("gbk"))
    check(result, html, "gb18030", "chardet")
    assert result.diagnostics == ()  # the late (wrong) meta was never seen, so nothing was overridden


def test_long_ascii_head_before_gb_text():
    # 70 KiB of inline script before any Chinese: chardet must look at the text, not the script.
    script = "<script>var config = {debug: false, items: [1, 2, 3]};</script>\n" * 1200
    html = f"<html><head>{script}<title>{TITLE}</title></head><body>{BODY}</body></html>"
    assert len(script) > 64 * 1024
    check(decode_bytes(html.encode("gbk")), html, "gb18030", "chardet")
    trad = f"<html><head>{script}<title>{TRAD_TITLE}</title></head><body>{TRAD}</body></html>"
    check(decode_bytes(trad.encode("big5")), trad, "big5hkscs", "chardet")


def test_http_beats_meta():
    html = page(BODY, "utf-8")
    result = decode_bytes(html.encode("gbk"), http_charset="gbk")
    check(result, html, "gb18030", "http")
    [diag] = result.diagnostics
    assert diag.code == "encoding_mismatch" and diag.where == "<meta> charset"


def test_unknown_label_is_skipped_and_recorded():
    html = page(BODY, "x-klingon")
    result = decode_bytes(html.encode("gbk"), name="k.html")
    check(result, html, "gb18030", "chardet")
    [diag] = result.diagnostics
    assert "'x-klingon'" in diag.message and "unknown label" in diag.message


def test_meta_utf16_means_utf8():
    html = page(BODY, "utf-16")
    result = decode_bytes(html.encode("utf-8"))
    check(result, html, "utf-8", "meta")
    assert result.diagnostics == ()


# --------------------------------------------------------------------------- damage


def test_truncated_gb_sequence():
    good = BODY.encode("gb18030")
    data = good + "行政复议".encode("gb18030")[:1]  # a lone lead byte at the very end
    result = decode_bytes(data, name="cut.txt")
    assert result.text == BODY + "\ufffd"
    assert result.encoding == "gb18030" and result.source == "fallback"
    [diag] = result.diagnostics
    assert diag.code == "text_damaged" and diag.severity == "warning"
    assert diag.where == f"byte {len(good)}"
    assert "cut.txt" in diag.message and "gb18030" in diag.message and "1 undecodable" in diag.message


def test_invalid_bytes_inside_gb_text():
    first = "本报告中所列数据的统计期限".encode("gb18030")
    middle = "自2019年1月1日".encode("gb18030")
    last = "至2019年12月31日。".encode("gb18030")
    data = first + b"\xff" + middle + b"\xff" + last
    result = decode_bytes(data, name="bad.html", http_charset="gb2312")
    assert result.text == "本报告中所列数据的统计期限\ufffd自2019年1月1日\ufffd至2019年12月31日。"
    assert (result.encoding, result.source) == ("gb18030", "fallback")
    assert codes(result) == ["text_damaged"]  # gb2312 means gb18030: the declaration was not overridden
    damaged = result.diagnostics[0]
    assert damaged.where == f"byte {len(first)}"
    assert "bad.html" in damaged.message and "2 undecodable" in damaged.message


def test_damaged_utf8_prefers_utf8():
    good = page(BODY * 3).encode("utf-8")
    cut = good.index("行政复议".encode("utf-8"))
    data = good[:cut] + good[cut:cut + 2] + good[cut + 3:]  # drop the last byte of 行
    result = decode_bytes(data, name="u.html")
    assert result.encoding == "utf-8" and result.source == "fallback"
    assert result.text == page(BODY * 3).replace("行政复议", "\ufffd政复议", 1)
    [diag] = result.diagnostics
    assert diag.code == "text_damaged" and diag.where == f"byte {cut}"


def test_damaged_bom_input_reports_absolute_offset():
    body = BODY.encode("utf-8")
    data = codecs.BOM_UTF8 + body + b"\xff\xfe\xfd" + body
    result = decode_bytes(data)
    assert result.encoding == "utf-8" and result.source == "fallback"
    assert result.text == BODY + "\ufffd" * 3 + BODY
    assert result.diagnostics[-1].where == f"byte {3 + len(body)}"


def test_euro_byte_survives_a_lossy_gb_decode():
    data = "收费标准：".encode("gbk") + b"\x80" + "5元".encode("gbk") + b"\xff" + "。".encode("gbk")
    result = decode_bytes(data, name="fee.txt")
    assert result.text == "收费标准：€5元\ufffd。"
    assert (result.encoding, result.source) == ("gb18030", "fallback")
    bad = data.index(b"\xff")
    assert result.diagnostics[-1].where == f"byte {bad}"
    assert "1 undecodable" in result.diagnostics[-1].message


@pytest.mark.parametrize("limit", [10_000, 50])
def test_noise_still_decodes_and_reports(monkeypatch, limit):
    # With limit 50 every candidate gives up counting: the plain errors="replace" path is taken.
    monkeypatch.setattr(decode_mod, "_MAX_COUNTED", limit)
    rng = random.Random(7)
    noise = bytes(rng.randrange(0x81, 0x100) for _ in range(50_000))
    result = decode_bytes(noise, name="noise.bin")
    assert result.source == "fallback" and result.encoding in {"gb18030", "big5hkscs", "utf-8"}
    assert result.text == noise.decode(result.encoding, "replace")
    [diag] = result.diagnostics
    with pytest.raises(UnicodeDecodeError) as info:
        noise.decode(result.encoding)
    assert diag.code == "text_damaged" and diag.where == f"byte {info.value.start}"
    replaced = result.text.count("\ufffd")
    assert replaced > 50 and f"{replaced} undecodable" in diag.message and "noise.bin" in diag.message


def test_blank_http_charset_is_ignored():
    html = page(BODY)
    result = decode_bytes(html.encode("gbk"), http_charset="  ")
    check(result, html, "gb18030", "chardet")
    assert result.diagnostics == ()


# --------------------------------------------------------------------------- performance guards


def test_chardet_not_called_when_settled(monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("chardet should not run")

    monkeypatch.setattr(decode_mod.chardet, "detect", boom)
    decode_bytes(page(BODY).encode("utf-8"))
    decode_bytes(page(BODY, "gbk").encode("gbk"))
    decode_bytes(page(BODY).encode("gbk"), http_charset="gb2312")
    decode_bytes(codecs.BOM_UTF16_LE + page(BODY).encode("utf-16-le"))


def test_chardet_sees_at_most_64k_but_whole_data_is_confirmed(monkeypatch):
    seen = []
    real = decode_mod.chardet.detect

    def spy(data, **kwargs):
        seen.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(decode_mod.chardet, "detect", spy)
    big = (BODY * 700).encode("gbk")
    assert len(big) > 200_000
    check(decode_bytes(big), BODY * 700, "gb18030", "chardet")
    assert seen and max(seen) <= 64 * 1024
    # A bad byte past the window is still caught by the strict decode of the whole data.
    result = decode_bytes(big + b"\xff")
    assert result.source == "fallback" and result.diagnostics[-1].where == f"byte {len(big)}"


def test_chardet_failure_is_contained(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("detector exploded")

    monkeypatch.setattr(decode_mod.chardet, "detect", broken)
    html = page(BODY)
    check(decode_bytes(html.encode("gbk")), html, "gb18030", "fallback")


# --------------------------------------------------------------------------- input types and properties


def test_bytearray_and_memoryview():
    data = BODY.encode("gbk")
    assert decode_bytes(bytearray(data)).text == BODY
    assert decode_bytes(memoryview(data)).text == BODY


def test_non_bytes_raises_input_error():
    with pytest.raises(InputError) as info:
        decode_bytes(BODY, name="x.txt")  # type: ignore[arg-type]
    assert info.value.source == "x.txt"


def test_empty_data():
    check(decode_bytes(b""), "", "utf-8", "chardet")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_never_raises_on_arbitrary_bytes(data):
    try:
        result = decode_bytes(data)
    except GkparseError:  # pragma: no cover - only DecodeError is allowed, and should not happen
        pytest.fail("decode_bytes raised on bytes")
    assert isinstance(result.text, str)
    assert result.source in {"bom", "http", "meta", "chardet", "fallback"}
    if "text_damaged" in codes(result):
        assert result.source == "fallback" and "\ufffd" in result.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff")))
def test_utf8_roundtrip(text):
    result = decode_bytes(text.encode("utf-8"))
    assert result.text == text and result.encoding == "utf-8"


# --------------------------------------------------------------------------- looks_binary


def test_binary_nul_laden():
    assert looks_binary(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 100)
    assert looks_binary(BODY.encode("utf-8") + b"\x00\x00\x00\x00" + BODY.encode("utf-8"))


def test_binary_png_header():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00")


def test_binary_random_bytes():
    rng = random.Random(20190101)
    assert looks_binary(bytes(rng.randrange(256) for _ in range(4096)))


def test_binary_control_characters_without_nul():
    assert looks_binary(b"\x01\x02\x03\x04\x05abc\x06\x07\x08\x0e\x0f" * 50)
    # A few stray controls in real text are not enough.
    assert not looks_binary((BODY + "\x1b\x07").encode("utf-8"))


@pytest.mark.parametrize(
    "data",
    [
        page(BODY).encode("utf-8"),
        page(BODY).encode("gbk"),
        page(BODY + RARE).encode("gb18030"),
        page(TRAD, title=TRAD_TITLE).encode("big5"),
        "标题\r\n\t表格\f分页\n".encode("utf-8"),
        codecs.BOM_UTF16_LE + page(BODY).encode("utf-16-le"),
        codecs.BOM_UTF16_BE + page(BODY).encode("utf-16-be"),
        codecs.BOM_UTF32_LE + page(BODY).encode("utf-32-le"),
        codecs.BOM_UTF32_BE + page(BODY).encode("utf-32-be"),
        page(BODY).encode("utf-16-le"),  # BOM-less UTF-16: NULs, but it decodes as text
        "Annual report, English only".encode("utf-16-be"),
        b"",
    ],
)
def test_text_is_not_binary(data):
    assert not looks_binary(data)

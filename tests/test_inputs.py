"""Batch inputs (gkparse.inputs): directories and globs, zip archives, WARC and ARC crawls.

The crawls are written here, record by record, the way crawlers write them (one gzip member per
record), with the quirks the reader must undo: an HTTP charset that differs from the default
(GB18030 bytes served as ``charset=gbk``), a chunked body, a gzip Content-Encoding. The rule checked
throughout: every document yields exactly one record, a bad one an error record naming it, and the
same document gives the same fields whatever container it came in.
"""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from pathlib import Path

import pytest

import gkparse
from gkparse.corpus import iter_records, record_for
from gkparse.inputs import InputRef, archive_kind, iter_inputs, read_input

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
R2021 = SAMPLES / "0001_2021_cell_per_line_utf-8.txt"
R2019 = SAMPLES / "0004_2019_row_per_line_tabs_utf-8.txt"
NEWS = "市图书馆新馆正式开馆。本报讯 10月8日上午，市图书馆新馆在城东文化中心正式开馆。".encode("utf-8")


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def fields_of(source) -> dict:
    return gkparse.flatten(gkparse.parse(source))


def records(*inputs, **kw) -> list[dict]:
    return list(iter_records(list(inputs), **kw))


def summary(recs: list[dict]) -> list[tuple]:
    return [(r["source"], r["error"]["type"] if r["error"] else None) for r in recs]


# --------------------------------------------------------------------------- crawl writers


def warc_record(wtype: str, uri: str, block: bytes, content_type: str, n: int, version: str = "1.1") -> bytes:
    head = (
        f"WARC/{version}\r\nWARC-Type: {wtype}\r\n"
        + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
        + f"WARC-Date: 2024-03-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:12345678-0000-0000-0000-{n:012d}>\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_response(body: bytes, headers: list[tuple[str, str]], status: str = "200 OK") -> bytes:
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n").encode("latin-1") + body


def chunked(body: bytes, size: int = 700) -> bytes:
    parts = [b"%x;ext=1\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size]) for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\nX-Trailer: yes\r\n\r\n"


def html(report: str) -> str:
    return f"<!DOCTYPE html><html><head><title>年度报告</title></head><body><div class=\"content\"><pre>{report}</pre></div></body></html>"


GBK_PAGE = html(text(R2021)).encode("gb18030")
UTF8_PAGE = html(text(R2019)).encode("utf-8")
HTTP = "application/http; msgtype=response"


def crawl_records() -> tuple[list[bytes], list[str]]:
    """A small crawl: its WARC records, and the URIs of the documents in it, in order."""
    recs = [
        warc_record("warcinfo", "", b"software: gkparse-test\r\nformat: WARC File Format 1.1\r\n", "application/warc-fields", 1),
        warc_record("request", "http://gk.example.gov.cn/a.html", b"GET /a.html HTTP/1.1\r\nHost: gk.example.gov.cn\r\n\r\n", "application/http; msgtype=request", 2),
        # GB18030 bytes; the server says gbk.
        warc_record("response", "http://gk.example.gov.cn/a.html", http_response(GBK_PAGE, [("Content-Type", "text/html; charset=gbk")]), HTTP, 3),
        warc_record("metadata", "http://gk.example.gov.cn/a.html", b"outlinks: http://gk.example.gov.cn/b.html\r\n", "application/warc-fields", 4),
        # gzip content-encoding, sent chunked.
        warc_record(
            "response",
            "http://gk.example.gov.cn/b.html",
            http_response(
                chunked(gzip.compress(UTF8_PAGE)),
                [("Content-Type", 'text/html; charset="UTF-8"'), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
            ),
            HTTP,
            5,
        ),
        warc_record("response", "dns:gk.example.gov.cn", b"20240301080000\ngk.example.gov.cn. 600 IN A 10.0.0.1\n", "text/dns", 6),
        warc_record("revisit", "http://gk.example.gov.cn/a.html", b"HTTP/1.1 200 OK\r\n\r\n", HTTP, 7),
        warc_record("resource", "http://gk.example.gov.cn/c.txt", text(R2021).encode("gb18030"), "text/plain; charset=gb18030", 8, version="1.0"),
        warc_record("response", "http://gk.example.gov.cn/news.html", http_response(NEWS, [("Content-Type", "text/html; charset=utf-8")]), HTTP, 9),
    ]
    uris = ["http://gk.example.gov.cn/a.html", "http://gk.example.gov.cn/b.html", "http://gk.example.gov.cn/c.txt", "http://gk.example.gov.cn/news.html"]
    return recs, uris


def write_warc(path: Path, recs: list[bytes], *, gz: bool) -> Path:
    path.write_bytes(b"".join(gzip.compress(r) for r in recs) if gz else b"".join(recs))
    return path


def expected_crawl_fields() -> list[dict]:
    return [
        fields_of(GBK_PAGE),  # no charset given: the same figures either way
        fields_of(UTF8_PAGE),
        fields_of(text(R2021)),
    ]


# --------------------------------------------------------------------------- directories and globs


def make_tree(root: Path) -> None:
    for rel in ("a/1.html", "a/2.TXT", "a/.git/x.html", "b/c/3.html", ".hidden/4.html", "z.html", ".dot.html", "b/readme.md"):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(R2021.read_bytes())
    (root / "empty").mkdir()


def test_directory_is_walked_recursively_in_name_order_skipping_hidden(tmp_path):
    make_tree(tmp_path / "t")
    refs = list(iter_inputs(str(tmp_path / "t")))
    rel = [os.path.relpath(r.source, tmp_path / "t") for r in refs]
    assert rel == ["a/1.html", "a/2.TXT", "b/c/3.html", "b/readme.md", "z.html"]
    assert all(r.kind == "file" and r.path == r.source and r.data is None for r in refs)


def test_directory_source_keeps_the_path_as_given(tmp_path, monkeypatch):
    make_tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    assert [r.source for r in iter_inputs("t/b/")][:1] == [os.path.join("t/b/", "c", "3.html")]


@pytest.mark.parametrize(
    "patterns, expected",
    [
        ("*.html", ["a/1.html", "b/c/3.html", "z.html"]),
        ("*.txt", ["a/2.TXT"]),  # case-insensitive
        (["*.html", "*.md"], ["a/1.html", "b/c/3.html", "b/readme.md", "z.html"]),
        ("b/*", ["b/c/3.html", "b/readme.md"]),  # a pattern with a / matches the path below the directory
    ],
)
def test_glob_selects_files_of_a_directory(tmp_path, patterns, expected):
    make_tree(tmp_path / "t")
    refs = list(iter_inputs(tmp_path / "t", glob=patterns))
    assert [os.path.relpath(r.source, tmp_path / "t") for r in refs] == expected


def test_a_directory_that_yields_nothing_is_one_error_record(tmp_path):
    make_tree(tmp_path / "t")
    (rec,) = records(str(tmp_path / "t" / "empty"))
    assert rec["error"]["type"] == "InputError"
    assert "directory with no files" in rec["error"]["message"]
    (rec,) = records(str(tmp_path / "t"), glob="*.pdf")
    assert rec["source"] == str(tmp_path / "t")
    assert "no files matching '*.pdf'" in rec["error"]["message"]


def test_a_file_named_explicitly_is_taken_whatever_the_glob(tmp_path):
    make_tree(tmp_path / "t")
    refs = list(iter_inputs([str(tmp_path / "t" / "b" / "readme.md")], glob="*.html"))
    assert [r.source for r in refs] == [str(tmp_path / "t" / "b" / "readme.md")]


def test_a_glob_pattern_as_a_path(tmp_path, monkeypatch):
    make_tree(tmp_path / "t")
    monkeypatch.chdir(tmp_path)
    assert [r.source for r in iter_inputs("t/**/*.html")] == ["t/a/1.html", "t/b/c/3.html", "t/z.html"]
    (rec,) = records("nothing/*.html")
    assert rec["source"] == "nothing/*.html" and rec["error"]["type"] == "InputError"
    assert "matches nothing" in rec["error"]["message"]


def test_plain_files_are_not_read_when_expanding(tmp_path):
    # A missing file is not checked while expanding: the parse names it, as gkparse.parse does.
    (ref,) = list(iter_inputs(["missing.txt"]))
    assert ref == InputRef(source="missing.txt", path="missing.txt")
    (rec,) = records("missing.txt")
    assert rec["error"]["type"] == "InputError" and "no such file" in rec["error"]["message"]


def test_archive_kinds():
    assert [archive_kind(n) for n in ("a.ZIP", "c.warc", "c.warc.gz", "c.arc.GZ", "c.arc", "r.txt", "r.gz")] == [
        "zip", "warc", "warc", "arc", "arc", None, None,
    ]


# --------------------------------------------------------------------------- zip


def make_zip(path: Path, *, broken: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("reports/2021.txt", R2021.read_bytes())
        zf.writestr("reports/old/2019.txt", R2019.read_bytes())
        zf.writestr("reports/", b"")  # a directory entry
        zf.writestr("news.txt", NEWS)
        zf.writestr(".DS_Store", b"\0\0\0\1Bud1")
        zf.writestr("__MACOSX/reports/._2021.txt", b"\0\5\26\7")
        zf.writestr("reports/broken.txt", R2021.read_bytes())
    if broken:
        data = bytearray(path.read_bytes())
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo(broken)
        start = info.header_offset + 30 + len(info.filename.encode()) + 100
        for i in range(start, start + 16):
            data[i] ^= 0xFF
        path.write_bytes(bytes(data))
    return path


def test_zip_members_are_inputs(tmp_path):
    z = make_zip(tmp_path / "bundle.zip")
    recs = records(str(z))
    assert summary(recs) == [
        (f"{z}!news.txt", "NotAReportError"),
        (f"{z}!reports/2021.txt", None),
        (f"{z}!reports/broken.txt", None),
        (f"{z}!reports/old/2019.txt", None),
    ]
    assert recs[1]["fields"] == fields_of(R2021)
    assert recs[3]["fields"] == fields_of(R2019)
    # The error message names the member.
    assert recs[0]["error"]["message"].startswith(f"{z}!news.txt: ")


def test_zip_glob_selects_members(tmp_path):
    z = make_zip(tmp_path / "bundle.zip")
    assert [r.source for r in iter_inputs(str(z), glob="reports/*")] == [
        f"{z}!reports/2021.txt", f"{z}!reports/broken.txt", f"{z}!reports/old/2019.txt",
    ]
    assert [r.source for r in iter_inputs(str(z), glob="20*.txt")] == [f"{z}!reports/2021.txt", f"{z}!reports/old/2019.txt"]


def test_a_broken_zip_member_is_one_error_record_and_the_others_parse(tmp_path):
    z = make_zip(tmp_path / "bundle.zip", broken="reports/broken.txt")
    recs = records(str(z))
    assert len(recs) == 4
    bad = recs[2]
    assert bad["source"] == f"{z}!reports/broken.txt"
    assert bad["error"]["type"] == "InputError"
    assert "broken archive member" in bad["error"]["message"] and bad["source"] in bad["error"]["message"]
    assert recs[1]["error"] is None and recs[3]["error"] is None


def test_zip_member_names_written_in_gbk(tmp_path):
    # What a Chinese Windows archiver writes: the name in GBK bytes, without the UTF-8 flag. Built
    # from an ASCII placeholder of the same length (ASCII names never get the flag).
    gbk = "报告.txt".encode("gbk")
    placeholder = b"X" * (len(gbk) - 4) + b".txt"
    z = tmp_path / "gbk.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr(placeholder.decode(), R2021.read_bytes())
    z.write_bytes(z.read_bytes().replace(placeholder, gbk))
    with zipfile.ZipFile(z) as zf:
        (info,) = zf.infolist()
    assert not info.flag_bits & 0x800 and info.filename != "报告.txt"  # zipfile alone shows CP437 mojibake
    (ref,) = list(iter_inputs(str(z)))
    assert ref.source == f"{z}!报告.txt"
    (rec,) = records(str(z))
    assert rec["source"] == f"{z}!报告.txt"
    assert rec["error"] is None and rec["fields"] == fields_of(R2021)


@pytest.mark.parametrize("content", [b"PK\x03\x04 this is not a zip archive", b""])
def test_an_unreadable_zip_is_one_error_record(tmp_path, content):
    z = tmp_path / "bad.zip"
    z.write_bytes(content)
    (rec,) = records(str(z), str(R2021))[:1]
    assert rec["source"] == str(z)
    assert rec["error"]["type"] == "InputError"
    assert "not a readable zip archive" in rec["error"]["message"]


def test_missing_archives_are_one_error_record_each(tmp_path):
    recs = records(str(tmp_path / "gone.zip"), str(tmp_path / "gone.warc.gz"), str(tmp_path / "gone.arc"))
    assert [r["error"]["type"] for r in recs] == ["InputError"] * 3
    assert all("no such file" in r["error"]["message"] for r in recs)


def test_an_empty_zip_is_one_error_record(tmp_path):
    z = tmp_path / "empty.zip"
    zipfile.ZipFile(z, "w").close()
    (rec,) = records(str(z))
    assert rec["error"]["type"] == "InputError" and "ZIP archive with no files" in rec["error"]["message"]


def test_archives_inside_directories_are_expanded(tmp_path):
    make_tree(tmp_path / "t")
    make_zip(tmp_path / "t" / "b" / "more.zip")
    write_warc(tmp_path / "t" / "crawl.warc.gz", crawl_records()[0], gz=True)
    sources = [r.source for r in iter_inputs(tmp_path / "t", glob="*.html")]
    rel = [os.path.relpath(s, tmp_path / "t") for s in sources]
    # The zip has no .html member: skipped like a file that does not match; WARC records are not
    # filtered by name.
    assert rel[:2] == ["a/1.html", "b/c/3.html"]
    assert [s.split("!", 1)[-1] for s in sources[2:6]] == crawl_records()[1]
    assert all(s.startswith(f"{tmp_path / 't' / 'crawl.warc.gz'}@") for s in sources[2:6])
    assert rel[6:] == ["z.html"]


# --------------------------------------------------------------------------- WARC


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_response_records_are_documents(tmp_path, gz):
    recs_bytes, uris = crawl_records()
    path = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), recs_bytes, gz=gz)
    refs = list(iter_inputs(str(path)))
    assert [r.source.split("!", 1)[1] for r in refs] == uris
    # The parent keeps offsets, never bodies; the charset comes from the HTTP (or WARC) Content-Type.
    assert [r.kind for r in refs] == ["warc"] * 4
    assert all(r.data is None and isinstance(r.offset, int) for r in refs)
    assert [r.http_charset for r in refs] == ["gbk", "UTF-8", "gb18030", "utf-8"]
    for r in refs:
        assert r.source == f"{path}@{r.offset}!{r.source.split('!', 1)[1]}"
    recs = records(str(path))
    assert summary(recs) == [(r.source, None) for r in refs[:3]] + [(refs[3].source, "NotAReportError")]
    assert [r["fields"] for r in recs[:3]] == expected_crawl_fields()
    # The body a worker reads back: HTTP headers stripped, de-chunked, gunzipped.
    body, charset = read_input(refs[1])
    assert (body, charset) == (UTF8_PAGE, "UTF-8")
    body, charset = read_input(refs[0])
    assert (body, charset) == (GBK_PAGE, "gbk")


def test_the_http_charset_feeds_the_decoder(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", crawl_records()[0], gz=True)
    ref = next(iter(iter_inputs(str(path))))
    rec = record_for(ref, flat=False)
    assert rec["report"]["input"]["encoding_source"] == "http"
    assert rec["report"]["input"]["encoding"] in ("gbk", "gb18030")


def test_a_whole_file_gzip_warc_is_read_too(tmp_path):
    # Not what crawlers write (one gzip member per record), but seen: such records cannot be sought
    # to, so their bodies travel in the ref.
    recs_bytes, uris = crawl_records()
    path = tmp_path / "whole.warc.gz"
    path.write_bytes(gzip.compress(b"".join(recs_bytes)))
    refs = list(iter_inputs(str(path)))
    assert [r.source.split("!", 1)[1] for r in refs] == uris
    assert refs[0].source.startswith(f"{path}@0+") and refs[1].data == UTF8_PAGE
    assert [r["fields"] for r in records(str(path))[:3]] == expected_crawl_fields()


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_bad_warc_record_is_one_error_record_and_the_scan_goes_on(tmp_path, gz):
    recs_bytes, uris = crawl_records()
    recs_bytes[4] = b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://gk.example.gov.cn/b.html\r\nContent-Length: twelve\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n\r\n"
    path = write_warc(tmp_path / ("bad.warc.gz" if gz else "bad.warc"), recs_bytes, gz=gz)
    recs = records(str(path))
    assert len(recs) == 4
    assert [r["source"].split("!", 1)[-1] for r in recs[2:]] == uris[2:]
    bad = recs[1]
    assert bad["error"]["type"] == "InputError"
    assert bad["source"].startswith(f"{path}@") and "Content-Length" in bad["error"]["message"]
    assert "bad WARC record" in bad["error"]["message"]
    assert recs[0]["fields"] == expected_crawl_fields()[0]


def test_a_corrupt_gzip_member_loses_only_its_record(tmp_path):
    recs_bytes, uris = crawl_records()
    members = [gzip.compress(r) for r in recs_bytes]
    start = sum(len(m) for m in members[:4])  # the member of b.html
    data = bytearray(b"".join(members))
    for i in range(start + 60, start + 90):
        data[i] ^= 0x5A
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(bytes(data))
    recs = records(str(path))
    assert len(recs) == 4
    assert recs[1]["source"] == f"{path}@{start}"
    assert "corrupt" in recs[1]["error"]["message"] and "resumes" in recs[1]["error"]["message"]
    assert [r["source"].split("!", 1)[-1] for r in (recs[0], *recs[2:])] == [uris[0], *uris[2:]]
    assert [r["fields"] for r in (recs[0], recs[2])] == [expected_crawl_fields()[0], expected_crawl_fields()[2]]


def test_a_truncated_warc_ends_with_one_error_record(tmp_path):
    recs_bytes, uris = crawl_records()
    data = b"".join(gzip.compress(r) for r in recs_bytes)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[:-40])  # inside the last record (news.html)
    recs = records(str(path))
    assert [r["source"].split("!", 1)[-1] for r in recs[:3]] == uris[:3]
    assert len(recs) == 4 and recs[3]["error"]["type"] == "InputError"
    assert "truncated" in recs[3]["error"]["message"]
    # Uncompressed, cut inside a body.
    path = tmp_path / "cut.warc"
    path.write_bytes(b"".join(recs_bytes[:5])[:-500])
    recs = records(str(path))
    assert len(recs) == 2 and recs[0]["error"] is None
    assert "truncated" in recs[1]["error"]["message"]


def test_a_file_that_is_not_a_warc_is_one_error_record(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("这不是一个WARC文件\n", encoding="utf-8")
    (rec,) = records(str(path))
    assert rec["error"]["type"] == "InputError" and "bad WARC record" in rec["error"]["message"]
    path = tmp_path / "nothing.warc.gz"
    path.write_bytes(gzip.compress(crawl_records()[0][0]))  # warcinfo only
    (rec,) = records(str(path))
    assert rec["source"] == str(path) and "no documents" in rec["error"]["message"]


def test_an_unsupported_content_encoding_is_an_error_record(tmp_path):
    block = http_response(b"\x8b\x05\x80hello\x03", [("Content-Type", "text/html"), ("Content-Encoding", "br")])
    path = write_warc(tmp_path / "br.warc", [warc_record("response", "http://x.gov.cn/", block, HTTP, 1)], gz=False)
    (rec,) = records(str(path))
    assert rec["error"]["type"] == "InputError"
    assert "Content-Encoding 'br' is not supported" in rec["error"]["message"]


# --------------------------------------------------------------------------- ARC


def arc_record(url: str, content: bytes, ctype: str = "text/html") -> bytes:
    return f"{url} 10.0.0.1 20240301080000 {ctype} {len(content)}\n".encode() + content + b"\n"


@pytest.mark.parametrize("gz", [False, True], ids=["arc", "arc.gz"])
def test_arc_records_are_documents(tmp_path, gz):
    filedesc = b"1 0 gkparse-test\nURL IP-address Archive-date Content-type Archive-length\n"
    recs_bytes = [
        arc_record("filedesc://crawl.arc", filedesc, "text/plain"),
        arc_record("http://gk.example.gov.cn/a.html", http_response(GBK_PAGE, [("Content-Type", "text/html; charset=gbk")])),
        arc_record("dns:gk.example.gov.cn", b"gk.example.gov.cn. 600 IN A 10.0.0.1\n", "text/dns"),
        arc_record(
            "http://gk.example.gov.cn/b.html",
            http_response(chunked(gzip.compress(UTF8_PAGE)), [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")]),
        ),
    ]
    path = write_warc(tmp_path / ("crawl.arc.gz" if gz else "crawl.arc"), recs_bytes, gz=gz)
    refs = list(iter_inputs(str(path)))
    assert [r.source.split("!", 1)[1] for r in refs] == ["http://gk.example.gov.cn/a.html", "http://gk.example.gov.cn/b.html"]
    assert [r.http_charset for r in refs] == ["gbk", None]
    recs = records(str(path))
    assert [r["fields"] for r in recs] == expected_crawl_fields()[:2]


def test_error_refs_pass_through_and_raise_gkparse_errors():
    ref = InputRef.failed("x.zip", "is not a readable zip archive: boom")
    with pytest.raises(gkparse.GkparseError) as info:
        read_input(ref)
    assert type(info.value).__name__ == "InputError" and str(info.value) == "x.zip: is not a readable zip archive: boom"
    rec = record_for(ref)
    assert rec == {"source": "x.zip", "fields": {}, "diagnostics": [], "error": {"type": "InputError", "message": "x.zip: is not a readable zip archive: boom"}}
    assert json.loads(json.dumps(rec)) == rec

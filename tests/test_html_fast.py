"""The ``fast`` extra (selectolax/Lexbor) and the default html5lib builder give identical results.

Compared on every test page: the neutral trees, the renderings, the Documents (text, normalized
text, lines, cells, diagnostics) and the flat fields. Known divergences of the two parsers, all on
markup no report page carries and none of them reaching a rendering here: ``<isindex>`` (html5lib
1.1 still expands it into a form, as the old spec did), whitespace after a ``<frameset>``, and a
``<template>`` in ``<head>`` before a ``<noscript>`` (html5lib 1.1 predates template-in-head).
"""

from __future__ import annotations

import random
import sys

import pytest

import gkparse
from gkparse.decode import decode_bytes
from gkparse.errors import GkparseError
from gkparse.html import BUILDERS, render
from gkparse.load import load
from gkparse.pipeline import to_document
from helpers import SHARED
from html_builder import seed_page

pytest.importorskip("selectolax")

SEEDS = ["000_5ef2061d975e33f8", "001_14adff9be6592cdd", "002_2c03bd508ff881e4", "003_813cce83a6a79fdd", "004_d76d4b4009bfe151"]


def _pages() -> dict[str, bytes]:
    pages = {stem: seed_page(stem).encode("utf-8") for stem in SEEDS}
    pages["004-gbk"] = seed_page(SEEDS[4], charset="gb2312").encode("gb18030")
    pages["001-print-copy"] = seed_page(SEEDS[1], print_copy=True).encode("utf-8")
    pages["shuyang"] = (SHARED / "pages" / "shuyang-fgj-2023.html").read_bytes()
    return pages


@pytest.fixture(scope="module")
def pages(shared):
    return _pages()


@pytest.mark.parametrize("name", SEEDS + ["004-gbk", "001-print-copy", "shuyang"])
def test_same_tree_rendering_document_and_fields(name, pages):
    data = pages[name]
    text = decode_bytes(data).text
    slow_tree, slow_title = BUILDERS["html5lib"](text)
    fast_tree, fast_title = BUILDERS["fast"](text)
    assert fast_title == slow_title
    assert fast_tree.dump() == slow_tree.dump()
    assert render(text, builder="fast") == render(text)
    slow = to_document(load(data, name=name))
    fast = to_document(load(data, name=name), builder="fast")
    assert fast.input.kind == slow.input.kind == "html"
    assert fast == slow  # text, norm, norm_map, lines, cells, label keys, script, input, diagnostics
    slow_flat = gkparse.flatten(gkparse.parse(data, name=name))
    assert gkparse.flatten(gkparse.parse(data, name=name, builder="fast")) == slow_flat
    assert len(slow_flat) > 15


SNIPPETS = [
    "<table><tr><td>a</td>stray text<td>b</td></tr>foster<p>p in table</table>",
    "<p>one<p>two<table><tr><td>x</table>",
    "<b><i>misnested</b></i> &amp &nbsp &copy; &#x4e2d;&#20013; &notit;",
    "<o:p></o:p><ucapcontent><p>x</p></ucapcontent><UCAPTITLE>T</UCAPTITLE>",
    "<svg><text>s</text><foreignObject><p>fo</p></foreignObject></svg><math><mi>x</mi></math>after",
    "<noscript><p>ns</p></noscript><template><p>t</p></template>",
    "a\r\nb\rc\x00d",
    "<td hidden>h</td><div HIDDEN>h2</div><DIV Style='DISPLAY:NONE'>h3</DIV>",
    "<form><form><p>nested</p></form></form>",
    "<table><caption>cap</caption><colgroup><col></colgroup><thead><tr><th rowspan=0>h</th></tr></thead>"
    "<tbody><tr><td colspan=abc>1</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>",
    "<pre>\nline1\n\tline2</pre><textarea>ta</textarea><select><option>o</option></select>",
    "<a href='x.pdf'>a<div>block in a</div></a>",
    "<li>1<li>2<dd>3<dt>4",
    "<h1>t<h2>u</h1>v",
    "<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>",
    "<p>x</p></br></p><image src=i.png>",
    "<xmp><b>x</b></xmp><listing>\nl</listing>",
    "<ruby>漢<rt>han</rt></ruby><wbr>x<nobr>y</nobr>",
    "<script>document.write('<p>')</script><style>p{}</style>",
    "<!-- c --><!DOCTYPE html><html><head><title>A &amp; B</title></head><body><title>second</title>z</body></html>trail",
    "<div><span>1</span>\n<span>2</span></div>",
    "<table><tr><td>1<tr><td>2</table>",
    "<select><p>in select</p></select>",
    "<body onload=x><body class=y>b",
    "<marquee>m</marquee><center>c</center><font face=x>f</font>",
    "&lt;/td&gt;<td>",
    "<p>\u3000\xa0</p><p>\u2028x\u2029y\x85z</p>",
    "<p>政府信息公开工作年度报告</p><table><tr><td rowspan=3>三、本年度办理结果</td><td>(一)予以公开</td><td>5</td></tr>"
    "<tr><td>(二)部分公开</td><td>&nbsp;</td></tr></table><table><tr><td>(三)不予公开</td><td>1</td></tr></table>",
]


def _cases() -> list[str]:
    rng = random.Random(20240117)
    cases = list(SNIPPETS)
    for _ in range(150):
        cases.append("".join(rng.choice(SNIPPETS) for _ in range(rng.randint(2, 6))))
    return cases + ["<!DOCTYPE html>" + c for c in cases]


def test_same_renderings_on_awkward_markup():
    diverging = []
    for html in _cases():
        slow_tree, slow_title = BUILDERS["html5lib"](html)
        fast_tree, fast_title = BUILDERS["fast"](html)
        if fast_tree.dump() != slow_tree.dump() or fast_title != slow_title or render(html, builder="fast") != render(html):
            diverging.append(html)
    assert diverging == []


def test_fast_without_the_extra_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "selectolax", None)
    with pytest.raises(GkparseError, match=r"gkparse\[fast\]"):
        gkparse.parse("<html><body><p>x</p></body></html>", builder="fast")

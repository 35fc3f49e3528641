"""HTML pages → a *rendering*: the report's text, one line per block and one line per table row.

Reports are fetched as web pages from thousands of CMS sites. This package turns a decoded page
(never raw bytes: :mod:`gkparse.decode` decides the encoding) into plain text that
:func:`gkparse.normalize.normalize_text` makes into the same :class:`~gkparse.document.Document` the
text path makes, so format plugins never care where their input came from.

Where each step lives (one module per stage; :func:`render` and :func:`render_tree` in
:mod:`~gkparse.html.page` run them in this order):

=================================  ==========================================================
:mod:`gkparse.html.tree`           1. the neutral tree, the html5lib builder, ``BUILDERS``
:mod:`gkparse.html_fast`           1. the Lexbor builder (the ``fast`` extra)
:mod:`gkparse.html.chrome`         2. chrome and duplicate copies removed
:mod:`gkparse.html.body`           3. chunks, weights, the body chosen
:mod:`gkparse.html.grid`           tables: rows, cells, spans, layout or data, the grid
:mod:`gkparse.html.rendering`      4. lines and table-row lines
:mod:`gkparse.html.signals`        5. page title, publication date, source line, attachments
:mod:`gkparse.html.page`           the entry points and their result, :class:`Rendered`
:mod:`gkparse.html.text`           whitespace and text-length helpers the stages share
=================================  ==========================================================

The stages, in order:

1. **Tree** (:mod:`~gkparse.html.tree`). A tree builder parses the string: html5lib (the default,
   pure Python, the reference HTML5 parsing algorithm) or, with ``builder="fast"``, Lexbor through
   selectolax (:mod:`gkparse.html_fast`, the ``fast`` extra). Either one is converted to the same
   small neutral tree (:class:`Node`); everything below runs on that tree only, which is why both
   builders give identical renderings. The conversion already leaves out what is never text:
   comments, ``<head>``, scripts, styles, forms' controls, embedded objects, SVG/MathML,
   ``<nav>``/``<aside>``, and *hidden* elements (a ``hidden`` attribute, ``display:none`` or
   ``visibility:hidden`` inline). The first ``<title>`` is kept aside.
2. **Chrome** (:mod:`~gkparse.html.chrome`). ``<header>``/``<footer>`` are dropped unless they sit
   in an ``<article>``/``<main>`` (there they hold the article's own title and date) or hold much
   text (a misused wrapper); a ``<form>`` with little text (a search box) is dropped, a large one
   (ASP.NET wraps whole pages in one) is kept. Duplicates (a print or mobile copy of the report, a
   summary box repeating a paragraph: the same text, at least
   :data:`~gkparse.html.chrome._DUP_MIN` characters, in elements none of which is inside another)
   are dropped, keeping the copy that sits among the most text (the report's own copy).
3. **Body** (:mod:`~gkparse.html.body`). The report body is found by *content*, never by class
   names: every block's own text is weighed by the report vocabulary it holds (政府信息公开, 依申请,
   行政复议, 第二十条, …), its length, and number cells; link text weighs nothing. Starting from
   ``<body>``, the walk descends into the heaviest child while that child holds at least
   :data:`~gkparse.html.body._DESCEND` of the weight of its parent, and only into containers
   (elements holding blocks of text below themselves): never into a single paragraph, nor into a
   data table. Inside the body, link lists (related links, share bars: two or more links making
   up most of a block's text) and whole-line page furniture (打印 / 关闭 / 【字体：大 中 小】) are
   dropped (by the renderer).
4. **Rendering** (:mod:`~gkparse.html.rendering`; tables in :mod:`~gkparse.html.grid`). Block
   elements (``p``, ``div``, ``h1``…, ``li``) and ``<br>`` end lines; inline elements join without a
   space (``<span>2</span><span>0</span>`` is ``20``); whitespace runs (including no-break and
   ideographic spaces) collapse to one space. **Tables:**

   * a *layout* table (a cell holding a nested table or a long text, or a single cell) is unwrapped:
     its cells render as blocks, in row order;
   * a *data* table renders ONE LINE PER ROW, its cells separated by a tab. The grid is expanded
     (rowspan/colspan), but only each cell's own grid position is written: the positions a span
     covers are **left out**, not written as empty fields. The table readers take a row label and
     then the value cells that follow it (:mod:`gkparse.tables`): an empty field for each covered
     position would add a value slot to 22 rows of table 3 (under 三、本年度办理结果, rowspan 22),
     two to 行政许可's value (colspan 3 in the 2021 table 2) and two after each colspan-3 row
     label of table 3, and no row would read. A cell the page leaves empty (``&nbsp;``, whitespace)
     is an empty field: a blank value;
   * ``<br>`` and ``<p>`` inside a cell join with a space into the one field;
   * an empty cell in a **单位 column** (the unit column of the era-2008 form, found by its header)
     is left out as well: it is not a value slot; a filled one stays (a unit word);
   * rows whose cells are all empty are left out;
   * a data table split by the CMS into two consecutive ``<table>`` elements (nothing rendered
     between them, and the second's rows fit the first's width once the first's pending rowspans
     are counted) is joined into one grid, so rowspans continue and the 单位 column is known in the
     second part too.

5. **Signals of the page** (:mod:`~gkparse.html.signals`; emitted as the first lines, so
   :mod:`gkparse.metadata` reads them as it reads crawled text): the ``<title>``, with a site-name
   suffix (``-沭阳县发改局``, ``_XX政府网``) stripped, when no line of the body is a report title; the
   CMS publication date as ``发布日期:YYYY-MM-DD`` when the body has no date line metadata reads —
   from an info line (发布日期 / 发布时间 / 公开日期 / 日期：…) or an index table (a 公开日期 / 发布日期
   cell followed by a date cell), before the body first, then after it; and the CMS's source line
   as ``来源:…`` (信息来源 / 来源：…, never a URL) when the body has none. **Attachments:** when the
   body says its tables are in an attachment or an image (详见附件, 附件：, 见下图, 表格见图片…) and
   links to documents (.pdf, .doc(x), .xls(x), .wps, .ofd, …) or images are there, an
   ``attachment_tables`` warning lists their URLs, so the user knows what to fetch.

Offsets: the rendering is the Document's ``text`` for HTML input; every span points into it.

The public names below are re-exported here; import them from :mod:`gkparse.html`.
"""

from __future__ import annotations

from .page import Rendered, render, render_tree
from .tree import BUILDERS, SKIP_TAGS, Node, check_builder, is_hidden

__all__ = ["Node", "Rendered", "render", "render_tree", "check_builder", "BUILDERS", "SKIP_TAGS", "is_hidden"]

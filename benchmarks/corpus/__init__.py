"""The synthetic-corpus generator behind ``benchmarks/generate_corpus.py`` (the CLI and public face; its
docstring describes what is generated and how to ask for it).

Modules, in dependency order:

* ``common``       issuers, presentation quirks (Style), drawn values (Tables), text rows and HTML grid
                   cells, the per-document Context, the title / date / period lines;
* ``national``     eras 2019 and 2021: figures of tables 2–4, the tables as rows and grids, the document;
* ``era2008``      era 2008: the statistical form and the narrative-only report;
* ``text_layouts`` the four plain-text layouts;
* ``html_layout``  the CMS page;
* ``damage``       traditional script / Big5, spaced labels, spam, pinyin, lost 年/月, wrong charsets;
* ``build``        generate(), truth records, which document an index gets (round-robin or a Mix), and
                   the constant-memory, optionally multi-process writer.

A document is built in three steps: an era's ``draw`` picks the figures (the truth) from the content
stream, its ``compose`` lays the document out as blocks (``(kind, text)`` or ``("table",
TableBlock)``), and a layout renders the blocks; damage edits the blocks before rendering or the text
after it.
"""

"""gkparse's built-in plugins.

They are ordinary plugins, registered through the ``gkparse`` entry-point group exactly as a third
party's would be (see ``pyproject.toml``):

* :mod:`.national_2008` — the old regulation's reports (2008–2018): the statistical form, or its
  figures in prose;
* :mod:`.national_2019` — the national format of 2019 (reports for 2019–2020);
* :mod:`.national_2021` — the national format of 2021 (reports for 2021 on);
* :mod:`.checks` — report-level checks: the statistical period, and each table's era against the
  report year.

:mod:`.national_templates` and :mod:`.legacy_templates` declare the national tables and sections as
data; regional variants derive from them.
"""

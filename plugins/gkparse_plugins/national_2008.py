"""The national format of the old regulation (国务院令第492号): reports for 2008–2018.

Narrative-first; the statistical form (政府信息公开情况统计表) is an optional appendix, so a report
without it is not missing a table; its indicators are then read from the prose.
"""

from __future__ import annotations

from gkparse import hookimpl
from gkparse.formats import TableSlot, TemplateFormat

from .legacy_templates import SECTIONS, STATISTICAL_FORM

FORMAT = TemplateFormat(
    name="national-2008",
    era="2008",
    description="National statistical form and narrative of the old regulation (reports for 2008–2018)",
    sections=SECTIONS,
    ordered_sections=False,
    tables=(TableSlot(candidates=(STATISTICAL_FORM,), required=False),),
)


@hookimpl
def gkparse_register_formats(register):
    register(FORMAT)

"""The national format of 2019 (国办公开办函〔2019〕60号): reports for 2019 and 2020.

Six sections; table 2 with the 2019 columns, table 3 with one （六）其他处理 row, table 4. A table
printed in the 2021 form inside such a report is read with the 2021 template (and flagged by the
checks plugin as an era mismatch).
"""

from __future__ import annotations

from gkparse import hookimpl
from gkparse.formats import TableSlot, TemplateFormat

from .national_templates import ACTIVE_2019, ACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021, REVIEW_LITIGATION, SECTIONS

FORMAT = TemplateFormat(
    name="national-2019",
    era="2019",
    description="National format of 2019 (reports for 2019–2020)",
    sections=SECTIONS,
    tables=(
        TableSlot(candidates=(ACTIVE_2019, ACTIVE_2021)),
        TableSlot(candidates=(APPLICATIONS_2019, APPLICATIONS_2021)),
        TableSlot(candidates=(REVIEW_LITIGATION,)),
    ),
)


@hookimpl
def gkparse_register_formats(register):
    register(FORMAT)

"""The national format of 2021 (国办公开办函〔2021〕30号): reports for 2021 on.

Six sections; table 2 with the 2021 columns (制发/废止/现行有效; 处理决定数量; 收费金额), table 3
with the three （六） sub-rows, table 4. Reports that still print a 2019 table are read with the
2019 template for that table (and flagged by the checks plugin).
"""

from __future__ import annotations

from gkparse import hookimpl
from gkparse.formats import TableSlot, TemplateFormat

from .national_templates import ACTIVE_2019, ACTIVE_2021, APPLICATIONS_2019, APPLICATIONS_2021, REVIEW_LITIGATION, SECTIONS

FORMAT = TemplateFormat(
    name="national-2021",
    era="2021",
    description="National format of 2021 (reports for 2021 onward)",
    sections=SECTIONS,
    tables=(
        TableSlot(candidates=(ACTIVE_2021, ACTIVE_2019)),
        TableSlot(candidates=(APPLICATIONS_2021, APPLICATIONS_2019)),
        TableSlot(candidates=(REVIEW_LITIGATION,)),
    ),
)


@hookimpl
def gkparse_register_formats(register):
    register(FORMAT)

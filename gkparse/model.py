"""The typed report model: what a parse produces.

Everything is a frozen attrs class with keyword-only fields and tuples instead of lists, so a
:class:`Report` is immutable, hashable where it can be, and cheap to build. Validators are kept
cheap; cross-field checks (the 勾稽关系 of the tables) live in :mod:`gkparse.validate`.

Shape of a report::

    Report
      meta          Meta                      title, issuer, year, dates, era, script, ...
      sections      tuple[Section]            heading + text + span, in document order
      active        Active2019 | Active2021   table 2 (主动公开), by template era
      applications  Applications2019 | 2021   table 3 (收到和处理申请)
      review_litigation  ReviewLitigation     table 4 (行政复议、行政诉讼)
      legacy        LegacyStats               the era-2008 统计表 (or its figures stated in prose)
      extras        tuple[Extra]              a plugin's own figures, under its own flat keys
      diagnostics   tuple[Diagnostic]         everything repaired, guessed or found wrong

Every number is a :class:`Figure`: the value, the text it was read from, its unit, why it is empty
(when it is), and a :class:`Provenance` saying where it came from (a table cell or a prose span).
Attribute names of the table classes are the segments of the flat keys of ``fields.md``; see
:mod:`gkparse.flatten`.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from typing import ClassVar, Literal, Optional, Union

from attrs import field, frozen

__all__ = [
    "Span",
    "Provenance",
    "Figure",
    "Diagnostic",
    "Meta",
    "Section",
    "InputInfo",
    "ApplicantRow",
    "Applications2019",
    "Applications2021",
    "ReviewOutcome",
    "ReviewLitigation",
    "DocsMade",
    "DocsInForce",
    "ItemsDecisions",
    "FeeItems",
    "Procurement",
    "Decisions",
    "FeeAmount",
    "Active2019",
    "Active2021",
    "LegacyStats",
    "Extra",
    "Report",
    "SEVERITIES",
    "ERAS",
]

SEVERITIES = ("error", "warning", "info")
ERAS = ("2008", "2019", "2021")

Severity = Literal["error", "warning", "info"]
Origin = Literal["table", "prose"]
Number = Union[int, Decimal]


# --------------------------------------------------------------------------- provenance


@frozen(kw_only=True)
class Span:
    """A half-open character range ``[start, end)`` of the decoded source text, and its line (1-based).

    The normalized text gkparse matches against has the same length as the decoded text, so a span is
    valid in both.
    """

    start: int
    end: int
    line: int


@frozen(kw_only=True)
class Provenance:
    """Where a value came from: a table cell (``origin="table"``) or a span of prose (``"prose"``)."""

    origin: Origin
    span: Span
    table: Optional[str] = None
    row: Optional[str] = None
    column: Optional[str] = None


@frozen(kw_only=True)
class Figure:
    """One extracted value.

    ``value`` is ``None`` when the source leaves the cell empty; ``null`` then says how
    (``blank``, ``not_applicable`` for "/", ``dash`` for "—", ``none`` for "无"). ``raw`` is the text as
    printed (``"48.7508万元"``); ``unit`` the unit printed with it, if any. Money is a ``Decimal`` in
    万元; counts are ``int``.
    """

    value: Optional[Number]
    raw: str
    source: Provenance
    unit: Optional[str] = None
    null: Optional[str] = None


@frozen(kw_only=True)
class Diagnostic:
    """Something repaired, guessed, or found wrong in a document.

    ``where`` names the place in words a user can find (a flat key, a row and column, a line);
    ``span`` points into the decoded text when the place is a piece of it.
    """

    code: str
    severity: Severity
    message: str
    where: Optional[str] = None
    span: Optional[Span] = None


# --------------------------------------------------------------------------- meta and sections


@frozen(kw_only=True)
class Meta:
    """What the report is: the flat ``meta.*`` keys.

    ``level`` is the issuer's level (``province``, ``prefecture``, ``county``, ``township``,
    ``department``); ``scope`` whether the report is an agency's own (``agency``) or a government's
    aggregate of its subordinates (``government_aggregate``). Both are absent when the name and the
    text do not settle them.
    """

    title: Optional[str] = None
    issuer: Optional[str] = None
    year: Optional[int] = None
    published_on: Optional[_dt.date] = None
    period_start: Optional[_dt.date] = None
    period_end: Optional[_dt.date] = None
    era: Optional[str] = None
    script: Optional[str] = None
    level: Optional[str] = None
    scope: Optional[str] = None
    variant: Optional[str] = None


@frozen(kw_only=True)
class Section:
    """One numbered part of the report: its canonical key, the heading as printed, and its text."""

    key: str
    heading: str
    text: str
    span: Span
    number: Optional[str] = None


@frozen(kw_only=True)
class InputInfo:
    """How the input was read: its encoding (and how that was decided), size and kind."""

    encoding: Optional[str] = None
    encoding_source: Optional[str] = None
    size: int = 0
    kind: str = "text"


# --------------------------------------------------------------------------- table 3


@frozen(kw_only=True)
class ApplicantRow:
    """One row of table 3: the seven applicant columns (data order, not header order)."""

    natural_person: Optional[Figure] = None
    commercial: Optional[Figure] = None
    research: Optional[Figure] = None
    public_welfare: Optional[Figure] = None
    legal_services: Optional[Figure] = None
    other_org: Optional[Figure] = None
    total: Optional[Figure] = None


@frozen(kw_only=True)
class Applications2019:
    """Table 3, 收到和处理政府信息公开申请情况, as printed in the 2019 format (23 data rows).

    ``other`` is the single printed （六）其他处理 row. ``denied``, ``unable`` and ``rejected`` are
    group subtotals the table does not print; they are set only when the source states them
    (typically in prose).
    """

    era: ClassVar[str] = "2019"

    new: Optional[ApplicantRow] = None
    carried_over: Optional[ApplicantRow] = None
    granted: Optional[ApplicantRow] = None
    partial: Optional[ApplicantRow] = None
    denied: Optional[ApplicantRow] = None
    denied_state_secret: Optional[ApplicantRow] = None
    denied_prohibited: Optional[ApplicantRow] = None
    denied_security: Optional[ApplicantRow] = None
    denied_third_party: Optional[ApplicantRow] = None
    denied_internal: Optional[ApplicantRow] = None
    denied_process: Optional[ApplicantRow] = None
    denied_enforcement: Optional[ApplicantRow] = None
    denied_query: Optional[ApplicantRow] = None
    unable: Optional[ApplicantRow] = None
    unable_not_held: Optional[ApplicantRow] = None
    unable_needs_creation: Optional[ApplicantRow] = None
    unable_unclear: Optional[ApplicantRow] = None
    rejected: Optional[ApplicantRow] = None
    rejected_petition: Optional[ApplicantRow] = None
    rejected_duplicate: Optional[ApplicantRow] = None
    rejected_publication: Optional[ApplicantRow] = None
    rejected_excessive: Optional[ApplicantRow] = None
    rejected_confirmation: Optional[ApplicantRow] = None
    other: Optional[ApplicantRow] = None
    processed_total: Optional[ApplicantRow] = None
    carried_forward: Optional[ApplicantRow] = None


@frozen(kw_only=True)
class Applications2021(Applications2019):
    """Table 3 in the 2021 format (25 data rows): （六）其他处理 has three printed sub-rows, and
    ``other`` becomes an unprinted group subtotal like ``denied``."""

    era: ClassVar[str] = "2021"

    other_no_correction: Optional[ApplicantRow] = None
    other_fee_unpaid: Optional[ApplicantRow] = None
    other_misc: Optional[ApplicantRow] = None


# --------------------------------------------------------------------------- table 4


@frozen(kw_only=True)
class ReviewOutcome:
    """Five result columns of one block of table 4."""

    upheld: Optional[Figure] = None
    corrected: Optional[Figure] = None
    other: Optional[Figure] = None
    pending: Optional[Figure] = None
    total: Optional[Figure] = None


@frozen(kw_only=True)
class ReviewLitigation:
    """Table 4, 行政复议、行政诉讼 (the same in the 2019 and 2021 formats): three blocks of five."""

    review: Optional[ReviewOutcome] = None
    litigation_direct: Optional[ReviewOutcome] = None
    litigation_after_review: Optional[ReviewOutcome] = None


# --------------------------------------------------------------------------- table 2


@frozen(kw_only=True)
class DocsMade:
    """2019 table 2, 第二十条第（一）项: 本年新制作数量 / 本年新公开数量 / 对外公开总数量."""

    made: Optional[Figure] = None
    published: Optional[Figure] = None
    total: Optional[Figure] = None


@frozen(kw_only=True)
class ItemsDecisions:
    """2019 table 2, items (五)(六): 上一年项目数量 / 本年增/减 (signed) / 处理决定数量."""

    prev_items: Optional[Figure] = None
    net_change: Optional[Figure] = None
    decisions: Optional[Figure] = None


@frozen(kw_only=True)
class FeeItems:
    """2019 table 2, item (八) 行政事业性收费: 上一年项目数量 / 本年增/减."""

    prev_items: Optional[Figure] = None
    net_change: Optional[Figure] = None


@frozen(kw_only=True)
class Procurement:
    """2019 table 2, item (九) 政府集中采购: 采购项目数量 / 采购总金额 (万元)."""

    projects: Optional[Figure] = None
    amount_wan: Optional[Figure] = None


@frozen(kw_only=True)
class Active2019:
    """Table 2, 主动公开政府信息情况, 2019 format."""

    era: ClassVar[str] = "2019"

    rules: Optional[DocsMade] = None
    normative_docs: Optional[DocsMade] = None
    licensing: Optional[ItemsDecisions] = None
    other_services: Optional[ItemsDecisions] = None
    penalty: Optional[ItemsDecisions] = None
    coercion: Optional[ItemsDecisions] = None
    fees: Optional[FeeItems] = None
    procurement: Optional[Procurement] = None


@frozen(kw_only=True)
class DocsInForce:
    """2021 table 2, 第二十条第（一）项: 本年制发件数 / 本年废止件数 / 现行有效件数."""

    issued: Optional[Figure] = None
    repealed: Optional[Figure] = None
    in_force: Optional[Figure] = None


@frozen(kw_only=True)
class Decisions:
    """2021 table 2, items (五)(六): 本年处理决定数量."""

    decisions: Optional[Figure] = None


@frozen(kw_only=True)
class FeeAmount:
    """2021 table 2, item (八): 本年收费金额 (万元)."""

    amount_wan: Optional[Figure] = None


@frozen(kw_only=True)
class Active2021:
    """Table 2, 主动公开政府信息情况, 2021 format."""

    era: ClassVar[str] = "2021"

    rules: Optional[DocsInForce] = None
    normative_docs: Optional[DocsInForce] = None
    licensing: Optional[Decisions] = None
    penalty: Optional[Decisions] = None
    coercion: Optional[Decisions] = None
    fees: Optional[FeeAmount] = None


# --------------------------------------------------------------------------- era 2008


@frozen(kw_only=True)
class LegacyChannels:
    gazette: Optional[Figure] = None
    website: Optional[Figure] = None
    weibo: Optional[Figure] = None
    weixin: Optional[Figure] = None
    other: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyActive:
    items_total: Optional[Figure] = None
    normative_docs_disclosed: Optional[Figure] = None
    normative_docs_issued: Optional[Figure] = None
    channels: Optional[LegacyChannels] = None


@frozen(kw_only=True)
class LegacyResponse:
    hot_topics: Optional[Figure] = None
    press_conferences: Optional[Figure] = None
    press_conferences_principal: Optional[Figure] = None
    online_interviews: Optional[Figure] = None
    online_interviews_principal: Optional[Figure] = None
    interpretation_articles: Optional[Figure] = None
    weibo_weixin_responses: Optional[Figure] = None
    other_responses: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyApplications:
    received: Optional[Figure] = None
    received_in_person: Optional[Figure] = None
    received_fax: Optional[Figure] = None
    received_online: Optional[Figure] = None
    received_letter: Optional[Figure] = None
    concluded: Optional[Figure] = None
    concluded_on_time: Optional[Figure] = None
    concluded_extended: Optional[Figure] = None
    replied: Optional[Figure] = None
    replied_already_public: Optional[Figure] = None
    replied_granted: Optional[Figure] = None
    replied_partially_granted: Optional[Figure] = None
    replied_denied: Optional[Figure] = None
    denied_state_secret: Optional[Figure] = None
    denied_commercial_secret: Optional[Figure] = None
    denied_privacy: Optional[Figure] = None
    denied_security_stability: Optional[Figure] = None
    denied_not_gov_info: Optional[Figure] = None
    denied_other_legal: Optional[Figure] = None
    replied_not_this_agency: Optional[Figure] = None
    replied_nonexistent: Optional[Figure] = None
    replied_asked_to_amend: Optional[Figure] = None
    replied_other_channel: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyOutcomes:
    total: Optional[Figure] = None
    upheld: Optional[Figure] = None
    corrected: Optional[Figure] = None
    other: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyInstitution:
    dedicated_units: Optional[Figure] = None
    reading_points: Optional[Figure] = None
    staff_total: Optional[Figure] = None
    staff_full_time: Optional[Figure] = None
    staff_part_time: Optional[Figure] = None
    special_funds_wan: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyMeetings:
    meetings: Optional[Figure] = None
    training_sessions: Optional[Figure] = None
    trainees: Optional[Figure] = None


@frozen(kw_only=True)
class LegacyStats:
    """The era-2008 national statistical form (政府信息公开情况统计表), or the same indicators in prose."""

    era: ClassVar[str] = "2008"

    active: Optional[LegacyActive] = None
    response: Optional[LegacyResponse] = None
    applications: Optional[LegacyApplications] = None
    review: Optional[LegacyOutcomes] = None
    litigation: Optional[LegacyOutcomes] = None
    complaints: Optional[Figure] = None
    fees_wan: Optional[Figure] = None
    institution: Optional[LegacyInstitution] = None
    meetings: Optional[LegacyMeetings] = None


# --------------------------------------------------------------------------- the report


@frozen(kw_only=True)
class Extra:
    """A figure a plugin reports beyond the national templates, under its own flat key
    (``legacy.x.<plugin>.<name>`` for era-2008 regional indicators)."""

    key: str
    figure: Figure


@frozen(kw_only=True)
class Report:
    """A parsed report. Build it with the pipeline (:func:`gkparse.parse`), not by hand."""

    source: str
    meta: Meta = field(factory=Meta)
    sections: tuple[Section, ...] = ()
    active: Optional[Union[Active2019, Active2021]] = None
    applications: Optional[Union[Applications2019, Applications2021]] = None
    review_litigation: Optional[ReviewLitigation] = None
    legacy: Optional[LegacyStats] = None
    extras: tuple[Extra, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    input: InputInfo = field(factory=InputInfo)

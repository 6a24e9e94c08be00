"""The records that flow between stages, and the schema of every output table.

The row models (`DocumentRow`, `Item`, `Commitment`, `Link`) *are* the dataset
contract in DESIGN.md: their field order is the CSV column order, and
`minutemine schema` prints their JSON Schema.  `Document` and `Line` are the
in-memory result of ingest and never written as a table.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Status = Literal["ok", "empty", "error"]

ItemKind = Literal[
    "document",  # not emitted: the implicit root
    "agenda_item",  # "Agenda item", "Minute 36", a numbered minute heading
    "section",  # a heading that groups items: "Finance", "Minutes:", "Recommendations"
    "recommendation",  # an item of a numbered list introduced as recommendations/advice
    "request",  # a restated request or question that an answer follows (deck items)
    "response",  # an answer bullet under a request, "Response", "Mayor's Response"
    "question",  # a question raised: "(a) whether ...", "Question 3 – name"
    "resolution",  # what a body resolved/decided: "Cabinet - I. Agrees ..."
    "paragraph",  # a numbered paragraph of a report (1.1, 2.3) or plain prose
    "bullet",  # an unnumbered bullet point not otherwise classified
    "table_row",  # one row of a two-column table ("Issue raised | Response")
]

CommitmentKind = Literal["request", "assurance", "recommendation", "decision", "action"]
RequestStatus = Literal["answered", "partly answered", "outstanding", ""]


class Line(BaseModel):
    """One line of body text (or furniture) with where it came from."""

    text: str
    page: int = 1  # 1-based; text files are one page
    char_start: int  # offset of the line in Document.text
    char_end: int
    source_offset: int = 0  # offset in the decoded source file (text) or in the page text (PDF)
    furniture: bool = False  # running header/footer/page number: metadata, not body
    indent: int = 0  # leading whitespace width in the source: sub-bullets are indented
    bullet: int = 0  # how many bullet marks ("-", "•", "·", "o", symbol glyphs) were stripped
    heading: bool = False  # marked up as a heading in the source ("## ...", "**...**")
    table: bool = False  # a line of a ruled PDF table (a row, or a line of one of its cells)


class Document(BaseModel):
    """What ingest makes of one file."""

    doc_id: str
    source_path: str
    sha256: str
    format: str  # "txt", "md", "pdf", or the unknown extension
    title: str = ""
    body: str = ""  # the council/committee whose paper this is
    meeting_date: str = ""  # ISO 8601
    n_pages: int = 0
    status: Status = "ok"
    error: str = ""
    text: str = ""  # normalised body text, lines joined by "\n"
    lines: list[Line] = Field(default_factory=list)
    furniture: list[str] = Field(default_factory=list)  # distinct furniture lines seen


class DocumentRow(BaseModel):
    """`outputs/documents.csv`: one row per input file, including failures."""

    doc_id: str
    source_path: str
    sha256: str
    format: str
    title: str = ""
    body: str = ""
    meeting_date: str = ""
    n_pages: int = 0
    n_items: int = 0
    n_commitments: int = 0
    status: Status = "ok"
    error: str = ""


class Item(BaseModel):
    """`outputs/items.csv`: one node of the segmentation tree."""

    item_id: str
    doc_id: str
    parent_id: str = ""  # empty for top-level items
    kind: ItemKind
    label: str = ""  # as printed: "2.", "(a)", "I.", "Finance"
    label_path: str  # "2.c", "Finance/4"
    heading: str = ""  # nearest enclosing section heading
    text: str
    page: int = 1
    char_start: int
    char_end: int


class Commitment(BaseModel):
    """`outputs/commitments.csv`: one request, assurance, recommendation, decision or action."""

    commitment_id: str
    doc_id: str
    item_id: str
    kind: CommitmentKind
    label_path: str = ""
    text: str
    actor: str = ""
    addressee: str = ""
    modality: str = ""
    obligation: str = ""
    dates: list[str] = Field(default_factory=list)  # ISO 8601; a range is "start/end"
    deadline: str = ""
    amounts_gbp: list[str] = Field(default_factory=list)  # "1518000"; other currency: "EUR 500"
    people: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    page: int = 1
    char_start: int = 0
    char_end: int = 0
    answers: str = ""  # commitment_id of the request this row answers
    answer_score: float | None = None
    answer_method: str = ""
    status: RequestStatus = ""


class Link(BaseModel):
    """`outputs/links.csv`: a candidate answer→request link above the threshold."""

    answer_id: str
    request_id: str
    score: float
    method: str
    rank: int


class DocResult(BaseModel):
    """Everything the per-document stages (ingest, segment, extract) produce for one file.

    This is the unit that is cached, sent between processes and gathered from Dask.
    """

    document: DocumentRow
    items: list[Item] = Field(default_factory=list)
    commitments: list[Commitment] = Field(default_factory=list)


TABLES: dict[str, type[BaseModel]] = {
    "documents": DocumentRow,
    "items": Item,
    "commitments": Commitment,
    "links": Link,
}

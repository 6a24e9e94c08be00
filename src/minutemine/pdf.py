"""PDF ingest: the text layer of each page, with furniture and hyphenation handled.

(Provisional: plain pypdfium2 text per page.  Furniture, hyphenation, page
continuation and tables are being added.)
"""

from __future__ import annotations

from pathlib import Path

from .ingest import join_lines, lines_from_text, renumber
from .models import Document


def ingest_pdf(path: Path, data: bytes, doc_id: str, digest: str, max_pages: int = 2000) -> Document:
    import pypdfium2 as pdfium

    base = dict(doc_id=doc_id, source_path=str(path), sha256=digest, format="pdf")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return Document(**base, status="error", error=f"cannot open PDF: {exc}")
    lines = []
    for i in range(len(pdf)):
        text = pdf[i].get_textpage().get_text_range()
        lines.extend(lines_from_text(text, page=i + 1))
    lines = renumber(lines)
    return Document(**base, n_pages=len(pdf), text=join_lines(lines), lines=lines)

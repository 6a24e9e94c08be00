"""Segment (provisional stub: one paragraph item per non-blank line; the real tree is being built)."""

from __future__ import annotations

from .models import Document, Item


def segment_document(doc: Document) -> list[Item]:
    items = []
    n = 0
    for line in doc.lines:
        if line.furniture or not line.text:
            continue
        n += 1
        items.append(Item(item_id=f"{doc.doc_id}/{n}", doc_id=doc.doc_id, kind="paragraph",
                          label="", label_path=str(n), text=line.text, page=line.page,
                          char_start=line.char_start, char_end=line.char_end))
    return items

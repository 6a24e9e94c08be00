"""Link (provisional stub: linking is being built)."""

from __future__ import annotations

from .models import Commitment, DocumentRow, Item, Link


def link_commitments(documents: list[DocumentRow], items: list[Item], commitments: list[Commitment]) -> tuple[list[Commitment], list[Link]]:
    return commitments, []

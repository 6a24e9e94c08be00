"""Link (provisional stub: linking is being built)."""

from __future__ import annotations

from .models import Commitment, DocumentRow, Link


def link_commitments(documents: list[DocumentRow], commitments: list[Commitment]) -> tuple[list[Commitment], list[Link]]:
    return commitments, []

"""Extract (provisional stub: the spaCy pattern pipeline is being built)."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Commitment, Document, Item


def extract_commitments(pairs: Iterable[tuple[Document, list[Item]]], model: str = "") -> list[list[Commitment]]:
    return [[] for _ in pairs]

"""Link each story block on its own, and keep each block's links until its papers change.

Answers are only ever looked for inside a story block (`stories.story_blocks`:
councils whose papers name each other), so a block's links are a function of
that block's papers alone.  A weekly re-run that adds one paper re-links the one
block the paper joins; every other block's links come from `BlockLinkCache`,
keyed by what the block holds (each paper's content key) and the package's code.
Blocks also bound what linking holds in memory at once: one block's TF-IDF
matrix, not the whole corpus's.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from .models import Commitment, DocumentRow, Item, Link
from .stories import story_blocks

LINK_FIELDS = ("answers", "answer_score", "answer_method", "status")


class BlockLinks(BaseModel):
    """What linking decided for one block: each commitment's link fields, and the ranked links."""

    fields: dict[str, tuple[str, float | None, str, str]]  # commitment_id -> LINK_FIELDS values
    links: list[Link]


class BlockLinkCache:
    """BlockLinks on disk under `root/<key[:2]>/<key>.json`, written atomically."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.used: set[str] = set()

    def _entry(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> BlockLinks | None:
        self.used.add(key)
        try:
            found = BlockLinks.model_validate_json(self._entry(key).read_bytes())
        except FileNotFoundError:
            return None
        except Exception:  # corrupt or from an older model: link the block again
            self._entry(key).unlink(missing_ok=True)
            return None
        return found

    def put(self, key: str, block: BlockLinks) -> None:
        from .cache import write_atomically

        write_atomically(self._entry(key), block.model_dump_json().encode())

    def prune_unused(self) -> None:
        """Drop blocks this run did not ask for: their papers changed, so they cannot be hit again."""
        if not self.root.is_dir():
            return
        for entry in self.root.glob("*/*.json"):
            if entry.stem not in self.used:
                entry.unlink(missing_ok=True)


def block_key(doc_keys: list[str], code_version: str) -> str:
    """The cache key of a block: its papers' content keys (in any order) and the code.

    >>> block_key(["b", "a"], "v1") == block_key(["a", "b"], "v1")
    True
    >>> block_key(["a", "b"], "v1") == block_key(["a", "b"], "v2")
    False
    """
    digest = hashlib.sha256(f"{code_version}\0".encode())
    for key in sorted(doc_keys):
        digest.update(f"{key}\0".encode())
    return digest.hexdigest()


def link_by_block(documents: list[DocumentRow], items: list[Item], commitments: list[Commitment],
                  doc_key: Callable[[DocumentRow], str] | None = None,
                  cache: BlockLinkCache | None = None) -> tuple[list[Commitment], list[Link]]:
    """`link.link_commitments` run once per story block, each block from `cache` when it holds it.

    `doc_key(document)` must change whenever anything linking reads of that paper
    (its row, items or commitments) changes; without it, or without a cache, every
    block is linked.  Commitments come back in the order given with their link
    fields filled; links sorted by answer id and rank, as `link_commitments` gives them.
    """
    from .cache import tables_version

    block_of_doc = story_blocks(documents, items)
    docs_in: dict[str, list[DocumentRow]] = defaultdict(list)
    for d in documents:
        docs_in[block_of_doc.get(d.doc_id, "")].append(d)
    items_in: dict[str, list[Item]] = defaultdict(list)
    for i in items:
        items_in[block_of_doc.get(i.doc_id, "")].append(i)
    commitments_in: dict[str, list[Commitment]] = defaultdict(list)
    for c in commitments:
        commitments_in[block_of_doc.get(c.doc_id, "")].append(c)

    fields: dict[str, tuple[str, float | None, str, str]] = {}
    links: list[Link] = []
    for block in sorted(docs_in):
        if not commitments_in[block]:
            continue  # nothing to link; nothing to cache
        key = block_key([f"{d.doc_id}\0{doc_key(d)}" for d in docs_in[block]], tables_version()) \
            if doc_key is not None and cache is not None else ""
        found = cache.get(key) if key else None
        if found is None:
            found = link_block(docs_in[block], items_in[block], commitments_in[block])
            if key:
                cache.put(key, found)
        fields.update(found.fields)
        links.extend(found.links)
    linked = link_fields(BlockLinks(fields=fields, links=[]), commitments)
    links.sort(key=lambda link: (link.answer_id, link.rank))
    return linked, links


def link_block(documents: list[DocumentRow], items: list[Item], commitments: list[Commitment]) -> BlockLinks:
    """Link one block's papers: `link.link_commitments`, kept as the fields it set and the links."""
    if not commitments:
        return BlockLinks(fields={}, links=[])
    from .link import link_commitments  # scikit-learn and SciPy load only when a block must be linked

    linked, links = link_commitments(documents, items, commitments)
    return BlockLinks(fields={c.commitment_id: tuple(getattr(c, f) for f in LINK_FIELDS) for c in linked},
                      links=links)


def link_fields(found: BlockLinks, commitments: list[Commitment]) -> list[Commitment]:
    """`commitments` with the answers, scores, methods and statuses linking gave them."""
    return [c.model_copy(update=dict(zip(LINK_FIELDS, found.fields[c.commitment_id])))
            if c.commitment_id in found.fields else c for c in commitments]

"""From the placed tree to Items: name untitled sections, give kinds and label paths.

Kinds follow docs/ITEM_KINDS.md.  All walks use explicit stacks, so a tree
of any depth is safe.
"""

from __future__ import annotations

import re

from . import deadline
from .labels import label_key
from .models import Item
from .segment import Node, clean_name, list_role
from .segment_log import nest_log_lines
from .segment_tree import _norm
from .segment_records import STATUS_KEY, answers_record, asks_record, field_key, says_more_than_a_state
from .table_columns import RECORD_ASK, RECORD_FIELD, RECORD_FIELDS

_ROLE_KIND = {"request": "request", "recommendation": "recommendation", "question": "question",
              "resolution": "resolution", "response": "response"}
_WORD_KIND = {"word:question": "question", "word:request": "request", "word:recommendation": "recommendation",
              "word:statement": "paragraph", "word:item": "agenda_item"}


def walk(root: Node) -> list[Node]:
    """All nodes below `root` in reading order (pre-order), without recursion."""
    out: list[Node] = []
    todo = list(reversed(root.children))
    while todo:
        node = todo.pop()
        out.append(node)
        todo.extend(reversed(node.children))
    return out


def name_untitled_sections(nodes: list[Node]) -> None:
    """Name a section inferred from a restarted numbering.

    The deck announces its work streams as a bullet list ("Provide assurance to cover: …
    Finance, Political, Legal & Governance, Communication, ICT"); an untitled run that follows
    the section named X takes the next name in that list.  Without such a list it takes the
    previous section's name (and a "~2" suffix from the path de-duplication).
    """
    bullets = [n for n in nodes if n.role == "bullet"]
    first_index: dict[str, int] = {}
    for j, b in enumerate(bullets):
        first_index.setdefault(_norm(b.text), j)
    previous = None
    for node in nodes:
        if node.role != "section":
            continue
        if node.anonymous:
            name = ""
            if previous is not None and _norm(previous.name) in first_index:
                j = first_index[_norm(previous.name)]
                if j + 1 < len(bullets):
                    name = clean_name(bullets[j + 1].text)
            node.name = name or (previous.name if previous is not None else "Part")
            node.anonymous = False
        if node.children or node.name:
            previous = node


def _intro_role(parent: Node | None) -> str:
    if parent is None:
        return ""
    if parent.role == "section":
        return parent.list_role or list_role(parent.name)
    if parent.is_intro or parent.is_heading_item and not parent.style.startswith("word:"):
        role = list_role(parent.text)
        if role == "resolution" and parent.parent is not None and parent.parent.is_intro \
                and list_role(parent.parent.text) == "recommendation":
            return "recommendation"  # "Officer Recommendations:" / "That the Committee …" / "1. Approve …"
        return role
    return ""


def assign_kinds(nodes: list[Node]) -> dict[int, str]:
    kinds: dict[int, str] = {}
    # Deck mode: bulleted numbered items answered by bullets are restated requests.
    answered = [n for n in nodes if n.role == "labelled" and n.block.bulleted and n.style == "n."
                and any(c.role == "bullet" for c in n.children)]
    deck = len(answered) >= 3
    previous_sibling: dict[int, Node] = {}
    for node in nodes:
        for a, b in zip(node.children, node.children[1:]):
            previous_sibling[id(b)] = a
    for node in nodes:  # pre-order: parents are decided first
        parent = node.parent
        parent_kind = kinds.get(id(parent), "") if parent is not None else ""
        if node.role == "agenda":
            kind = "agenda_item"
        elif node.role == "section":
            kind = "response" if node.list_role == "response" else "section"
        elif node.role == "table":
            kind = "table_row"
        elif node.role == "prose" and node.list_role == "question":
            kind = "question"  # a question printed in full under its heading (segment_tree.awaits_its_question)
        elif node.role == "prose" and node.list_role in ("request", "response"):
            kind = node.list_role  # a tracker record's asking field and its answer (nest_record_fields)
        elif parent_kind in ("request", "response") and deck and node.role in ("bullet", "labelled", "prose"):
            kind = "response"
        elif node.role == "labelled" and node.list_role == "question":
            kind = "question"  # a numbered question with its reply heading under it (segment_tree.pop_to_pair_parent)
        elif node.role == "labelled":
            role = _intro_role(parent)
            before = previous_sibling.get(id(node))
            if " | " in node.label.rest:
                kind = "table_row"  # "1 | George Foster-Morison | Proposing …" in a public forum table
            elif node.style in _WORD_KIND:
                kind = _WORD_KIND[node.style]
            elif before is not None and before.role == "prose" and before.is_intro \
                    and list_role(before.text) == "resolution":
                kind = "resolution"  # "It was APPROVED" / "2a. Residents Parking - Approve …"
            elif role in _ROLE_KIND:
                kind = _ROLE_KIND[role]
            elif parent_kind == "resolution" and parent.role == "labelled":
                kind = "resolution"  # "2. Residents Parking" / "a. Approve and implement increase …"
            elif parent_kind == "recommendation" and parent.role == "labelled" and not parent.style.startswith("word:"):
                kind = "request"  # "3. That subject to agreement … – a. the DfE will provide …"
            elif deck and node.block.bulleted and node.style == "n." and parent is not None \
                    and parent.role == "section":
                kind = "request"
            elif node.is_heading_item:
                top_level = parent is not None and parent.role in ("root", "section", "agenda")
                kind = ("agenda_item" if node.style == "n" else "section") if top_level else "paragraph"
            else:
                kind = "paragraph"
        elif node.role == "bullet":
            role = _intro_role(parent)
            kind = _ROLE_KIND.get(role, "bullet") if role != "question" else "bullet"
        else:
            kind = "paragraph"
        kinds[id(node)] = kind
    return kinds


def infer_missing_labels(nodes: list[Node]) -> None:
    """Give a bullet that stands where a lettered label was lost its letter.

    The deck's "(a)–(f)" list prints "(b)", "(c)", "(e)" but the text layer lost "(a)",
    "(d)" and "(f)" to bullet glyphs: a bullet between "(c)" and "(e)" is "(d)", one before
    "(b)" is "(a)", and a last bullet right after "(e)" is "(f)".
    """
    for parent in [n for n in nodes if n.children]:
        kids = parent.children
        lettered = [k for k in kids if k.role == "labelled" and k.reading == "letter"]
        if len(lettered) < 2 or len({k.style for k in lettered}) != 1:
            continue
        for i, kid in enumerate(kids):
            if kid.role != "bullet":
                continue
            prev = kids[i - 1] if i else None
            nxt = kids[i + 1] if i + 1 < len(kids) else None
            prev_value = (prev.value if prev.role == "labelled" else prev.inferred_value) if prev else 0
            if nxt is not None and nxt.role == "labelled" and nxt.reading == "letter" and nxt.value == prev_value + 2:
                value = prev_value + 1
            elif nxt is None and prev is not None and prev.role == "labelled" and prev.reading == "letter":
                value = prev_value + 1
            else:
                continue
            kid.inferred_value, kid.inferred_key = value, chr(ord("a") + value - 1)
            kid.role, kid.reading, kid.style = "bullet", "letter", lettered[0].style


def _key(node: Node) -> str:
    if node.role in ("section", "agenda"):
        return clean_name(node.name)
    if node.role == "labelled":
        if node.style.startswith("word:"):
            return clean_name(node.label.printed)
        return label_key(node.label, node.reading, node.value)
    return ""


def assign_paths(nodes: list[Node], prefix_sections: bool) -> dict[int, str]:
    paths: dict[int, str] = {}
    used: dict[str, int] = {}
    unlabelled_count: dict[int, int] = {}
    for node in nodes:
        parent = node.parent
        parent_path = paths.get(id(parent), "") if parent is not None else ""
        key = _key(node)
        if node.role in ("section", "agenda"):
            path = key if parent is None or parent.role in ("root", "agenda") else f"{parent_path}/{key}"
        elif node.inferred_key:
            path = f"{_labelled_base(node, paths, prefix_sections)}{node.inferred_key}"
        elif node.role == "labelled":
            base = _labelled_base(node, paths, prefix_sections)
            joiner = ("/" if node.style.startswith("word:") else ".") if base and not base.endswith("/") else ""
            path = f"{base}{joiner}{key}"
        else:
            n = unlabelled_count[id(parent)] = unlabelled_count.get(id(parent), 0) + 1
            path = f"{parent_path}#{n}"
        path = path or "#"
        seen = used[path] = used.get(path, 0) + 1
        if seen > 1:  # deduplicated here, so children build on the parent's final path
            path = f"{path}~{seen}"
        paths[id(node)] = path
    return paths


def _labelled_base(node: Node, paths: dict[int, str], prefix_sections: bool) -> str:
    compound = node.style in ("n.n", "n(a)")
    ancestor = node.parent
    while ancestor is not None and ancestor.role != "root":
        if ancestor.role == "labelled" and not compound:
            return paths[id(ancestor)]
        if ancestor.role in ("section", "agenda"):
            return paths[id(ancestor)] + "/" if prefix_sections else ""
        ancestor = ancestor.parent
    return ""


def _needs_section_prefix(nodes: list[Node]) -> bool:
    """True when numbering restarts from one section to the next (the deck's work streams)."""
    seen: dict[str, int] = {}
    for node in nodes:
        if node.role != "labelled":
            continue
        section = node.parent
        while section is not None and section.role not in ("section", "agenda", "root"):
            section = section.parent
        key = f"{node.style}:{_key(node)}:{node.level}"
        if key in seen and seen[key] != id(section):
            return True
        seen.setdefault(key, id(section))
    return False


def nest_record_fields(root: Node) -> None:
    """An action tracker printed as records ("Information requested: …" / "Officer: …" / "Update: …" /
    "Status: …"): the fields after a record's asking field go under it, the asking field is a request
    and its answering field ("Update:", "Response:") the response to it, as a reader pairs them.  A record
    with no answering field is left as it is."""
    for node in walk(root) + [root]:
        kids = node.children
        i = 0
        while i < len(kids):
            ask = kids[i]
            i += 1
            if ask.role != "prose" or ask.children or not (RECORD_ASK.match(ask.text) or asks_record(ask.text)):
                continue
            # the fields printed before the asking one ("Ref:", "Meeting:") open the next record when they recur
            opening = {_field_name(f.text) for f in reversed(kids[max(0, i - 1 - RECORD_FIELDS):i - 1])
                       if f.role == "prose" and RECORD_FIELD.match(f.text)}
            fields: list[Node] = []
            for field in kids[i:i + RECORD_FIELDS]:
                if field.role != "prose" or field.children or not RECORD_FIELD.match(field.text) or RECORD_ASK.match(
                        field.text) or _field_name(field.text) in opening | {_field_name(f.text) for f in fields}:
                    break
                fields.append(field)
            # "Status: Complete" answers only a record with no "Update:" or "Management response:" of its own
            answering = [f for f in fields if answers_record(f.text) and not STATUS_KEY.match(field_key(f.text))] or [
                f for f in fields if answers_record(f.text) and says_more_than_a_state(f.text)]
            if not answering:
                continue
            ask.list_role = "request"
            for field in fields:
                field.parent = ask
                field.list_role = "response" if field in answering else ""
            ask.children = fields
            del kids[i:i + len(fields)]


def _field_name(text: str) -> str:
    """
    >>> _field_name("Status: In progress")
    'status'
    """
    return text.split(":", 1)[0].strip().lower()


def tree_to_items(root: Node, doc_id: str) -> list[Item]:
    nest_record_fields(root)
    nest_log_lines(root)
    nodes = walk(root)
    name_untitled_sections(nodes)
    infer_missing_labels(nodes)
    kinds = assign_kinds(nodes)
    paths = assign_paths(nodes, _needs_section_prefix(nodes))
    items: list[Item] = []
    ids: dict[int, str] = {}
    for node in nodes:
        deadline.check()
        path = paths[id(node)]
        item_id = f"{doc_id}/{path}"
        ids[id(node)] = item_id
        block = node.block or _first_block(node)
        heading = ""
        ancestor = node.parent
        while ancestor is not None and ancestor.role != "root":
            if ancestor.role in ("section", "agenda"):
                heading = ancestor.name
                break
            ancestor = ancestor.parent
        if node.role == "labelled":
            label, text = node.label.printed, node.label.rest
        elif node.role in ("section", "agenda"):
            label, text = (node.block.text if node.block else ""), (node.text or node.name)
        else:
            label, text = "", node.text
        items.append(Item(
            item_id=item_id, doc_id=doc_id, parent_id=ids.get(id(node.parent), ""), kind=kinds[id(node)],
            label=label, label_path=path, heading=heading, text=re.sub(r"\s+", " ", text).strip(),
            page=block.page if block else 1, char_start=block.start if block else 0,
            char_end=block.end if block else 0))
    return items


def _first_block(node: Node):
    for child in walk(node):
        if child.block is not None:
            return child.block
    return None

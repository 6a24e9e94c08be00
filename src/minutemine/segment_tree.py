"""Place blocks in the item tree with a stack of open nodes (see `minutemine.segment`).

Every decision looks only at the open stack and a few blocks ahead, so the work is
linear in the number of lines; nothing recurses.
"""

from __future__ import annotations

import re

from . import deadline
from .labels import Label
from .segment import ASK_HEADING_STYLES, MAX_DEPTH, Block, Node, clean_name, list_role, looks_like_title
from .segment_questions import (FOLLOW_UP, INLINE_FOLLOW_UP, asks_in_full, awaits_its_question, question_byline,
                                replies_inline)

_LOOKAHEAD = 4


def _norm(name: str) -> str:
    """Section names compared loosely: "Roles & Responsibilities" == "Roles and Responsibilities"."""
    return re.sub(r"[^a-z]+", " ", name.lower().replace("&", " and ")).strip()


class TreeBuilder:
    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.root = Node(role="root")
        self.stack: list[Node] = [self.root]

    # -- stack helpers -------------------------------------------------------------
    @property
    def top(self) -> Node:
        return self.stack[-1]

    def attach(self, node: Node, push: bool = True) -> Node:
        parent = self.top
        if parent.level >= MAX_DEPTH:  # keep paths bounded: attach deeper items as siblings
            self.stack.pop()
            parent = self.top
        node.parent = parent
        node.level = parent.level + 1
        parent.children.append(node)
        if push:
            self.stack.append(node)
        return node

    def pop_to(self, node: Node) -> None:
        """Close everything above `node` (node stays open; the root is never closed)."""
        while len(self.stack) > 1 and self.stack[-1] is not node:
            self.stack.pop()

    def current_section(self) -> Node | None:
        for node in reversed(self.stack):
            if node.role in ("section", "agenda"):
                return node
        return None

    def next_label(self, i: int) -> Label | None:
        for b in self.blocks[i + 1 : i + 1 + _LOOKAHEAD]:
            if b.label:
                return b.label
            if not (b.marked_heading or looks_like_title(b.text)):
                return None
        return None

    # -- placing blocks --------------------------------------------------------------
    def build(self) -> Node:
        for i, block in enumerate(self.blocks):
            deadline.check()
            if block.known and block.known["kind"] == "skip":
                continue
            if block.table:
                self.place_table_row(block)
            elif block.label is not None:
                self.place_labelled(block, i)
            elif block.known or block.marked_heading or self.is_plain_heading(block, i):
                self.place_heading(block, i)
            elif block.bulleted:
                self.place_bullet(block)
            else:
                self.place_prose(block)
        return self.root

    def is_plain_heading(self, block: Block, i: int) -> bool:
        if block.bulleted or not looks_like_title(block.text):
            return False
        if block.text.startswith("("):  # "(Approved)": a subtitle
            return False
        if question_byline(block.text):  # "Asked by a resident of Brookside ward": a line of the question
            return False
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        standalone = block.blank_before and (block.blank_after or nxt is None)
        return standalone or (nxt is not None and (nxt.label is not None or nxt.bulleted) and block.blank_before)

    def place_table_row(self, block: Block) -> None:
        while not (self.top.is_container or self.top.is_intro or self.top.is_heading_item):
            self.stack.pop()
        self.attach(Node(role="table", block=block, text=block.text), push=False)

    def place_bullet(self, block: Block) -> None:
        while True:
            top = self.top
            if top.is_container or (top.role in ("labelled", "bullet") and top.depth < block.depth):
                break
            if top.role == "prose" and top.is_intro:
                break
            if top.role == "labelled" and (top.is_intro or top.is_heading_item) and top.depth <= block.depth:
                break
            self.stack.pop()
        self.attach(Node(role="bullet", block=block, depth=block.depth, text=block.text))

    def place_prose(self, block: Block) -> None:
        if INLINE_FOLLOW_UP.match(block.text) and self.open_ask_heading(any_question=True) is not None:
            # "Supplementary question: Will the trees be replaced?" in one line: a question of its own
            self.pop_to_pair_parent("question", block.text)
            self.attach(Node(role="prose", block=block, text=block.text, list_role="question"))
            return
        if self.top.role == "prose" and self.top.list_role and replies_inline(block.text):
            self.pop_to_pair_parent("response")  # "Reply: Twelve new trees will be planted …" under its question
            self.attach(Node(role="prose", block=block, text=block.text))
            return
        while True:
            top = self.top
            if top.role == "prose" and top.list_role and top.answered:
                break  # the reply printed after its question goes on
            if top.is_heading_item and top.style in ASK_HEADING_STYLES and in_bodiless_run(top):
                self.stack.pop()  # after a list of one-line questions, prose is about the list
                continue
            if top.is_container or top.is_heading_item:
                break
            if top.is_intro and not top.children:  # "(c) Declarations of interest:" / "None"
                break
            self.stack.pop()
        node = Node(role="prose", block=block, text=block.text)
        if awaits_its_question(self.top) and asks_in_full(block.text) and not question_byline(block.text):
            node.list_role = "question"  # the question printed in full under its heading: its reply nests under it
        self.attach(node)

    def place_heading(self, block: Block, i: int) -> None:
        known = block.known or {}
        name = clean_name(block.text)
        section = self.current_section()
        if known.get("kind") == "agenda_item" or (known.get("level") == 0):
            self.pop_to(self.root)
            self.attach(Node(role="agenda", block=block, name=name, text=block.title or block.text))
            return
        if known.get("level") == 2:  # "Response", "Mayor's Response", "Response 3 – …", "Issue raised"
            self.pop_to_pair_parent(known.get("role", ""), block.text)
            self.attach(Node(role="section", block=block, name=name, text=block.text,
                             list_role=known.get("role", "")))
            return
        if section is not None and _norm(section.name) == _norm(name) and not section.anonymous:
            return  # the same slide title repeated on a continuation slide
        if not known and not block.marked_heading and self.top.role == "section" and not self.top.children \
                and not self.top.anonymous and not self.top.list_role:
            self.attach(Node(role="prose", block=block, text=block.text))  # a subtitle of a title slide
            return
        nxt = self.next_label(i)
        run = self.open_run(section)
        if section is not None and nxt is not None and run is not None and nxt.style == run.style \
                and nxt.value == run.value + 1 and (section.anonymous or section.role == "root"):
            section.name, section.anonymous = name, False  # a slide title printed below its items
            return
        if nxt is not None and nxt.style in ("n(a)", "n.n") and (parent := self.find_compound_parent(nxt)):
            self.pop_to(parent)  # "Transitional Funding" above "2(a)": a subtitle inside item 2
            self.attach(Node(role="section", block=block, name=name, text=block.text), push=False)
            return
        if not known and not block.marked_heading:
            for node in reversed(self.stack):
                if node.is_heading_item and node.style not in ASK_HEADING_STYLES:
                    # PDF minutes: a title inside a numbered minute (a question's heading is not a part)
                    self.pop_to(node)
                    break
            else:
                self.pop_to_level1()
        else:
            self.pop_to_level1()
        node = Node(role="section", block=block, name=name, text=block.text,
                    list_role=known.get("role", ""))
        self.attach(node)

    def pop_to_pair_parent(self, role: str, heading: str = "") -> None:
        """Close what the heading of a question/answer pair ends.

        A reply ("Mayor's Response", "Answer:") goes under the question or request it answers
        if one is open ("Question 3 – name" / its text / "Mayor's Response"); anything else
        ("Issue raised", "Question:", a reply with no question open) goes up to the enclosing
        part (an appendix, a section, an agenda item), closing the previous pair.
        """
        follows_up = bool(FOLLOW_UP.match(heading))
        for node in reversed(self.stack):
            paired = node.role == "section" and node.block is not None and (node.block.known or {}).get("level") == 2
            asked = node.role == "labelled" and node.style in ASK_HEADING_STYLES + ("word:recommendation",) \
                or paired and node.list_role in ("question", "request") or node.role == "prose" and node.list_role
            if role == "response" and not asked and node is self.top and node.role == "labelled" and not node.children \
                    and node.label.rest.rstrip().rstrip("\"”’'").endswith("?"):
                node.list_role = asked = "question"  # "1. What assessment has … made?" / "The Commissioner's response"
            if role == "response" and asked:
                self.pop_to(node)
                self.reopen_question_in_full(node)
                return
            if node.role == "labelled" and node.style in ASK_HEADING_STYLES and not node.block.bulleted or \
                    follows_up and paired and node.list_role in ("question", "request"):
                self.pop_to(node)  # "Supplementary question" is a part of the question it follows
                return
            if node.role in ("root", "agenda") or node.role == "section" and not paired:
                self.pop_to(node)
                return

    def reopen_question_in_full(self, asked: Node) -> None:
        """Put a reply under the question printed in full that it answers: the open question text
        itself, or the last one printed under the open heading (a note after it closed it)."""
        asked.answered = True
        question = asked if asked.role == "prose" else next(
            (c for c in reversed(asked.children) if c.role == "prose" and c.list_role == "question"), None)
        if question is None:
            return
        if question is not asked:
            self.stack.append(question)
        question.answered = True
        if question.parent is not None:
            question.parent.answered = True  # a paragraph after the reply is not its question

    def pop_to_level1(self) -> None:
        for node in reversed(self.stack):
            if node.role in ("root", "agenda"):
                self.pop_to(node)
                return

    def open_run(self, section: Node | None) -> Node | None:
        """The last labelled child of the current section (its numbered run so far)."""
        if section is None:
            return None
        for child in reversed(section.children):
            if child.role == "labelled":
                return child
        return None

    def find_compound_parent(self, label: Label) -> Node | None:
        want = label.parts[:-1]
        for node in reversed(self.stack):
            if node.role == "labelled" and node.label is not None:
                parts = node.label.parts if node.style in ("n.n", "n(a)") else (node.value,)
                if parts == want:
                    return node
        return None

    def place_labelled(self, block: Block, i: int) -> None:
        label = block.label
        style, reading, value = self.read_label(label, i)
        if style.startswith("word:") and style in ("word:minute", "word:agenda"):
            self.pop_to(self.root)
            node = Node(role="agenda", block=block, label=label, style=style, value=value,
                        name=clean_name(label.printed), text=block.text)
            self.attach(node)
            return
        node = Node(role="labelled", block=block, label=label, style=style, reading=reading,
                    value=value, depth=block.depth, text=block.text)
        sibling = self.find_same_style(style, label, value)
        section = self.current_section()
        if sibling is None and style == "n." and section is not None and (run := self.open_run(section)) \
                and run.style == style and (value == 1 or value == run.value + 1):
            sibling = run  # the section's list goes on (or restarts) after prose that closed it
        if sibling is not None and value <= sibling.value and value == 1 \
                and not self.is_restart(sibling, node, sibling.parent) and self.opens_list_below(sibling):
            sibling = None  # "01 David Redgewell" under "6 Public Forum … as follows:": a new list
        if sibling is not None:
            parent = sibling.parent
            if self.is_restart(sibling, node, parent):
                self.pop_to(parent.parent if parent.parent is not None else self.root)
                self.attach(Node(role="section", anonymous=True, name=parent.name))
            elif any(n is sibling for n in self.stack):
                self.pop_to(sibling)
                self.stack.pop()
            else:
                self.pop_to(parent)
            self.attach(node)
            return
        if style in ("n.n", "n(a)") and (parent := self.find_compound_parent(label)) is not None:
            self.pop_to(parent)
            self.attach(node)
            return
        if style in ASK_HEADING_STYLES and not block.bulleted and (asked := self.open_ask_heading()) is not None:
            self.pop_to(asked)  # "Request 3 –" after question 2's reply: the next point, not a part of the reply
            self.stack.pop()
        while True:
            top = self.top
            if style in ASK_HEADING_STYLES and top.role == "labelled" and top.style in ASK_HEADING_STYLES:
                self.stack.pop()  # "Request 3 –" after "Q2:" is the next point, not a part of question 2
                continue
            if top.is_intro and top.children and top.children[-1].role == "prose" \
                    and (style == "n" or looks_like_title(label.rest, max_words=14)):
                self.stack.pop()  # "Members Present:-" / "Councillors: …" is over when "1 Welcome" comes
                continue
            if top.is_container or top.is_intro or top.is_heading_item:
                break
            if top.role in ("labelled", "bullet") and top.depth < block.depth:
                break
            if top.role == "labelled" and top.style != style and value == 1 and not top.children \
                    and not block.bulleted:
                break  # "4. RPS Pay and Display changes …" / "a. Approved …": a list inside item 4
            self.stack.pop()
        if self.top.role == "section" and block.bulleted and style == "n." and value == 1 \
                and self.top.children and not self.top.anonymous and self.top.list_role == "":
            # a bulleted list starting at 1 after other content: a new (untitled) work stream
            self.pop_to_level1()
            self.attach(Node(role="section", anonymous=True, name=""))
        self.attach(node)

    def open_ask_heading(self, any_question: bool = False) -> Node | None:
        """The open question or request heading ("Question 2 – …", "Request 1 –") in the current part, if any;
        with `any_question`, a question's section heading ("Question from Councillor …") or text too."""
        for node in reversed(self.stack):
            if node.role in ("root", "agenda") or node.role == "section" and not node.block:
                return None
            if node.role == "labelled" and node.style in ASK_HEADING_STYLES and not node.block.bulleted:
                return node
            if any_question and node.role in ("section", "prose") and node.list_role == "question":
                return node
        return None

    def opens_list_below(self, node: Node) -> bool:
        """Whether an intro or another list is open inside `node`, so a new "1" starts a nested list."""
        above = False
        for open_node in self.stack:
            if open_node is node:
                above = True
            elif above and (open_node.is_intro or open_node.role == "labelled"):
                return True
        return False

    def is_restart(self, sibling: Node, node: Node, parent: Node) -> bool:
        return (node.style == "n." and node.value == 1 and sibling.value >= 1
                and parent.role == "section" and bool(node.block.bulleted))

    def find_same_style(self, style: str, label: Label, value: int) -> Node | None:
        """The open item the new label continues: same style, preferably the value just before."""
        candidates = []
        for node in reversed(self.stack):
            if node.role == "agenda":
                break
            if node.role != "labelled" or node.style != style:
                continue
            if style == "n.n" and node.label.parts[:-1] != label.parts[:-1]:
                continue
            if style == "n(a)" and node.label.parts[0] != label.parts[0]:
                continue
            candidates.append(node)
        if "|" in label.rest or label.printed.startswith("0"):
            # a table row or a zero-padded "06 Melissa Topping" does not follow minute 5
            candidates = [node for node in candidates if not (
                node.is_heading_item and node.parent is not None and node.parent.role in ("root", "section"))]
        if style in ASK_HEADING_STYLES and candidates:
            return candidates[0]  # questions are taken in any order ("Q64, 65 & 66" then "Q50, 51 & 52")
        for node in candidates:
            if node.value == value - 1:
                return node
        for node in candidates:
            if node.value < value and not (node.is_heading_item and value - node.value > 5):
                return node  # minute 6 is followed by 7 or 9, not by row "40 Maita Robinson"
        return candidates[0] if candidates and candidates[0].value >= value else None

    def read_label(self, label: Label, i: int) -> tuple[str, str, int]:
        """Choose between the readings of an ambiguous label ("i" letter or roman, "I." or 1)."""
        if len(label.values) == 1:
            return label.style, label.values[0][0], label.values[0][1]
        open_same = [n for n in self.stack if n.role == "labelled" and n.style == label.style]
        for reading, value in label.values:
            if any(n.reading == reading and n.value == value - 1 for n in open_same):
                return label.style, reading, value
        nxt = self.next_label(i)
        if label.printed.rstrip(".") in ("I", "l") and nxt is not None and nxt.style == "n." and nxt.value == 2:
            return "n.", "n", 1  # "I." before "2.": a typo for 1
        if nxt is not None and nxt.style == label.style:
            for reading, value in label.values:
                if dict(nxt.values).get(reading) == value + 1:
                    return label.style, reading, value
        reading, value = label.values[-1] if label.printed.strip("().").lower() == "i" else label.values[0]
        return label.style, reading, value


def in_bodiless_run(node: Node) -> bool:
    """Whether `node` ends a run of one-line headings of its style ("Question 1 – A. Name",
    "Question 2 – B. Name", … with no text under any): a list of questions received."""
    siblings = node.parent.children if node.parent is not None else []
    # an open node is its parent's last child: the one before it is [-2] (no scan, no quadratic cost)
    before = siblings[-2] if len(siblings) >= 2 and siblings[-1] is node else None
    return before is not None and before.role == "labelled" and before.style == node.style and not before.children


def blocks_to_tree(blocks: list[Block]) -> Node:
    return TreeBuilder(blocks).build()

"""Build the spaCy pipeline of the extract stage, once per process.

The default pipeline needs no model download: `spacy.blank("en")`, a sentencizer
and one rule component, `minutemine_rules`, whose patterns are data:

- `patterns/entities.jsonl` — bodies (ORG), roles (ROLE) and people (PERSON): phrase
  records (`"pattern": "Torbay Council"`, matched case-insensitively with a
  `PhraseMatcher`) and shape records (`"regex": …` over the text, e.g. "Councillor
  Mrs Beer", "… Scrutiny Committee").  They become `doc.ents`, longest first.
- `patterns/cues.jsonl` — commitment cues, as `doc.spans["cues"]`: label = the kind of
  commitment the cue signals, id = the modality written to the dataset.

Why one component rather than spaCy's `entity_ruler` + `span_ruler`: on the corpus the
two rulers cost 15-30 µs of Python per item around a `PhraseMatcher` call of ~2 µs, and
token patterns with `IN`/`NOT_IN` predicates cost more again (benchmarks/bench_extract.py);
the same `PhraseMatcher` plus C regexes keeps the pipeline near tokenizer speed.
Adding a council's own vocabulary still means adding lines to the JSONL files.

With `model="en_core_web_sm"` (or any installed trained pipeline) its PERSON and ORG
entities are kept where no pattern matched: the patterns win where they overlap.
Nothing is ever downloaded.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

CUES_KEY = "cues"
KEPT_MODEL_LABELS = {"PERSON", "ORG"}


def read_patterns(name: str) -> list[dict[str, Any]]:
    """The records of `patterns/<name>.jsonl`, shipped inside the package.

    >>> read_patterns("cues")[0]["label"]
    'request'
    """
    path = resources.files("minutemine") / "patterns" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=None)
def kind_regexes(name: str, kind: str) -> tuple[re.Pattern[str], ...]:
    """The compiled `regex` of every record of `patterns/<name>.jsonl` whose `kind` is `kind`.

    >>> bool(kind_regexes("lead_ins", "courtesy")[0].search("Thank you for your question."))
    True
    """
    return tuple(re.compile(r["regex"]) for r in read_patterns(name) if r.get("kind") == kind and "regex" in r)


def matches_kind(name: str, kind: str, text: str) -> bool:
    """Whether any regex of that kind in `patterns/<name>.jsonl` finds a match in `text`."""
    return any(regex.search(text) for regex in kind_regexes(name, kind))


class RuleTagger:
    """Entities and cue spans from the JSONL pattern files (see the module docstring)."""

    def __init__(self, nlp: Language, entities: list[dict[str, Any]], cues: list[dict[str, Any]]):
        self.entity_phrases = self._phrase_matcher(nlp, entities)
        self.shapes = {}
        shape_anchors = []
        for r in entities:
            for anchor in r.get("anchors", []):
                self.shapes[anchor] = r
                shape_anchors.append({"label": "SHAPE", "id": anchor, "pattern": anchor})
        self.shape_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for rec in shape_anchors:
            self.shape_matcher.add(f"SHAPE\t{rec['id']}", [nlp.make_doc(rec["pattern"])])
        self.cue_phrases = self._phrase_matcher(nlp, cues)
        self.has_model_entities = "ner" in nlp.pipe_names  # reading doc.ents walks every token

    @staticmethod
    def _phrase_matcher(nlp: Language, records: list[dict[str, Any]]) -> PhraseMatcher:
        matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for r in records:
            if isinstance(r.get("pattern"), str):
                # the match key carries label and id; spaCy interns the string
                matcher.add(f"{r['label']}\t{r.get('id', '')}", [nlp.make_doc(r["pattern"])])
        return matcher

    @staticmethod
    def _spans(doc: Doc, matcher: PhraseMatcher) -> list[Span]:
        out = []
        for key, start, end in matcher(doc):
            label, _, span_id = doc.vocab.strings[key].partition("\t")
            out.append(Span(doc, start, end, label=label, span_id=span_id))
        return out

    def __call__(self, doc: Doc) -> Doc:
        found = self._spans(doc, self.entity_phrases)
        for anchor in self._spans(doc, self.shape_matcher):
            span = self._grow(doc, anchor, self.shapes[anchor.id_])
            if span is not None:
                found.append(span)
        rules = filter_spans(found)
        taken = {i for s in rules for i in range(s.start, s.end)}
        model = [e for e in doc.ents if e.label_ in KEPT_MODEL_LABELS
                 and not any(i in taken for i in range(e.start, e.end))] if self.has_model_entities else []
        doc.ents = sorted(rules + model, key=lambda s: s.start) if rules or model else []
        doc.spans[CUES_KEY] = self._spans(doc, self.cue_phrases)
        return doc


    @staticmethod
    def _grow(doc: Doc, anchor: Span, shape: dict[str, Any]) -> Span | None:
        """Extend a shape's anchor word over the capitalised words beside it.

        Only the few tokens next to an anchor are looked at: walking every token of
        every item (as token patterns or `doc.text` would) costs more than the rest.
        """
        joiners, stop = set(shape.get("joiners", [])), set(shape.get("not_in", []))
        words, step = 0, -1 if shape["extend"] == "left" else 1
        start, end = anchor.start, anchor.end
        i = start - 1 if step < 0 else end
        while 0 <= i < len(doc) and words < shape["max_words"]:
            tok = doc[i]
            if tok.text in stop or not (tok.is_title or tok.text in joiners):
                break
            words += tok.is_title
            start, end = (i, end) if step < 0 else (start, i + 1)
            i += step
        while start < end and doc[start].text in joiners | set(shape.get("not_first", [])):
            start += 1
        while end > start and doc[end - 1].text in joiners:
            end -= 1
        if end - start < 2:
            return None
        return Span(doc, start, end, label=shape["label"], span_id=shape.get("id", ""))


@Language.factory("minutemine_rules")
def make_rule_tagger(nlp: Language, name: str) -> RuleTagger:
    return RuleTagger(nlp, read_patterns("entities"), read_patterns("cues"))


@lru_cache(maxsize=2)
def get_nlp(model: str = "") -> Language:
    """The extract pipeline; built once per process and model name, then reused.

    >>> nlp = get_nlp()
    >>> doc = nlp("Tracey Lee, Chief Executive, will report to Cabinet by 31 March 2018.")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('Chief Executive', 'ROLE'), ('Cabinet', 'ORG')]
    >>> [(s.text, s.label_, s.id_) for s in doc.spans["cues"]]
    [('will', 'action', 'will')]
    """
    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer", "textcat"])
        except OSError as exc:
            raise ValueError(f"spaCy pipeline {model!r} is not installed; install it or run without --model") from exc
    else:
        nlp = spacy.blank("en")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("minutemine_rules", last=True)
    return nlp

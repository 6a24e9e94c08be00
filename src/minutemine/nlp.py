"""Build the spaCy pipeline of the extract stage, once per process.

The default pipeline needs no model download: `spacy.blank("en")`, a
sentencizer, an `entity_ruler` for bodies, roles and titled people
(`patterns/entities.jsonl`) and a `span_ruler` for commitment cues
(`patterns/cues.jsonl`, spans under `doc.spans["cues"]`, label = the kind of
commitment the cue signals, id = the modality written to the dataset).  Adding
a council's own vocabulary means adding lines to those files, not code.

With `model="en_core_web_sm"` (or any installed trained pipeline) its PERSON
and ORG entities are layered under the rule entities: the patterns win where
they overlap, the model adds recall elsewhere.  Nothing is ever downloaded.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

CUES_KEY = "cues"
KEPT_MODEL_LABELS = {"PERSON", "ORG"}


def read_patterns(name: str) -> list[dict[str, Any]]:
    """The records of `patterns/<name>.jsonl`, shipped inside the package.

    >>> read_patterns("cues")[0]["label"]
    'request'
    """
    path = resources.files("minutemine") / "patterns" / f"{name}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@Language.component("minutemine_keep_people_and_orgs")
def keep_people_and_orgs(doc: Doc) -> Doc:
    """Drop a trained model's other entity types (DATE, CARDINAL...): dates and money are ours."""
    doc.ents = [e for e in doc.ents if e.label_ in KEPT_MODEL_LABELS or e.label_ == "ROLE"]
    return doc


def _add_rules(nlp: Language, overwrite: bool) -> None:
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", config={"punct_chars": [".", "!", "?", ";"]})
    ruler_at = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": overwrite},
                         **ruler_at)
    ruler.add_patterns(read_patterns("entities"))
    cues = nlp.add_pipe("span_ruler", name="cue_ruler",
                        config={"spans_key": CUES_KEY, "phrase_matcher_attr": "LOWER"})
    cues.add_patterns(read_patterns("cues"))
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("minutemine_keep_people_and_orgs", last=True)


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
        _add_rules(nlp, overwrite=True)
    else:
        nlp = spacy.blank("en")
        _add_rules(nlp, overwrite=False)
    return nlp

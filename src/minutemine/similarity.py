"""Text similarity for linking: TF-IDF vectors and a blocked nearest-neighbour search.

Texts are first cut to their content words: no English stop words and no framing
words ("provides clarity about", "seeks assurance that": patterns/linking.jsonl), which
say how something is asked, not what.  Two views of each text are then kept.  Word
TF-IDF over Snowball stems (uni- and bigrams) is the *index*: a sparse matrix product
over one block of papers gives every source's nearest targets without a Python loop
over pairs.  Character n-gram TF-IDF (`char_wb`, 3–5) then rescores only those
candidates, so that "staffing"/"staff" or "accountabilities"/"accountability" still
count as the same wording.  The similarity is the mean of the two cosines.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import numpy as np
import snowballstemmer
from scipy import sparse

# Numbering printed before an item ("- 2.", "(a)", "9..", "3(b)", "I.") says where the text
# sits, not what it says; left in, it makes every "2." look alike.
_LEADING_LABEL = re.compile(
    r"^\s*(?:[-•·o*]\s+)*(?:\(?(?:\d+(?:\.\d+)*|[a-z]|[ivxlc]+)\)?[.:)]*\s+)+", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def normalise_for_matching(text: str) -> str:
    """Lower-case text without its leading label, with typographic quotes and dashes made plain.

    >>> normalise_for_matching("- 2. That council seeks assurance – that Torbay’s budget")
    "that council seeks assurance - that torbay's budget"
    >>> normalise_for_matching("(a)   whether this council had the capacity")
    'whether this council had the capacity'
    >>> normalise_for_matching("9.. Provides clarity around contract termination")
    'provides clarity around contract termination'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return " ".join(_LEADING_LABEL.sub("", text, count=1).split()).lower()


@cache
def linking_vocabulary() -> dict[str, dict]:
    """The word lists and patterns of `patterns/linking.jsonl`, by list name."""
    text = resources.files("minutemine").joinpath("patterns/linking.jsonl").read_text(encoding="utf-8")
    return {row["list"]: row for row in map(json.loads, filter(str.strip, text.splitlines()))}


@cache
def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # lazily: importing scikit-learn takes a second

    return frozenset(ENGLISH_STOP_WORDS) | frozenset(linking_vocabulary()["framing_words"]["words"])


_WORD = re.compile(r"[a-z][a-z']*[a-z]")
_STEMMER = snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    return _STEMMER.stemWord(word)


def content_words(text: str) -> list[str]:
    """The words of normalised `text` that say what it is about: no stop or framing words.

    >>> content_words("provides clarity about the political accountabilities within both councils")
    ['political', 'accountabilities', 'councils']
    """
    stop = _stop_words()
    return [w for w in _WORD.findall(text) if w not in stop]


@lru_cache(maxsize=100_000)
def topic_stems(text: str) -> frozenset[str]:
    """The stems of what a raw text is about: its content words, Snowball-stemmed.

    Two texts that share none talk about different things.

    >>> sorted(topic_stems("It was confirmed that the first car permit covered costs"))
    ['car', 'cost', 'cover', 'permit']
    >>> topic_stems("Further consideration was requested on the cut off number") & topic_stems("ringfence money")
    frozenset()
    """
    return frozenset(_stem(w) for w in content_words(normalise_for_matching(text)))


def _stemmed_terms(text: str) -> list[str]:
    """Stemmed unigrams and bigrams of a text that is already reduced to its content words.

    >>> _stemmed_terms("political accountabilities councils")
    ['polit', 'account', 'council', 'polit account', 'account council']
    """
    stems = [_stem(w) for w in text.split()]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:])]


def _word_counter():
    from sklearn.feature_extraction.text import CountVectorizer  # lazily: importing scikit-learn takes a second

    return CountVectorizer(analyzer=_stemmed_terms, dtype=np.float32)


def _char_counter():
    from sklearn.feature_extraction.text import CountVectorizer

    return CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), dtype=np.float32)


def _tfidf_of_repeated_texts(counter, texts: list[str]) -> sparse.csr_matrix:
    """What `TfidfVectorizer(sublinear_tf=True)` with `counter`'s analyser gives for `texts`, counting each distinct text once.

    Large corpora repeat texts (the same paper in many runs, the same boilerplate line in
    every paper); counting the terms of a text is most of the work, so each distinct
    text is counted once and its row copied.  The document frequencies still count every
    copy, and a copied row holds its terms in the same order, so the matrix is the same,
    bit for bit, as vectorising every text.
    """
    from sklearn.feature_extraction.text import TfidfTransformer

    row_of_text: dict[str, int] = {}
    distinct = [row_of_text.setdefault(t, len(row_of_text)) for t in texts]
    counts = counter.fit_transform(list(row_of_text))[np.asarray(distinct, dtype=np.intp)]
    return TfidfTransformer(sublinear_tf=True).fit(counts).transform(counts, copy=False)


@dataclass
class TextIndex:
    """Word and character TF-IDF rows for a fixed list of texts (rows L2-normalised)."""

    words: sparse.csr_matrix
    chars: sparse.csr_matrix

    @classmethod
    def fit(cls, texts: list[str]) -> TextIndex:
        """Vectorise `texts` (normalised, see `normalise_for_matching`).  Deterministic for the same list.

        >>> index = TextIndex.fit(["no impact on service delivery", "no impact upon service delivery", "ict systems"])
        >>> round(float(index.pair_similarity(np.array([0]), np.array([1]))[0]), 2) > 0.5
        True
        >>> float(index.pair_similarity(np.array([0]), np.array([2]))[0]) < 0.1
        True
        """
        texts = [" ".join(content_words(t)) or " " for t in texts]
        try:
            words = _tfidf_of_repeated_texts(_word_counter(), texts)
        except ValueError:  # nothing but stop words in the whole run
            words = sparse.csr_matrix((len(texts), 1), dtype=np.float32)
        chars = _tfidf_of_repeated_texts(_char_counter(), texts)
        return cls(words=words.tocsr(), chars=chars.tocsr())

    def pair_similarity(self, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
        """Mean of word and character cosine for each (sources[i], targets[i]) pair."""
        if len(sources) == 0:
            return np.zeros(0, dtype=np.float32)
        word = np.asarray(self.words[sources].multiply(self.words[targets]).sum(axis=1)).ravel()
        char = np.asarray(self.chars[sources].multiply(self.chars[targets]).sum(axis=1)).ravel()
        return ((word + char) / 2).astype(np.float32)


def nearest_targets(index: TextIndex, sources: np.ndarray, targets: np.ndarray,
                    allowed: AllowedPairs, k: int = 10, min_similarity: float = 0.05,
                    chunk: int = 512) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Yield (source rows, target rows, similarity) for each source's `k` best allowed targets.

    `sources` and `targets` are row numbers of `index` inside one block.  The word
    product ranks candidates; pairs that `allowed` forbids (wrong order in time, wrong
    kinds, the row itself) are masked before ranking, so they never take a place in
    the top k.  Ties are broken by target row (rows are sorted by id), so the result
    does not depend on the order the caller passed things in.
    """
    if len(sources) == 0 or len(targets) == 0:
        return
    target_words = index.words[targets].T.tocsc()
    keep = min(k, len(targets))
    for start in range(0, len(sources), chunk):
        rows = sources[start:start + chunk]
        scores = (index.words[rows] @ target_words).toarray()
        scores[~allowed.mask(rows, targets)] = -1.0
        # The k best by a partial sort, then ordered by (-score, target position) so that
        # equal scores keep target (id) order.
        if keep < scores.shape[1]:
            picked = np.argpartition(-scores, keep - 1, axis=1)[:, :keep]
        else:
            picked = np.tile(np.arange(scores.shape[1]), (len(rows), 1))
        picked_scores = np.take_along_axis(scores, picked, axis=1)
        order = np.take_along_axis(picked, np.lexsort((picked, -picked_scores), axis=1), axis=1)
        top = np.take_along_axis(scores, order, axis=1)
        hit = top > 0
        src = np.repeat(rows, keep).reshape(len(rows), keep)[hit]
        tgt = targets[order][hit]
        if len(src) == 0:
            continue
        similarity = index.pair_similarity(src, tgt)
        good = similarity >= min_similarity
        yield src[good], tgt[good], similarity[good]


@dataclass
class AllowedPairs:
    """Which (source, target) pairs may be linked, as vectorised rules over row attributes.

    A source may answer a target when its kind may answer that kind and it does not
    come before it: in another paper, the source's meeting must not end before the
    target's begins (a month-only date such as "2017-09" spans the month, an unknown
    date spans all time, so an uncertain order never forbids a link); inside one
    paper, it must come later in the text and the kinds must be ones that answer in
    the same paper.
    """

    kind: np.ndarray  # int code per row
    kind_ok: np.ndarray  # [source kind, target kind] -> bool
    first_day: np.ndarray  # float: first possible day of the paper's meeting (-inf if unknown)
    last_day: np.ndarray  # float: last possible day (+inf if unknown)
    doc: np.ndarray  # int code per row
    position: np.ndarray  # char_start in its paper
    same_doc_ok: np.ndarray  # [source kind, target kind] -> bool: may pair inside one paper
    # int code per row of the lead-in whose words were added to its text, -1 for none.  Two
    # items under one lead-in share those words, so inside a paper they pair by structure only.
    lead_in: np.ndarray | None = None

    def mask(self, rows: np.ndarray, targets: np.ndarray) -> np.ndarray:
        sk, tk = self.kind[rows][:, None], self.kind[targets][None, :]
        same_doc = self.doc[rows][:, None] == self.doc[targets][None, :]
        not_before = self.last_day[rows][:, None] >= self.first_day[targets][None, :]
        later_in_paper = (self.position[rows][:, None] > self.position[targets][None, :]) & self.same_doc_ok[sk, tk]
        if self.lead_in is not None:
            row_lead_in = self.lead_in[rows][:, None]
            later_in_paper &= (row_lead_in < 0) | (row_lead_in != self.lead_in[targets][None, :])
        ok = self.kind_ok[sk, tk] & np.where(same_doc, later_in_paper, not_before)
        return ok & (rows[:, None] != targets[None, :])

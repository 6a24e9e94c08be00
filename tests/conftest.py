"""Shared fixtures: paths of the project's own corpus (never files outside this repository)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def text_papers() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def pdf_papers() -> list[Path]:
    return sorted((CORPUS / "pdf").glob("*.pdf"))

"""Shared fixtures: paths of the project's own corpus (never files outside this repository)."""

import shutil
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


@pytest.fixture
def text_corpus(text_papers, tmp_path) -> Path:
    """The five text papers in a folder of their own: the cheap corpus for cache and re-run tests."""
    folder = tmp_path / "papers"
    folder.mkdir()
    for paper in text_papers:
        shutil.copy(paper, folder / paper.name)
    return folder

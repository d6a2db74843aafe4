"""Answer questions from a small document collection: TF-IDF retrieval plus a language model
that is passed in (so tests can use a fake one and nothing touches the network)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

FALLBACK = "I don't know based on the available documents."
INSTRUCTIONS = "Answer the question using only the sources below. Cite sources as [id]."


@dataclass(frozen=True)
class Document:
    doc_id: str
    title: str
    text: str


@dataclass(frozen=True)
class Answer:
    text: str
    sources: list[str]  # ids of the passages given to the model, in retrieval order
    cited: list[str]  # ids the reply cites that are among the sources, first citation first
    unknown_citations: list[str]  # ids the reply cites that are not among the sources


class Retriever:
    """TF-IDF vectors of every document's title and text; cosine similarity to a query."""

    def __init__(self, documents: Sequence[Document]) -> None:
        raise NotImplementedError

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Up to `k` (doc_id, score) pairs with score > 0, best first, ties in document order."""
        raise NotImplementedError


def build_prompt(question: str, passages: Sequence[Document]) -> str:
    """The exact prompt sent to the model."""
    raise NotImplementedError


def answer(
    question: str,
    retriever: Retriever,
    model: Callable[[str], str],
    *,
    k: int = 3,
    min_score: float = 0.1,
) -> Answer:
    """Retrieve, ask the model with the passages, and check what it cites."""
    raise NotImplementedError

"""Answer questions from a small document collection: TF-IDF retrieval plus a language model
that is passed in (so tests can use a fake one and nothing touches the network)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

FALLBACK = "I don't know based on the available documents."
INSTRUCTIONS = "Answer the question using only the sources below. Cite sources as [id]."
_CITATION = re.compile(r"\[([^\[\]\s]+)\]")


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
        if not documents:
            raise ValueError("at least one document is required")
        self.documents = list(documents)
        self._vectorizer = TfidfVectorizer(stop_words="english")
        self._matrix = self._vectorizer.fit_transform(f"{d.title} {d.text}" for d in self.documents)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        """Up to `k` (doc_id, score) pairs with score > 0, best first, ties in document order."""
        if k < 1:
            raise ValueError("k must be at least 1")
        scores = (self._matrix @ self._vectorizer.transform([query]).T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")
        return [(self.documents[i].doc_id, float(scores[i])) for i in order[:k] if scores[i] > 0]


def build_prompt(question: str, passages: Sequence[Document]) -> str:
    """The exact prompt sent to the model."""
    blocks = [f"[{d.doc_id}] {d.title}\n{d.text}" for d in passages]
    return "\n\n".join([INSTRUCTIONS, *blocks, f"Question: {question}\nAnswer:"])


def _citations(reply: str) -> list[str]:
    seen: list[str] = []
    for doc_id in _CITATION.findall(reply):
        if doc_id not in seen:
            seen.append(doc_id)
    return seen


def answer(
    question: str,
    retriever: Retriever,
    model: Callable[[str], str],
    *,
    k: int = 3,
    min_score: float = 0.1,
) -> Answer:
    """Retrieve, ask the model with the passages, and check what it cites."""
    question = question.strip()
    if not question:
        raise ValueError("the question is empty")
    by_id = {d.doc_id: d for d in retriever.documents}
    hits = [doc_id for doc_id, score in retriever.search(question, k) if score >= min_score]
    if not hits:
        return Answer(FALLBACK, [], [], [])
    reply = model(build_prompt(question, [by_id[doc_id] for doc_id in hits])).strip()
    cited = _citations(reply)
    return Answer(
        text=reply,
        sources=hits,
        cited=[c for c in cited if c in hits],
        unknown_citations=[c for c in cited if c not in hits],
    )

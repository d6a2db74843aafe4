import pytest
from rag import FALLBACK, INSTRUCTIONS, Answer, Document, Retriever, answer, build_prompt

DOCS = [
    Document("ret-1", "Returns", "You can return unused items within 30 days for a full refund."),
    Document("del-2", "Delivery times", "Standard delivery takes 3 to 5 working days."),
    Document("pay-3", "Payment", "Refunds go back to the original payment method."),
]


class FakeModel:
    def __init__(self, reply):
        self.reply = reply
        self.prompts = []

    def __call__(self, prompt):
        self.prompts.append(prompt)
        return self.reply


def test_search_ranks_and_drops_zero_scores():
    hits = Retriever(DOCS).search("how long does delivery take", 3)
    assert [doc_id for doc_id, _ in hits] == ["del-2"]
    assert hits[0][1] == pytest.approx(0.6829, abs=1e-4)
    assert Retriever(DOCS).search("zebra", 3) == []


def test_search_needs_documents_and_a_positive_k():
    with pytest.raises(ValueError):
        Retriever([])
    with pytest.raises(ValueError):
        Retriever(DOCS).search("delivery", 0)


def test_prompt_format():
    prompt = build_prompt("When?", [DOCS[1], DOCS[0]])
    assert prompt == (
        f"{INSTRUCTIONS}\n\n[del-2] Delivery times\nStandard delivery takes 3 to 5 working days.\n\n"
        "[ret-1] Returns\nYou can return unused items within 30 days for a full refund.\n\n"
        "Question: When?\nAnswer:"
    )


def test_answer_checks_citations():
    model = FakeModel(" Refunds go back to your card [pay-3] (see also [faq-9]). ")
    result = answer("How do refunds work?", Retriever(DOCS), model)
    assert result == Answer(
        "Refunds go back to your card [pay-3] (see also [faq-9]).", ["pay-3"], ["pay-3"], ["faq-9"]
    )
    assert len(model.prompts) == 1
    assert model.prompts[0] == build_prompt("How do refunds work?", [DOCS[2]])


def test_no_sources_means_no_model_call():
    model = FakeModel("made up")
    assert answer("zebra crossings?", Retriever(DOCS), model) == Answer(FALLBACK, [], [], [])
    assert model.prompts == []


def test_empty_question_is_rejected():
    with pytest.raises(ValueError):
        answer("   ", Retriever(DOCS), FakeModel("x"))

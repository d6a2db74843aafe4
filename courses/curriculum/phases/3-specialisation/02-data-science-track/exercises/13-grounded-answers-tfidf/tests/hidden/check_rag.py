"""Hidden checks: they record what the code does; the grader compares with the reference."""

import re

import pytest
from rag import Document, Retriever, answer, build_prompt

HELP = [
    Document("acct-1", "Creating an account", "Sign up with your email address and choose a password."),
    Document("acct-2", "Password reset", "Forgot your password? Use the reset link; it expires after one hour."),
    Document("ship-1", "Shipping countries", "We ship to every country in the European Union and to Norway."),
    Document("ship-2", "Shipping costs", "Shipping is free above 50 euros; below that it costs 4.90 euros."),
    Document("ship-3", "Tracking a parcel", "Every parcel gets a tracking number by email once it ships."),
    Document("ret-1", "Returning an item", "Return unused items within 30 days; print the return label."),
    Document("ret-2", "Refund timing", "Refunds reach your bank account within 5 working days of the return."),
    Document("pay-1", "Payment methods", "Pay by card, bank transfer or invoice for business customers."),
    Document("pay-2", "Invoices", "Business customers receive an invoice by email with every order."),
    Document("dup-a", "Gift cards", "Gift cards never expire and can be used for any order."),
    Document("dup-b", "Gift cards", "Gift cards never expire and can be used for any order."),
]


class Recorder:
    """A fake language model: remembers every prompt and answers from the first source."""

    def __init__(self, suffix=""):
        self.prompts = []
        self.suffix = suffix

    def __call__(self, prompt):
        self.prompts.append(prompt)
        ids = re.findall(r"^\[([^\]]+)\] ", prompt, flags=re.MULTILINE)
        return f"  According to [{ids[0]}], yes.{self.suffix}\n"


def record_answer(observe, result):
    observe((result.text, result.sources, result.cited, result.unknown_citations))


@pytest.mark.parametrize(
    ("query", "k"),
    [("How much does shipping cost?", 3), ("reset password link", 2), ("gift cards expire", 5),
     ("business invoice email", 4), ("parcel", 10), ("quantum physics", 3), ("the and of", 3)],
)
def check_search_scores_and_order(observe, query, k):
    hits = Retriever(HELP).search(query, k)
    observe([doc_id for doc_id, _ in hits])
    observe([round(score, 6) for _, score in hits], tol=1e-6)
    observe([type(score).__name__ for _, score in hits[:1]])


def check_retriever_rules(observe):
    observe.raises(Retriever, [])
    retriever = Retriever(tuple(HELP[:3]))
    observe([d.doc_id for d in retriever.documents])
    observe(type(retriever.documents).__name__)
    for k in [0, -2]:
        observe.raises(retriever.search, "password", k)
    observe(retriever.search("password", 1))  # the title counts too


def check_prompt_text(observe):
    observe(build_prompt("Do you ship to Norway?", [HELP[2], HELP[3]]))
    observe(build_prompt("Anything?", [HELP[0]]))


def check_answer_with_sources(observe):
    model = Recorder(" Also [ship-2], [ship-1] and [ship-9] and [not an id] and [[ret-1]].")
    result = answer("  What does shipping cost below 50 euros?  ", Retriever(HELP), model, k=3)
    record_answer(observe, result)
    observe(model.prompts)


def check_min_score_is_inclusive(observe):
    retriever = Retriever(HELP)
    question = "refund bank account"
    scores = dict(retriever.search(question, 5))
    observe(sorted(scores))
    second = sorted(scores.values())[-2]
    for min_score in [second, second + 1e-9, 0.0, 0.999]:
        model = Recorder()
        record_answer(observe, answer(question, retriever, model, k=5, min_score=min_score))
        observe(len(model.prompts))


def check_fallback_and_errors(observe):
    retriever = Retriever(HELP)
    model = Recorder()
    record_answer(observe, answer("zebra migration", retriever, model))
    record_answer(observe, answer("gift", retriever, model, min_score=0.9))
    observe(len(model.prompts))
    for question in ["", "   \n\t"]:
        observe.raises(answer, question, retriever, model)
    observe(len(model.prompts))


def check_ties_and_k(observe):
    retriever = Retriever(HELP)
    model = Recorder(" [dup-b] [dup-a] [dup-b]")
    record_answer(observe, answer("gift cards", retriever, model, k=1))
    record_answer(observe, answer("gift cards", retriever, model, k=2))
    observe(model.prompts[-1])


def check_the_default_number_of_passages(observe):
    shop = [Document(f"s-{n}", f"Shipping note {n}", f"Shipping option {n} ships parcels.") for n in range(6)]
    model = Recorder()
    record_answer(observe, answer("shipping parcels", Retriever(shop), model, min_score=0.0))
    observe(len(re.findall(r"^\[s-\d\] ", model.prompts[0], flags=re.MULTILINE)))

import pytest
from wordfreq import tokenize, top_words, word_counts


def test_tokenize_lowercases_and_strips_punctuation():
    assert tokenize("The cat -- the CAT!") == ["the", "cat", "the", "cat"]


def test_tokenize_keeps_inner_apostrophes():
    assert tokenize("Don't panic.") == ["don't", "panic"]


def test_word_counts_simple():
    assert word_counts("a b a") == {"a": 2, "b": 1}


def test_word_counts_empty_text():
    assert word_counts("") == {}


def test_top_words_orders_by_count():
    assert top_words("b a c b a b", 2) == [("b", 3), ("a", 2)]


def test_top_words_rejects_negative_n():
    with pytest.raises(ValueError):
        top_words("a b", -1)

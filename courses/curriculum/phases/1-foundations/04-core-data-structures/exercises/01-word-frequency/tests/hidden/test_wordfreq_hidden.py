from wordfreq import tokenize, top_words, word_counts


def test_ties_are_alphabetical():
    assert top_words("pear apple fig apple pear fig", 3) == [
        ("apple", 2),
        ("fig", 2),
        ("pear", 2),
    ]


def test_top_words_with_large_and_zero_n():
    assert top_words("one two", 10) == [("one", 1), ("two", 1)]
    assert top_words("one two", 0) == []


def test_tokenize_drops_pure_punctuation_and_handles_newlines():
    assert tokenize("Hello,\n  world ... - !") == ["hello", "world"]


def test_word_counts_is_case_insensitive():
    assert word_counts("Go go GO!") == {"go": 3}

"""Hidden checks: they record what the code does; the grader compares with the reference."""

import pytest
from wordfreq import tokenize, top_words, word_counts


@pytest.mark.parametrize(
    "text",
    [
        "Hello,\n  world ... - !",
        "\t(Quoted)\t'single' \"double\" [x]",
        "e-mail isn't re-used; COVID-19!",
        "...wait... what?!",
        "Caf\u00e9 \u201cfancy\u201d STRASSE Stra\u00dfe",
        "",
        "  -- ** !! ",
    ],
)
def check_tokenize_strips_only_the_ends(observe, text):
    observe(tokenize(text))


def check_word_counts_merge_cases_and_punctuation(observe):
    observe(word_counts("Go go GO! go."))
    observe(word_counts("a\nb\ta  B"))
    observe(word_counts(" ... "))
    observe(word_counts("It's its it's, ITS"))


def check_top_words_ranking_and_ties(observe):
    text = "pear apple fig apple pear fig kiwi kiwi kiwi date"
    observe(top_words(text, 3))
    observe(top_words(text, 1))
    observe(top_words(text, 5))
    observe(top_words(text, 50))
    observe(top_words(text, 0))
    observe(top_words("", 3))
    observe(top_words("b B a A c", 2))


@pytest.mark.parametrize("n", [-1, -10])
def check_top_words_rejects_negative_n(observe, n):
    observe.raises(top_words, "a b", n)
    observe(top_words("z y z", -n))

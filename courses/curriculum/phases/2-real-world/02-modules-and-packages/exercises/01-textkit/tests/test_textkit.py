import pytest
import textkit
import textkit.cleaning as cleaning
import textkit.stats as stats


def test_normalise_whitespace():
    assert cleaning.normalise_whitespace("  a \n\t b  ") == "a b"
    assert cleaning.normalise_whitespace("") == ""


def test_words_lowercase_and_keep_inner_apostrophes():
    assert cleaning.words("Don't stop_now, 'Bob'!") == ["don't", "stop", "now", "bob"]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hello, World!", "hello-world"),
        ("Café au Lait -- Don't Panic!", "cafe-au-lait-dont-panic"),
        ("  Python   3.12 release ", "python-3-12-release"),
        ("!!!", ""),
    ],
)
def test_slugify(text, slug):
    assert cleaning.slugify(text) == slug


def test_word_count_and_top_words():
    text = "the cat and the hat and the bat"
    assert stats.word_count(text) == 8
    assert stats.top_words(text, 2) == [("the", 3), ("and", 2)]
    assert stats.top_words(text) == [("the", 3), ("and", 2), ("bat", 1)]


def test_reading_time_rounds_up():
    assert stats.reading_time("word " * 200) == 1
    assert stats.reading_time("word " * 201) == 2
    assert stats.reading_time("word " * 450) == 3
    assert stats.reading_time("") == 0


def test_package_reexports_public_functions():
    assert textkit.slugify is cleaning.slugify
    assert textkit.top_words is stats.top_words
    assert sorted(textkit.__all__) == [
        "normalise_whitespace",
        "reading_time",
        "slugify",
        "top_words",
        "word_count",
        "words",
    ]
    assert textkit.__version__ == "1.0.0"

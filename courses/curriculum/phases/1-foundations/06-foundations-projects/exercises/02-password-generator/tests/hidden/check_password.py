"""Hidden checks: they record what the code does; the grader compares with the reference."""

import random

import pytest
from password import character_pools, entropy_bits, generate_from_answers, generate_password


def message_of(function, *args, **kwargs):
    """The text of the exception `function` raises ("" when it returns)."""
    try:
        function(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - the message is what we look at
        return str(error)
    return ""


def check_character_pools(observe):
    observe(character_pools())
    observe(character_pools(symbols=True))
    observe(character_pools(lowercase=False, digits=False, symbols=True))
    observe(character_pools(exclude_ambiguous=True, symbols=True))
    observe(character_pools(lowercase=False, uppercase=False, exclude_ambiguous=True))
    observe.raises(character_pools, lowercase=False, uppercase=False, digits=False)
    observe.raises(
        character_pools, lowercase=False, uppercase=False, digits=False, exclude_ambiguous=True
    )


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
def check_seeded_passwords_follow_the_recipe(observe, seed):
    observe(generate_password(rng=random.Random(seed)))
    observe(generate_password(4, symbols=True, rng=random.Random(seed)))
    observe(generate_password(128, symbols=True, exclude_ambiguous=True, rng=random.Random(seed)))
    observe(
        generate_password(
            9, lowercase=False, uppercase=False, exclude_ambiguous=True, rng=random.Random(seed)
        )
    )
    observe(generate_password(5, uppercase=False, digits=False, symbols=True, rng=random.Random(seed)))


def check_default_generator_keeps_the_rules(observe):
    passwords = [generate_password(6, symbols=True) for _ in range(30)]
    observe(sorted({len(p) for p in passwords}))
    observe(
        all(
            any(c.islower() for c in p)
            and any(c.isupper() for c in p)
            and any(c.isdigit() for c in p)
            and any(not c.isalnum() for c in p)
            for p in passwords
        )
    )
    observe(len(generate_password()))


@pytest.mark.parametrize("length", [3, 0, -4, 129, 1000])
def check_length_limits(observe, length):
    observe.raises(generate_password, length, rng=random.Random(1))
    observe.raises(generate_password, length, lowercase=False, uppercase=False, digits=False)
    observe(len(generate_password(4 if length < 4 else 128, rng=random.Random(1))))


def check_no_class_is_an_error(observe):
    observe.raises(generate_password, 10, lowercase=False, uppercase=False, digits=False)
    observe(generate_password(6, lowercase=False, uppercase=False, rng=random.Random(3)))


def check_entropy(observe):
    for length, size in [(16, 62), (1, 2), (10, 1), (128, 75), (8, 26), (12, 10)]:
        observe(entropy_bits(length, size))
    for length, size in [(0, 10), (8, 0), (-1, 5), (3, -2)]:
        observe.raises(entropy_bits, length, size)


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"length": "12", "symbols": "yes"},
        {"length": " 20 ", "symbols": " Y ", "ambiguous": "NO"},
        {"length": "4", "symbols": "n", "ambiguous": "no"},
        {"symbols": "N", "ambiguous": "Yes"},
        {"length": "128", "ambiguous": "n"},
    ],
)
def check_answers_become_passwords(observe, answers):
    observe(generate_from_answers(answers, rng=random.Random(5)))


@pytest.mark.parametrize(
    ("answers", "key"),
    [
        ({"length": "long"}, "length"),
        ({"length": "12.5"}, "length"),
        ({"length": ""}, "length"),
        ({"symbols": "maybe"}, "symbols"),
        ({"symbols": ""}, "symbols"),
        ({"ambiguous": "sure"}, "ambiguous"),
        ({"length": "3"}, None),
        ({"length": "200"}, None),
    ],
)
def check_bad_answers(observe, answers, key):
    observe.raises(generate_from_answers, answers, rng=random.Random(0))
    if key:
        observe(key in message_of(generate_from_answers, answers, rng=random.Random(0)))
    observe(generate_from_answers({"length": "6"}, rng=random.Random(len(answers))))

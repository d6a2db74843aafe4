import random
import string

import pytest
from password import (
    AMBIGUOUS,
    DIGITS,
    character_pools,
    entropy_bits,
    generate_from_answers,
    generate_password,
)


def test_no_classes_selected_is_an_error():
    with pytest.raises(ValueError):
        character_pools(lowercase=False, uppercase=False, digits=False)
    with pytest.raises(ValueError):
        generate_password(10, lowercase=False, uppercase=False, digits=False)


def test_every_class_present_even_at_minimum_length():
    for seed in range(50):
        password = generate_password(4, symbols=True, rng=random.Random(seed))
        assert len(password) == 4
        assert len({_class_of(c) for c in password}) == 4


def test_digits_only_without_ambiguous():
    password = generate_password(
        30, lowercase=False, uppercase=False, exclude_ambiguous=True, rng=random.Random(7)
    )
    assert set(password) <= set(DIGITS) - set(AMBIGUOUS)
    assert character_pools(lowercase=False, uppercase=False, exclude_ambiguous=True) == ["23456789"]


def test_guaranteed_characters_are_shuffled():
    # With only lowercase + digits, a digit would always sit in one fixed place if the
    # guaranteed characters were not shuffled.
    positions = set()
    for seed in range(40):
        password = generate_password(6, uppercase=False, rng=random.Random(seed))
        positions.update(i for i, c in enumerate(password) if c.isdigit())
    assert len(positions) > 3


def test_answers_validation_and_defaults():
    assert len(generate_from_answers({}, rng=random.Random(3))) == 16
    excluded = generate_from_answers({"length": "40", "ambiguous": "NO"}, rng=random.Random(3))
    assert not set(excluded) & set(AMBIGUOUS)
    with pytest.raises(ValueError, match="length"):
        generate_from_answers({"length": "long"})
    with pytest.raises(ValueError, match="symbols"):
        generate_from_answers({"symbols": "maybe"})


def test_entropy_rejects_bad_sizes():
    with pytest.raises(ValueError):
        entropy_bits(0, 10)
    with pytest.raises(ValueError):
        entropy_bits(8, 0)
    assert entropy_bits(1, 2) == 1.0


def _class_of(c):
    if c in string.ascii_lowercase:
        return "lower"
    if c in string.ascii_uppercase:
        return "upper"
    if c in string.digits:
        return "digit"
    return "symbol"

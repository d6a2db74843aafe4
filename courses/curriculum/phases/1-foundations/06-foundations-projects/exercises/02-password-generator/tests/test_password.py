import random
import string

import pytest
from password import (
    AMBIGUOUS,
    SYMBOLS,
    character_pools,
    entropy_bits,
    generate_from_answers,
    generate_password,
)


def test_default_password_has_length_and_classes():
    password = generate_password()
    assert len(password) == 16
    assert any(c in string.ascii_lowercase for c in password)
    assert any(c in string.ascii_uppercase for c in password)
    assert any(c in string.digits for c in password)
    assert not any(c in SYMBOLS for c in password)


def test_symbols_are_included_when_asked():
    for seed in range(20):
        password = generate_password(8, symbols=True, rng=random.Random(seed))
        assert any(c in SYMBOLS for c in password)


def test_ambiguous_characters_can_be_excluded():
    for seed in range(20):
        password = generate_password(64, exclude_ambiguous=True, rng=random.Random(seed))
        assert not set(password) & set(AMBIGUOUS)


def test_same_seed_gives_same_password():
    assert generate_password(20, rng=random.Random(42)) == generate_password(
        20, rng=random.Random(42)
    )


@pytest.mark.parametrize("length", [3, 0, 129])
def test_length_limits(length):
    with pytest.raises(ValueError):
        generate_password(length)


def test_character_pools_and_entropy():
    assert character_pools(uppercase=False, digits=False) == [string.ascii_lowercase]
    assert entropy_bits(16, 62) == 95.3


def test_generate_from_answers():
    password = generate_from_answers({"length": "12", "symbols": "yes"}, rng=random.Random(1))
    assert len(password) == 12
    assert any(c in SYMBOLS for c in password)

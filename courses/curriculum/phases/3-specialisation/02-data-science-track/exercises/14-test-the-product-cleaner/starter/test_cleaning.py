"""Tests for cleaning.py: extend this suite until every rule of README.md is pinned down."""

import pandas as pd
import pytest
from cleaning import clean_products, latest_per_key, normalise_country, parse_price


def test_parse_a_plain_price():
    assert parse_price("12.50") == 12.5


# Add tests for blanks, the euro sign and thousands separators, invalid and negative prices,
# rounding, country aliases and codes, latest_per_key (latest, ties, index) and
# clean_products.

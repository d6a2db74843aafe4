"""Tests for backoff.py. A skeleton: it passes, but it would not catch a single bug."""

from backoff import backoff_delays, retry


def test_a_successful_operation_returns_its_result():
    assert retry(lambda: 42, sleep=lambda delay: None) is not None


def test_delays_are_a_list():
    assert isinstance(backoff_delays(3), list)

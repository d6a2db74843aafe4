"""API test fixtures (shared with tests/api)."""

from tests.api.fixtures import *  # noqa: F403

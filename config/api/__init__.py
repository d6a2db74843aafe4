"""Conventions every /api/v1/ endpoint shares: problem-details errors, pagination, throttles
and the OpenAPI schema class."""

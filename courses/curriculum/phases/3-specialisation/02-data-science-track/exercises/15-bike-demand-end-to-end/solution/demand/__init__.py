"""Hourly bike-share demand: from a messy CSV to a model, a baseline and a written report."""

"""Run untrusted learner code under bubblewrap. Plain Python: no Django imports."""

from .quality import Finding, QualityResult, run_quality
from .report import Outcome, SandboxFile, SandboxResult, TestResult
from .runner import Limits, SandboxUnavailable, check_sandbox, run_tests

__all__ = [
    "Finding",
    "Limits",
    "Outcome",
    "QualityResult",
    "SandboxFile",
    "SandboxResult",
    "SandboxUnavailable",
    "TestResult",
    "check_sandbox",
    "run_quality",
    "run_tests",
]

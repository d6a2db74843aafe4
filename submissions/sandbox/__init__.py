"""Run untrusted learner code under bubblewrap. Plain Python: no Django imports."""

from .isolation import Limits, SandboxUnavailable
from .quality import Finding, QualityResult, run_quality
from .report import Outcome, SandboxFile, SandboxResult, TestResult
from .runner import AnswerKeyError, check_sandbox, grade_submission, record_answer_key
from .runtimes import Runtime, RuntimeUnavailable
from .verdict import AnswerKey

__all__ = [
    "AnswerKey",
    "AnswerKeyError",
    "Finding",
    "Limits",
    "Outcome",
    "QualityResult",
    "Runtime",
    "RuntimeUnavailable",
    "SandboxFile",
    "SandboxResult",
    "SandboxUnavailable",
    "TestResult",
    "check_sandbox",
    "grade_submission",
    "record_answer_key",
    "run_quality",
]

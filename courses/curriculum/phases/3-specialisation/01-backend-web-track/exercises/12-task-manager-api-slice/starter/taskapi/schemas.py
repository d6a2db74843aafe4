"""Request and response bodies (Pydantic models): see README.md.

Suggested: Credentials (email, password), UserOut, TaskIn, TaskPatch, TaskOut.
"""

from __future__ import annotations

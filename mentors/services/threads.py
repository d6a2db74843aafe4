"""What every message and line comment goes through, in review rounds and feedback
requests alike."""

from __future__ import annotations

from accounts.models import User
from mentors import selectors
from mentors.errors import PostingTooFast


def thread_post_check(*, author: User) -> None:
    """Refuse a post beyond the author's rate (selectors.thread_posts_refusal): each post
    notifies someone, by email too, so a script or a stuck key cannot flood a mentor."""
    if refusal := selectors.thread_posts_refusal(author=author):
        raise PostingTooFast(refusal)

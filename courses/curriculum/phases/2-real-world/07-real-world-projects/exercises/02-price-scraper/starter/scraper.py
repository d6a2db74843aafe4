"""Collect product names and prices from shop pages, politely.

Read README.md for the page structure and the rules.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser  # noqa: F401 - you will need it
from urllib.robotparser import RobotFileParser  # noqa: F401 - you will need it


@dataclass(frozen=True)
class Product:
    name: str
    price: Decimal


@dataclass
class ScrapeResult:
    products: dict[str, list[Product]] = field(default_factory=dict)
    disallowed: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)


def parse_price(text: str) -> Decimal | None:
    """The first number in `text` ("£1,299.99" -> 1299.99), or None if there is none."""
    raise NotImplementedError


def parse_products(html: str) -> list[Product]:
    """Every product on the page that has both a name and a readable price."""
    raise NotImplementedError


def can_fetch(robots_txt: str, url: str, user_agent: str) -> bool:
    """Whether robots.txt allows `user_agent` to fetch `url`."""
    raise NotImplementedError


def scrape(
    urls: Iterable[str],
    fetch: Callable[[str], str],
    robots_txt: str,
    user_agent: str = "apprentice-bot",
    sleep: Callable[[float], None] = time.sleep,
) -> ScrapeResult:
    """Fetch each allowed URL (waiting the crawl delay between fetches) and parse it."""
    raise NotImplementedError

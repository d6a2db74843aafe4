"""Collect product names and prices from shop pages, politely."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from urllib.robotparser import RobotFileParser

VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


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
    match = _NUMBER.search(text)
    if match is None:
        return None
    try:
        return Decimal(match.group().replace(",", ""))
    except InvalidOperation:
        return None


class ProductParser(HTMLParser):
    """Finds elements with class "product" and the "name" and "price" inside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._stack: list[str] = []  # the open elements, outermost first
        self._product_depth: int | None = None
        self._field: tuple[str, int] | None = None  # ("name" or "price", its depth)
        self._current: dict[str, list[str]] = {"name": [], "price": []}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        value = dict(attrs).get("class")
        classes = set(value.split()) if value else set()
        self._stack.append(tag)
        depth = len(self._stack)
        if self._product_depth is None:
            if "product" in classes:
                self._product_depth = depth
        elif self._field is None:
            wanted = "name" if "name" in classes else "price" if "price" in classes else None
            if wanted is not None:
                self._field = (wanted, depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self._stack:
            return  # a stray end tag (void elements are never on the stack): ignore it
        position = len(self._stack) - 1 - self._stack[::-1].index(tag)
        while len(self._stack) > position:
            depth = len(self._stack)
            self._stack.pop()
            if self._field is not None and depth == self._field[1]:
                self._field = None
            if self._product_depth is not None and depth == self._product_depth:
                self._finish_product()

    def handle_data(self, data: str) -> None:
        if self._field is not None:
            self._current[self._field[0]].append(data)

    def _finish_product(self) -> None:
        name = " ".join("".join(self._current["name"]).split())
        self.found.append((name, "".join(self._current["price"])))
        self._product_depth = None
        self._field = None
        self._current = {"name": [], "price": []}

    def close(self) -> None:
        super().close()
        if self._product_depth is not None:
            self._finish_product()


def parse_products(html: str) -> list[Product]:
    """Every product on the page that has both a name and a readable price."""
    parser = ProductParser()
    parser.feed(html)
    parser.close()
    products = []
    for name, price_text in parser.found:
        price = parse_price(price_text)
        if name and price is not None:
            products.append(Product(name, price))
    return products


def robots_rules(robots_txt: str) -> RobotFileParser:
    """A RobotFileParser loaded from the text of a robots.txt file."""
    rules = RobotFileParser()
    rules.parse(robots_txt.splitlines())
    return rules


def can_fetch(robots_txt: str, url: str, user_agent: str) -> bool:
    """Whether robots.txt allows `user_agent` to fetch `url`."""
    return robots_rules(robots_txt).can_fetch(user_agent, url)


def scrape(
    urls: Iterable[str],
    fetch: Callable[[str], str],
    robots_txt: str,
    user_agent: str = "apprentice-bot",
    sleep: Callable[[float], None] = time.sleep,
) -> ScrapeResult:
    """Fetch each allowed URL (waiting the crawl delay between fetches) and parse it."""
    rules = robots_rules(robots_txt)
    delay = rules.crawl_delay(user_agent)
    result = ScrapeResult()
    fetches = 0
    for url in urls:
        if not rules.can_fetch(user_agent, url):
            result.disallowed.append(url)
            continue
        if fetches and delay:
            sleep(float(delay))
        fetches += 1
        try:
            html = fetch(url)
        except OSError as exc:
            result.errors[url] = str(exc) or type(exc).__name__
            continue
        result.products[url] = parse_products(html)
    return result

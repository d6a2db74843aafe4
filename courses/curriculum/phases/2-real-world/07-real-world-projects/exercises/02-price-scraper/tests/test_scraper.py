from decimal import Decimal

import pytest
from scraper import Product, can_fetch, parse_price, parse_products, scrape

PAGE = """
<ul>
  <li class="product featured">
    <h2 class="name"><a href="/p/1">Blue   Mug</a></h2>
    <img src="mug.jpg">
    <span class="price">£12.50</span>
  </li>
  <li class="product">
    <h2 class="name">Teapot &amp; Lid</h2>
    <p class="price">Sold out</p>
  </li>
  <li class="product"><h2 class="name">Kettle</h2><p class="price">£1,299.99</p></li>
</ul>
"""
ROBOTS = """
User-agent: *
Disallow: /admin
Crawl-delay: 2

User-agent: greedy-bot
Disallow: /
"""


@pytest.mark.parametrize(
    ("text", "price"),
    [
        ("£12.50", Decimal("12.50")),
        ("£1,299.99", Decimal("1299.99")),
        ("From 8 EUR", Decimal("8")),
        ("Sold out", None),
        ("", None),
    ],
)
def test_parse_price(text, price):
    assert parse_price(text) == price


def test_parse_products_skips_unpriced_items():
    assert parse_products(PAGE) == [
        Product("Blue Mug", Decimal("12.50")),
        Product("Kettle", Decimal("1299.99")),
    ]


def test_entities_are_decoded():
    html = '<div class="product"><p class="name">Cup &amp; Saucer</p><p class="price">4</p></div>'
    assert parse_products(html) == [Product("Cup & Saucer", Decimal("4"))]


def test_can_fetch_follows_robots_rules():
    assert can_fetch(ROBOTS, "https://shop.test/mugs", "apprentice-bot")
    assert not can_fetch(ROBOTS, "https://shop.test/admin/prices", "apprentice-bot")
    assert not can_fetch(ROBOTS, "https://shop.test/mugs", "greedy-bot")
    assert can_fetch("", "https://shop.test/anything", "apprentice-bot")


def test_scrape_skips_disallowed_urls_without_fetching():
    fetched = []

    def fetch(url):
        fetched.append(url)
        return PAGE

    result = scrape(
        ["https://shop.test/mugs", "https://shop.test/admin/x"],
        fetch,
        ROBOTS,
        sleep=lambda seconds: None,
    )
    assert fetched == ["https://shop.test/mugs"]
    assert result.disallowed == ["https://shop.test/admin/x"]
    assert len(result.products["https://shop.test/mugs"]) == 2


def test_scrape_waits_crawl_delay_between_fetches():
    pauses = []
    urls = ["https://shop.test/a", "https://shop.test/b", "https://shop.test/c"]
    scrape(urls, lambda url: "", ROBOTS, sleep=pauses.append)
    assert pauses == [2.0, 2.0]


def test_scrape_records_network_errors_and_continues():
    def fetch(url):
        if url.endswith("/down"):
            raise TimeoutError("timed out")
        return PAGE

    result = scrape(
        ["https://shop.test/down", "https://shop.test/up"], fetch, "", sleep=lambda s: None
    )
    assert result.errors == {"https://shop.test/down": "timed out"}
    assert list(result.products) == ["https://shop.test/up"]

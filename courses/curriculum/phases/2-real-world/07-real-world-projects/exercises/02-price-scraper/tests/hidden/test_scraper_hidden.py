from decimal import Decimal

from scraper import Product, parse_products, scrape


def test_products_class_is_not_product():
    html = (
        '<section class="products"><div class="product">'
        '<span class="name">Plate</span><span class="price">2.25</span></div></section>'
    )
    assert parse_products(html) == [Product("Plate", Decimal("2.25"))]


def test_name_split_across_nested_tags_and_line_breaks():
    html = (
        '<div class="product"><h3 class="name">Big <b>Red</b>\n   Bowl</h3>'
        '<div class="price"><s>£9</s><br> £7.99</div></div>'
    )
    # the first number wins: a shop showing the old price first is the page's problem
    assert parse_products(html) == [Product("Big Red Bowl", Decimal("9"))]


def test_missing_name_stray_end_tag_and_truncated_page():
    html = (
        '<div class="product"><span class="price">5</span></div>'
        '<div class="product"><p class="name">Spoon</p></span><p class="price">1.10'
    )
    assert parse_products(html) == [Product("Spoon", Decimal("1.10"))]


def test_no_sleep_without_crawl_delay_or_for_a_single_fetch():
    pauses = []
    scrape(["https://s.test/a", "https://s.test/b"], lambda u: "", "", sleep=pauses.append)
    assert pauses == []
    robots = "User-agent: *\nCrawl-delay: 5\n"
    scrape(["https://s.test/a"], lambda u: "", robots, sleep=pauses.append)
    assert pauses == []


def test_disallowed_urls_do_not_count_as_fetches_for_the_delay():
    robots = "User-agent: *\nDisallow: /private\nCrawl-delay: 3\n"
    pauses = []
    urls = ["https://s.test/private/1", "https://s.test/a", "https://s.test/private/2"]
    result = scrape(urls, lambda u: "", robots, sleep=pauses.append)
    assert pauses == []
    assert result.disallowed == ["https://s.test/private/1", "https://s.test/private/2"]


def test_agent_specific_rules_apply():
    robots = "User-agent: apprentice-bot\nDisallow: /sale\n\nUser-agent: *\nDisallow:\n"
    result = scrape(
        ["https://s.test/sale", "https://s.test/new"], lambda u: "", robots, sleep=lambda s: None
    )
    assert result.disallowed == ["https://s.test/sale"]
    assert result.products == {"https://s.test/new": []}

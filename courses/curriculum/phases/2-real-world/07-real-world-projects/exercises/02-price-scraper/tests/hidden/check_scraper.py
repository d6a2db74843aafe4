"""Hidden checks for the price scraper: they record what the code does, never assert."""

import pytest
from scraper import can_fetch, parse_price, parse_products, scrape

VOID = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]


def products(html):
    return [(p.name, p.price) for p in parse_products(html)]


class Shop:
    """A fake fetch: pages by URL, some URLs raise; logs every URL fetched."""

    def __init__(self, pages=None, failures=None):
        self.pages = pages or {}
        self.failures = failures or {}
        self.log = []

    def __call__(self, url):
        self.log.append(url)
        if url in self.failures:
            raise self.failures[url]
        return self.pages.get(url, "")


def result_of(result):
    return (
        {url: [(p.name, p.price) for p in found] for url, found in result.products.items()},
        list(result.products),
        result.disallowed,
        result.errors,
    )


@pytest.mark.parametrize(
    "text",
    ["£12.50", "£1,299.99", "From 8 EUR", "Was £20, now £15.75", "1,000,000", "0.99", "3 for £10",
     "Price: 07.10", "12.", "Sold out", "", "£", "  42  ", "-5 off", "£4.5.6"],
)
def check_parse_price(observe, text):
    observe(parse_price(text))
    observe(products(f'<div class="product"><b class="name">Mug</b><b class="price">{text}</b></div>'))


def check_product_classes_are_whole_words(observe):
    html = (
        '<section class="products"><div class="product-card"><span class="name">Card</span>'
        '<span class="price">1</span></div>'
        '<div class="sale  product\tnew"><span class="name">Plate</span><span class="price">2.25</span></div>'
        '<div class="Product"><span class="name">Caps</span><span class="price">3</span></div>'
        '<div class="product"><span class="names">Wrong</span><span class="name">Bowl</span>'
        '<span class="pricey">99</span><b class="old price">4</b></div></section>'
    )
    observe(products(html))


def check_text_is_joined_decoded_and_collapsed(observe):
    html = (
        '<ul><li class="product"><h3 class="name">  Big <b>Red</b>\n\t  Bowl&nbsp;&nbsp;XL </h3>'
        '<div class="price"><s>£9</s><br> £7.99</div></li>'
        '<li class="product"><p class="name">Cup &amp; Saucer &lt;2&gt;</p><p class="price">&#163;4</p></li>'
        '<li class="product"><p class="name">   </p><p class="price">5</p></li>'
        '<li class="product"><p class="name">Ghost</p><p class="price">TBC</p></li>'
        '<li class="product"><p class="price">6</p><p class="name">Price first</p></li>'
        '<li class="product"><p class="name">Split price</p><p class="price">\xa31<b>2</b>.5<i>0</i> each</p></li>'
        '<li class="product"><p class="name">Two</p><p class="price">3</p></li></ul>'
    )
    observe(products(html))


@pytest.mark.parametrize("tag", VOID)
def check_void_elements_have_no_end_tag(observe, tag):
    html = (
        f'<div class="product"><{tag} class="name">Junk<span class="name">Mug</span>'
        f'<span class="price">3</span></div>'
        f'<div class="product"><span class="name">Jug<{tag}></span><{tag}/>'
        f'<span class="price">£4.40</span></div>'
    )
    observe(products(html))


def check_messy_pages(observe):
    html = (
        '</span><div class="product"><span class="price">5</span></div>'
        '<div class="product"><p class="name">Spoon</p></span></b><p class="price">1.10</p></div></div>'
        '<div class="product"><p class="name">Fork</p><p class="price">2'
    )
    observe(products(html))
    observe(products('<div class="product"><i class="name">Knife</i><i class="price">3.30</i>'))
    observe(products("<html><body><p>No products here</p></body></html>"))
    observe(products(""))
    observe(products('<div class="product"><span class="name">Open <b>tags'))
    observe(products('<div class="product"><span class="name"/><i class="name">Self</i>'
                     '<i class="price">1</i></div><div class="product"/><b class="name">Out</b>'))
    observe(products('<div class="product"><div><span class="name">Deep</span></div>'
                     '<div><div class="price">7</div></div></div><p class="product">'
                     '<b class="name">After</b><b class="price">8</b></p>'))


def check_can_fetch(observe):
    robots = (
        "User-agent: apprentice-bot\nDisallow: /sale\n\n"
        "User-agent: greedy-bot\nDisallow: /\n\n"
        "User-agent: *\nDisallow: /admin\n"
    )
    for url in ["https://s.test/sale/mugs", "https://s.test/admin", "https://s.test/new"]:
        for agent in ["apprentice-bot", "greedy-bot", "other-bot"]:
            observe(can_fetch(robots, url, agent))
    observe([can_fetch("", "https://s.test/anything", agent) for agent in ["a", "b"]])
    observe(can_fetch("User-agent: *\nDisallow: /\n", "https://s.test/", "apprentice-bot"))


def check_delay_only_between_fetches(observe):
    robots = "User-agent: *\nDisallow: /private\nCrawl-delay: 3\n"
    for urls in [
        ["https://s.test/a", "https://s.test/b", "https://s.test/c"],
        ["https://s.test/private/1", "https://s.test/a", "https://s.test/private/2"],
        ["https://s.test/private/1", "https://s.test/a", "https://s.test/private/2", "https://s.test/b"],
        ["https://s.test/a"],
        [],
    ]:
        pauses = []
        shop = Shop()
        result = scrape(urls, shop, robots, sleep=pauses.append)
        observe(([float(p) for p in pauses], shop.log, result_of(result)))


def check_delay_belongs_to_the_agent(observe):
    robots = (
        "User-agent: apprentice-bot\nCrawl-delay: 7\nDisallow: /sale\n\n"
        "User-agent: *\nCrawl-delay: 1\n"
    )
    urls = ["https://s.test/sale", "https://s.test/new", "https://s.test/old"]
    for agent in ["apprentice-bot", "other-bot"]:
        pauses = []
        shop = Shop()
        result = scrape(urls, shop, robots, user_agent=agent, sleep=pauses.append)
        observe(([float(p) for p in pauses], shop.log, result_of(result)))
    pauses = []
    scrape(urls, Shop(), robots, sleep=pauses.append)
    observe([float(p) for p in pauses])
    # the default agent is exactly "apprentice-bot": a group for a longer name does not apply
    lookalike = "User-agent: xxapprentice-botxx\nDisallow: /\n\nUser-agent: *\nDisallow: /sale\n"
    observe(result_of(scrape(urls, Shop(), lookalike, sleep=lambda s: None)))
    for robots in ["", "User-agent: *\nCrawl-delay: 0\n", "User-agent: other\nCrawl-delay: 9\n"]:
        pauses = []
        scrape(urls, Shop(), robots, sleep=pauses.append)
        observe(pauses)


def check_network_errors_are_recorded_and_still_count_as_fetches(observe):
    page = '<div class="product"><b class="name">Mug</b><b class="price">£3</b></div>'
    shop = Shop(
        pages={"https://s.test/up": page, "https://s.test/also-up": page * 2},
        failures={
            "https://s.test/down": TimeoutError("timed out"),
            "https://s.test/reset": ConnectionResetError(),
            "https://s.test/refused": ConnectionRefusedError(111, "Connection refused"),
        },
    )
    urls = ["https://s.test/down", "https://s.test/up", "https://s.test/reset",
            "https://s.test/refused", "https://s.test/also-up"]
    pauses = []
    result = scrape(urls, shop, "User-agent: *\nCrawl-delay: 2\n", sleep=pauses.append)
    observe(result_of(result))
    observe(shop.log)
    observe([float(p) for p in pauses])
    broken = Shop(failures={"https://s.test/bug": ValueError("not a network problem")})
    observe.raises(scrape, ["https://s.test/bug"], broken, "", sleep=lambda s: None)

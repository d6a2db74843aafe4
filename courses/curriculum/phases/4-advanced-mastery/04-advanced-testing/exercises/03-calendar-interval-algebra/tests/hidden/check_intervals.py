"""Hidden checks: many generated inputs per rule; the outputs are recorded, not asserted."""

import random

import pytest
from intervals import difference, free_slots, intersection, normalise, total, union


def random_intervals(rng, *, size=8, low=-40, high=80, empties=True):
    """Unsorted intervals that often overlap, touch, nest, repeat or are empty."""
    items = []
    for _ in range(rng.randint(0, size)):
        start = rng.randint(low, high)
        length = rng.choice([0, 1, 2, 3, 5, 8, 13, 30]) if empties else rng.randint(1, 20)
        items.append((start, start + length))
        if rng.random() < 0.25:  # a neighbour that touches it exactly
            items.append((start + length, start + length + rng.randint(1, 6)))
        if rng.random() < 0.15:  # one nested inside it
            items.append((start + length // 3, start + length // 2))
    rng.shuffle(items)
    return items


def check_normalise_edge_cases(observe):
    cases = [
        [],
        [(3, 3)],
        [(5, 8), (1, 3)],
        [(1, 3), (3, 5), (5, 9)],
        [(1, 10), (2, 3), (4, 12)],
        [(1, 10), (2, 3)],
        [(7, 9), (7, 9), (7, 8)],
        [(-10, -5), (-5, 0), (2, 2), (0, 1)],
        [(0, 1), (2, 3)],
        [(9, 12), (2, 2), (3, 6), (6, 6), (1, 4)],
    ]
    for case in cases:
        observe(normalise(case))
    observe(normalise(iter([(4, 6), (1, 2), (2, 4)])))
    observe(normalise((start, start + 2) for start in (10, 0, 5, 2)))
    given = [(6, 9), (1, 4), (3, 5)]
    normalise(given)
    observe(given)  # the caller's list is left as it was


@pytest.mark.parametrize(
    "bad", [[(5, 4)], [(1, 2), (9, 3)], [(0, 0), (-1, -2)]], ids=["one", "second", "negative"]
)
def check_backwards_intervals_are_rejected(observe, bad):
    observe.raises(normalise, bad)
    observe.raises(union, [(0, 5)], bad)
    observe.raises(total, bad)
    observe(normalise([(2, 5), (0, 1)]))


def check_normalise_on_generated_lists(observe):
    rng = random.Random(91)
    results = []
    for _ in range(150):
        items = random_intervals(rng)
        results.append(normalise(items))
    observe(results)
    observe([total(random_intervals(rng)) for _ in range(100)])


def check_set_operations_on_generated_pairs(observe):
    rng = random.Random(180)
    unions, meets, left_minus, right_minus = [], [], [], []
    for _ in range(120):
        a, b = random_intervals(rng), random_intervals(rng, size=6)
        unions.append(union(a, b))
        meets.append(intersection(a, b))
        left_minus.append(difference(a, b))
        right_minus.append(difference(b, a))
    observe(unions)
    observe(meets)
    observe(left_minus)
    observe(right_minus)


def check_set_operation_edge_cases(observe):
    observe(intersection([(0, 5)], [(5, 9)]))
    observe(intersection([(0, 10)], [(2, 3), (4, 6), (9, 15)]))
    observe(intersection([(3, 6), (0, 2)], [(1, 4)]))
    observe(intersection([], [(0, 3)]))
    observe(difference([(0, 10)], [(0, 10)]))
    observe(difference([(0, 10)], [(-5, 2), (8, 20)]))
    observe(difference([(6, 9), (0, 4)], [(3, 7)]))
    observe(difference([(0, 4)], []))
    observe(difference([(0, 10), (20, 30)], [(12, 18)]))
    observe(difference([(5, 10)], [(0, 1), (2, 3), (6, 7)]))
    observe(union([(4, 6)], [(0, 2), (2, 4)]))
    observe(union([], []))
    observe([total([]), total([(1, 1)]), total([(0, 10), (5, 15), (20, 21)])])


def check_free_slots_boundaries(observe):
    busy = [(540, 600), (660, 690), (400, 545), (700, 800)]
    for min_length in (1, 10, 59, 60, 61):
        observe(free_slots((480, 720), busy, min_length))
    observe(free_slots((480, 720), []))
    observe(free_slots((480, 720), [(0, 1000)]))
    observe(free_slots((600, 600), [(0, 10)]))
    observe(free_slots((0, 30), [(40, 50)]))
    observe(free_slots((0, 10), [(1, 9)]))  # one-minute slots, default min_length
    observe(free_slots((100, 130), [(0, 10), (20, 105), (125, 126)]))
    observe(free_slots((0, 30), [(10, 10), (29, 40)]))
    observe(free_slots((0, 30), [(-5, 0), (30, 35)], 30))
    observe(free_slots((0, 30), [(-5, 0), (30, 35)], 31))
    observe.raises(free_slots, (10, 5), [])
    observe.raises(free_slots, (0, 60), [], 0)
    observe.raises(free_slots, (0, 60), [(5, 1)])
    observe.call(free_slots, (0, 60), [], -3)


def check_free_slots_on_generated_days(observe):
    rng = random.Random(7)
    results = []
    for _ in range(150):
        start = rng.randint(-20, 40)
        window = (start, start + rng.randint(0, 60))
        busy = random_intervals(rng, low=-40, high=110)
        results.append(free_slots(window, busy, rng.randint(1, 12)))
    observe(results)

"""Hidden checks: they record what the code does; the grader compares with the reference."""

import random

import pytest
from kmeans1d import assign, initial_centroids, kmeans_1d


def _result(result):
    return (result.labels, result.centroids, result.inertia)


def check_initial_centroids_spacing(observe):
    values = list(range(10, 0, -1))  # 10..1, not sorted
    for k in [1, 2, 3, 4, 10]:
        observe(initial_centroids(values, k))
    observe(initial_centroids((4, 4, 9, -2, 9, 0), 3))  # duplicates do not count
    observe(initial_centroids([2.5, 2.5, 7], 2))
    observe(initial_centroids([5], 1))
    observe(_result(kmeans_1d([5], 1)))


@pytest.mark.parametrize(("values", "k"), [([], 1), ([1, 1, 2], 3), ([1, 2], 0), ([1, 2], -1)])
def check_initial_centroids_rejects_bad_k(observe, values, k):
    observe.raises(initial_centroids, values, k)
    observe.raises(kmeans_1d, values, k)
    observe(initial_centroids([5, 3, 8], 2))


def check_assign_nearest_with_ties_to_the_lowest_index(observe):
    observe(assign([0, 4, 5, 6, 10, -3, 12], [0.0, 10.0]))
    observe(assign([5, 2, 8], [8.0, 2.0, 5.0]))  # centroids need not be sorted for assign
    observe(assign([1.5, 3.5], [1.0, 2.0, 3.0, 4.0]))  # every value is a tie
    observe(assign([], [1.0]))
    observe.raises(assign, [1.0], [])


def check_readme_example_and_input_order(observe):
    observe(_result(kmeans_1d([1, 2, 3, 10, 11, 12, 30, 31], k=3)))
    observe(_result(kmeans_1d([31, 1, 12, 2, 30, 11], k=2)))
    observe(_result(kmeans_1d((2, 4, 9), k=1)))


def check_max_iter_limits_the_updates(observe):
    values = [100, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    for max_iter in [1, 2, 3, 100]:
        observe(_result(kmeans_1d(values, k=2, max_iter=max_iter)))
    observe.raises(kmeans_1d, values, 2, max_iter=0)


def check_empty_cluster_keeps_its_centroid(observe):
    # Starts at [4, 8, 20]; after two updates the middle centroid (11.0) has no values left.
    observe(_result(kmeans_1d([5, 15, 6, 20, 4, 8, 15, 14], k=3)))
    observe(_result(kmeans_1d([0, 1, 2, 3, 9, 10, 11, 12], k=4)))


def check_recovers_three_separated_groups(observe):
    rng = random.Random(7)
    values = [round(rng.gauss(centre, 1.0), 3) for centre in (0, 50, 100) for _ in range(30)]
    rng.shuffle(values)
    result = kmeans_1d(values, k=3)
    observe(result.labels)
    observe(result.centroids, tol=1e-9)
    observe(result.inertia, tol=1e-9)
    observe([kmeans_1d(values, k=k).inertia for k in range(1, 6)], tol=1e-9)


def check_input_is_not_modified_and_types_are_builtin(observe):
    values = [9, 3, 3, 3, 9, 6.5]
    result = kmeans_1d(values, k=2)
    observe(values)
    observe(_result(result))
    observe([type(c).__name__ for c in result.centroids] + [type(result.inertia).__name__])


def _slow_chain(links):
    """Values on which Lloyd's algorithm with k=2 moves one value per update, so it needs
    links + 1 updates to converge: a chain placed just inside each successive boundary."""
    left, right = [0.0, 480.0], [1000.0] * 20
    chain = [600.0] * links
    for _ in range(40):  # fixed-point iteration of the chain positions
        placed = []
        for t in range(links):
            low, high = left + chain[:t], chain[t:] + right
            low_mean, high_mean = sum(low) / len(low), sum(high) / len(high)
            boundary = (low_mean + high_mean) / 2
            placed.append(boundary - 1e-4 * (boundary - low_mean))
        chain = placed
    return left + [round(x, 6) for x in chain] + right


def check_default_max_iter_is_one_hundred(observe):
    values = _slow_chain(100)  # converges after the 101st update
    observe(kmeans_1d(values, k=2).centroids)
    observe(kmeans_1d(values, k=2, max_iter=101).centroids)
    observe(kmeans_1d(values[:-5], k=2).inertia)

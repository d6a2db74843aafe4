import random

import pytest
from kmeans1d import assign, initial_centroids, kmeans_1d


def test_initial_centroids_spacing_with_many_values():
    values = list(range(10, 0, -1))  # 10..1
    assert initial_centroids(values, 4) == [1.0, 4.0, 7.0, 10.0]
    assert initial_centroids(values, 10) == [float(v) for v in range(1, 11)]


def test_assign_requires_centroids():
    with pytest.raises(ValueError):
        assign([1.0], [])


def test_max_iter_must_be_positive():
    with pytest.raises(ValueError):
        kmeans_1d([1, 2, 3], k=2, max_iter=0)


def test_max_iter_limits_the_number_of_updates():
    values = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100]
    # initial centroids 0 and 100; one update moves the first to mean(0..10) = 5
    result = kmeans_1d(values, k=2, max_iter=1)
    assert result.centroids == pytest.approx([5.0, 100.0])
    assert result.labels == [0] * 11 + [1]


def test_recovers_three_separated_groups():
    rng = random.Random(7)
    values = [rng.gauss(centre, 1.0) for centre in (0, 50, 100) for _ in range(30)]
    rng.shuffle(values)
    result = kmeans_1d(values, k=3)
    assert result.centroids == sorted(result.centroids)
    assert [round(c / 50) for c in result.centroids] == [0, 1, 2]
    for value, label in zip(values, result.labels, strict=True):
        assert round(value / 50) == label


def test_inertia_matches_labels_and_centroids():
    values = [1.5, 2.0, 8.0, 9.5, 9.0, 20.0]
    result = kmeans_1d(values, k=2)
    expected = sum(
        (x - result.centroids[lab]) ** 2 for x, lab in zip(values, result.labels, strict=True)
    )
    assert result.inertia == pytest.approx(expected)
    assert result.labels == assign(values, result.centroids)


def test_inertia_never_increases_with_more_clusters():
    values = [1, 2, 4, 7, 11, 16, 22, 29, 37, 46]
    inertias = [kmeans_1d(values, k=k).inertia for k in range(1, 6)]
    assert all(
        later <= earlier + 1e-9 for earlier, later in zip(inertias, inertias[1:], strict=False)
    )


def test_input_is_not_modified_and_duplicates_are_fine():
    values = [3, 3, 3, 9, 9]
    kmeans_1d(values, k=2)
    assert values == [3, 3, 3, 9, 9]
    assert kmeans_1d(values, k=2).centroids == pytest.approx([3.0, 9.0])

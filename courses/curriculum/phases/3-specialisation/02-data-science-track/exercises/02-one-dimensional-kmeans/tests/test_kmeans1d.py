import pytest
from kmeans1d import KMeansResult, assign, initial_centroids, kmeans_1d


def test_initial_centroids_are_evenly_spaced_distinct_values():
    assert initial_centroids([5, 1, 3, 3, 9, 7], 3) == [1.0, 5.0, 9.0]
    assert initial_centroids([4, 2, 8], 1) == [2.0]


def test_assign_picks_nearest_and_lowest_index_on_ties():
    assert assign([0, 4, 5, 6, 10], [0.0, 10.0]) == [0, 0, 0, 1, 1]


def test_readme_example():
    result = kmeans_1d([1, 2, 3, 10, 11, 12, 30, 31], k=3)
    assert result.centroids == pytest.approx([2.0, 11.0, 30.5])
    assert result.labels == [0, 0, 0, 1, 1, 1, 2, 2]
    assert result.inertia == pytest.approx(4.5)


def test_results_hold_builtin_types():
    result = kmeans_1d([1, 2, 3, 10, 11, 12], k=2)
    assert type(result.labels) is list and all(type(x) is int for x in result.labels)
    assert type(result.centroids) is list and all(type(c) is float for c in result.centroids)
    assert type(result.inertia) is float


def test_labels_follow_input_order():
    result = kmeans_1d([31, 1, 12, 2, 30, 11], k=2)
    assert isinstance(result, KMeansResult)
    assert result.labels == [1, 0, 0, 0, 1, 0]


def test_k_equal_to_one_gives_the_mean():
    result = kmeans_1d([2, 4, 9], k=1)
    assert result.centroids == pytest.approx([5.0])
    assert result.labels == [0, 0, 0]
    assert result.inertia == pytest.approx(9 + 1 + 16)


def test_invalid_k_is_rejected():
    with pytest.raises(ValueError):
        kmeans_1d([1, 1, 2], k=3)  # only two distinct values
    with pytest.raises(ValueError):
        kmeans_1d([1, 2], k=0)
    with pytest.raises(ValueError):
        kmeans_1d([], k=1)

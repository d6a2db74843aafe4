import numpy as np
import pytest
from sensors import flag_anomalies, nearest_station, pairwise_distances, rolling_mean, standardise


def test_standardise_columns():
    readings = np.array([[20.0, 5.0], [22.0, 5.0], [24.0, 5.0]])
    z = standardise(readings)
    assert z.shape == (3, 2)
    assert z.dtype == np.float64
    assert z[:, 0] == pytest.approx([-1.2247449, 0.0, 1.2247449])
    assert z[:, 1].tolist() == [0.0, 0.0, 0.0]  # a stuck sensor is not nan


def test_standardise_needs_two_dimensions():
    with pytest.raises(ValueError):
        standardise(np.array([1.0, 2.0, 3.0]))


def test_flag_anomalies_is_strict():
    readings = np.array([[0.0], [0.0], [0.0], [4.0]])  # the 4 has a z-score of exactly sqrt(3)
    assert flag_anomalies(readings, 1.7).ravel().tolist() == [False, False, False, True]
    assert not flag_anomalies(readings, 3**0.5 + 1e-9).any()
    with pytest.raises(ValueError):
        flag_anomalies(readings, 0)


def test_pairwise_distances_shape_and_values():
    distances = pairwise_distances(np.array([[0, 0], [3, 4]]), np.array([[0, 0], [6, 8], [3, 0]]))
    assert distances.shape == (2, 3)
    assert distances.tolist() == [[0.0, 10.0, 3.0], [5.0, 5.0, 4.0]]


def test_nearest_station_prefers_the_lowest_index_on_ties():
    stations = np.array([[10, 0], [1, 1], [0, 1]])
    result = nearest_station(np.array([[0, 0], [9, 1], [0.5, 1]]), stations)
    assert result.tolist() == [2, 0, 1]
    assert result.dtype == np.int64


def test_rolling_mean():
    result = rolling_mean(np.array([1.0, 2.0, 6.0, 7.0]), 2)
    assert result.tolist() == [1.5, 4.0, 6.5]
    assert rolling_mean(np.array([3.0, 1.0]), 2).tolist() == [2.0]
    with pytest.raises(ValueError):
        rolling_mean(np.array([1.0, 2.0]), 3)

"""Hidden checks: they record what the code does; the grader compares with the reference."""

import numpy as np
import pytest
from sensors import flag_anomalies, nearest_station, pairwise_distances, rolling_mean, standardise


class _NoLoops(np.ndarray):
    """An array that refuses Python-level iteration (the statement forbids element loops)."""

    def __iter__(self):
        raise TypeError("iterate with NumPy operations, not a Python loop")


def strict(data, dtype=np.float64):
    return np.asarray(data, dtype=dtype).view(_NoLoops)


def plain(function, *args):
    """The result as a plain ndarray (a subclass would not be recordable)."""
    result = function(*args)
    return np.asarray(result) if isinstance(result, np.ndarray) else result


READINGS = [
    [21.5, 7.0, 3.0],
    [19.0, 7.0, -1.0],
    [25.5, 7.0, 0.0],
    [18.0, 7.0, 4.0],
    [23.0, 7.0, 30.0],
]


def check_standardise_is_per_column_with_population_std(observe):
    observe.call(plain, standardise, strict(READINGS))
    observe.call(plain, standardise, strict([[1, 10], [3, 30]], dtype=np.int64))
    observe.call(plain, standardise, [[4.0, 1.0, 2.0]])  # one moment: every column is constant
    observe.call(plain, standardise, strict([[0.1, 2.0], [0.7, 2.5], [0.3, 2.0]], dtype=np.float32))
    observe.raises(standardise, strict([1.0, 2.0, 3.0]))
    observe.raises(standardise, strict([[[1.0]]]))


@pytest.mark.parametrize("limit", [0.5, 1.2, 1.9, 2.0])
def check_flag_anomalies_strictly_above_the_limit(observe, limit):
    column = [[0.0], [0.0], [0.0], [0.0], [5.0]]  # the 5 has a z-score of exactly 2
    observe.call(plain, flag_anomalies, strict(column), limit)
    observe.call(plain, flag_anomalies, strict(READINGS), limit)


def check_flag_anomalies_limit_must_be_positive(observe):
    for limit in [0, -0.5]:
        observe.raises(flag_anomalies, strict(READINGS), limit)
    observe.call(plain, flag_anomalies, strict(READINGS), 1e-6)


def check_pairwise_distances_by_broadcasting(observe):
    points = strict([[0, 0], [3, 4], [-1, 2], [6, 8]])
    stations = strict([[0, 0], [6, 8], [3, 0]])
    observe.call(plain, pairwise_distances, points, stations)
    observe.call(plain, pairwise_distances, strict([[1, 2, 2]]), strict([[0, 0, 0], [1, 2, 2]]))
    observe.call(plain, pairwise_distances, strict([[2.0]]), strict([[5.0], [-2.0]]))
    observe.call(
        plain, pairwise_distances, strict([[0.1, 0.2]], np.float32), strict([[0.3, 0.7]], np.float32)
    )
    observe.raises(pairwise_distances, strict([[0, 0]]), strict([[0, 0, 0]]))
    observe.raises(pairwise_distances, strict([0, 0]), strict([[0, 0]]))
    observe.raises(pairwise_distances, strict([[0, 0]]), strict([1, 2]))


def check_nearest_station_ties_and_edges(observe):
    stations = strict([[0, 0], [4, 0], [2, 3]])
    points = strict([[2, 0], [1, 0.1], [3.9, 2], [2, 1.5], [10, 10], [-5, 0]])
    observe.call(plain, nearest_station, points, stations)
    observe.call(plain, nearest_station, strict([[2, 2], [0, 0]]), strict([[3, 3], [1, 1], [1, 3]]))
    observe.call(plain, nearest_station, strict(np.zeros((0, 2))), stations)
    observe.call(plain, nearest_station, points, strict([[100, 100]]))
    observe.raises(nearest_station, points, strict(np.zeros((0, 2))))


@pytest.mark.parametrize("window", [1, 2, 3, 6])
def check_rolling_mean_full_windows(observe, window):
    values = strict([4.0, -2.0, 7.5, 1.0, 0.5, 9.0])
    observe.call(plain, rolling_mean, values, window)
    observe.call(plain, rolling_mean, strict([5, 1, 3], dtype=np.int64), min(window, 3))


def check_rolling_mean_rejects_bad_windows(observe):
    values = strict([1.0, 2.0, 3.0])
    for window in [0, -1, 4]:
        observe.raises(rolling_mean, values, window)
    observe.raises(rolling_mean, strict([[1.0, 2.0], [3.0, 4.0]]), 1)
    observe.call(plain, rolling_mean, values, 3)
    observe.call(plain, rolling_mean, strict([0.1, 0.2, 0.7, 0.3], dtype=np.float32), 3)


def check_a_day_of_data(observe):
    rng = np.random.default_rng(11)
    day = rng.normal(20.0, 3.0, size=(144, 4)).round(2)
    day[:, 2] = 15.0  # a stuck sensor
    day[70, 1] = 45.0  # a spike
    z = observe.call(plain, standardise, strict(day))
    observe(None if z is None else z.round(6), tol=1e-6)
    flags = observe.call(plain, flag_anomalies, strict(day), 3.0)
    observe(None if flags is None else np.argwhere(flags))
    observe.call(plain, rolling_mean, strict(day[:, 0]), 6)

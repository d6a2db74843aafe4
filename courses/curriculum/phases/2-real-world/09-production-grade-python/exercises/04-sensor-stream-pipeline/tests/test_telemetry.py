import random
import types

from telemetry import Reading, Stats, parse_readings, read_lines, report, summarise, top_readings


def test_read_lines_is_a_lazy_generator(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("# comment\ns1,20.5\n\n  \ns2,19.0\n", encoding="utf-8")
    lines = read_lines(path)
    assert isinstance(lines, types.GeneratorType)
    assert list(lines) == ["s1,20.5", "s2,19.0"]


def test_parse_readings_skips_bad_lines():
    lines = ["s1,20.5", "s2,oops", "s3", " s4 , 7 ", "s5,nan"]
    assert list(parse_readings(lines)) == [Reading("s1", 20.5), Reading("s4", 7.0)]


def test_summarise():
    readings = [Reading("b", 3.0), Reading("a", 1.0), Reading("b", 5.0), Reading("b", 4.0)]
    stats = summarise(readings)
    assert list(stats) == ["a", "b"]
    assert stats["b"] == Stats(3, 3.0, 5.0, 4.0)
    assert stats["a"] == Stats(1, 1.0, 1.0, 1.0)


def test_top_readings_keeps_arrival_order_for_ties():
    readings = [Reading("a", 2.0), Reading("b", 9.0), Reading("c", 2.0), Reading("d", 1.0)]
    assert top_readings(readings, 3) == [Reading("b", 9.0), Reading("a", 2.0), Reading("c", 2.0)]
    assert top_readings(readings, 0) == []


def test_report(tmp_path):
    path = tmp_path / "day.csv"
    path.write_text("kitchen,21.5\nattic,30.0\nkitchen,22.5\n", encoding="utf-8")
    stats, top = report(path, 2)
    assert stats == {"attic": Stats(1, 30.0, 30.0, 30.0), "kitchen": Stats(2, 21.5, 22.5, 22.0)}
    assert top == [Reading("attic", 30.0), Reading("kitchen", 22.5)]


def test_a_big_file_fits_in_memory(tmp_path):
    """About 3.5 MB; the run has 48 MB of memory, so the file must never be held in a list."""
    rng = random.Random(1)
    block = "".join(f"s{rng.randrange(40):02d},{rng.gauss(20, 6):.1f}\n" for _ in range(1000))
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8") as out:
        for _ in range(400):
            out.write(block)
    stats, top = report(path, 3)
    assert sum(s.count for s in stats.values()) == 400_000
    assert len(top) == 3
    assert top[0].value == max(s.maximum for s in stats.values())

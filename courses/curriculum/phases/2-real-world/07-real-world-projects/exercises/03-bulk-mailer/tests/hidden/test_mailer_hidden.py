from mailer import is_valid_email, send_bulk


class Recorder:
    def __init__(self):
        self.outbox = []

    def send_message(self, msg):
        self.outbox.append(msg)


class Flaky:
    def send_message(self, msg):
        raise ConnectionResetError("connection reset")


def test_duplicates_are_skipped_case_insensitively():
    csv_text = "email,name\nada@example.com,Ada\nADA@Example.com,Ada again\n"
    box = Recorder()
    report = send_bulk(csv_text, "Hi", "Hi $name", "club@example.org", box)
    assert report.sent == ["ada@example.com"]
    assert report.skipped[0][0] == 2
    assert "duplicate" in report.skipped[0][1]
    assert len(box.outbox) == 1


def test_missing_template_field_skips_only_that_template_run():
    csv_text = "email,name\nada@example.com,Ada\n"
    report = send_bulk(csv_text, "Hi $name", "Your $plan plan", "club@example.org", Recorder())
    assert report.sent == []
    assert report.skipped == [(1, "missing field 'plan'")]


def test_os_errors_from_the_transport_are_failures():
    csv_text = "email,name\nada@example.com,Ada\ngrace@example.org,Grace\n"
    report = send_bulk(csv_text, "Hi", "Hi", "club@example.org", Flaky())
    assert report.failed == [
        ("ada@example.com", "connection reset"),
        ("grace@example.org", "connection reset"),
    ]


def test_dots_in_the_wrong_places_are_invalid():
    assert not is_valid_email(".ada@example.com")
    assert not is_valid_email("ada.@example.com")
    assert not is_valid_email("ada@-example.com")
    assert not is_valid_email("ada@example.c0m")
    assert is_valid_email("a_b-c%d@sub-domain.example.co.uk")


def test_dollar_escape_and_header_only_csv():
    csv_text = "email,name\nada@example.com,Ada\n"
    box = Recorder()
    send_bulk(csv_text, "Save $$5, $name", "x", "club@example.org", box)
    assert box.outbox[0]["Subject"] == "Save $5, Ada"
    assert send_bulk("email,name\n", "s", "b", "club@example.org", box).sent == []

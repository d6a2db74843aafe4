"""Hidden checks for the bulk mailer: they record what the code does, never assert."""

import smtplib

import pytest
from mailer import build_message, is_valid_email, read_recipients, render, send_bulk

SENDER = "club@example.org"


class Outbox:
    """A fake transport: records messages; raises the error given for an address, if any."""

    def __init__(self, errors=None):
        self.errors = errors or {}
        self.sent = []

    def send_message(self, msg):
        error = self.errors.get(str(msg["To"]))
        if error is not None:
            raise error
        self.sent.append((str(msg["From"]), str(msg["To"]), str(msg["Subject"]), msg.get_content()))


def summary(report):
    """The report with skip reasons reduced to what the statement fixes."""
    reasons = []
    for number, reason in report.skipped:
        kind = "invalid" if "invalid" in reason else "duplicate" if "duplicate" in reason else reason
        reasons.append((number, kind))
    return (report.sent, reasons, report.failed)


ADDRESSES = [
    "ada@example.com", "ADA.L+club@Mail.Example.ORG", "a_b-c%d@sub-domain.example.co.uk",
    "a@b.co", "a@b.c", "a@b--c.io", "a@-b.com", "a@b-.com", "a@x.c0m", "a@x.com.", "a@x..com",
    "a..b@x.com", ".a@x.com", "a.@x.com", "a.b.c@x.com", "@x.com", "a@", "a@@x.com", "a@x@y.com",
    "a!b@x.com", "ädä@x.com", "a b@x.com", " a@x.com", "a@x.com\n", "", "a@localhost", "1@2.io",
]


def check_is_valid_email(observe):
    observe([address for address in ADDRESSES if is_valid_email(address)])
    observe([is_valid_email(address) for address in ADDRESSES])


def check_read_recipients(observe):
    text = (
        " email , name ,plan\n"
        "ada@example.com,Ada,gold\n"
        "\n"
        ' grace@example.org ,"Hopper, Grace", silver \n'
        "short@example.com\n"
        "long@example.com,Long,bronze,extra,cells\n"
    )
    observe(read_recipients(text))
    observe(read_recipients("name,email\n"))
    for bad in ["mail,name\nada@example.com,Ada\n", "email\nada@example.com\n", "Email,Name\nx@y.io,X\n", ""]:
        observe.raises(read_recipients, bad)
    observe(read_recipients("email,name,email2\nx@y.io,X,z@y.io\n"))


def check_render(observe):
    row = {"name": "Ada", "plan": "gold", "price": "5"}
    for template in ["Hi $name", "Hi ${name}!", "Your ${plan}plan", "Save $$${price}", "$$name",
                     "No placeholders", "", "$name, $name and ${name}"]:
        observe(render(template, row))
    for template in ["Your $plan, $renewal", "${renewal} $name", "$Name"]:
        try:
            render(template, row)
        except ValueError as error:
            observe(str(error))


def check_build_message(observe):
    row = {"email": "grace@example.org", "name": "Grace", "plan": "silver"}
    msg = build_message(SENDER, row, "Hi $name ($plan)", "Dear $name,\n\nYour $plan plan renews.\n")
    observe((str(msg["From"]), str(msg["To"]), str(msg["Subject"]), msg.get_content()))
    observe.raises(build_message, SENDER, row, "Hi $nickname", "body")
    observe.raises(build_message, SENDER, row, "Hi", "Body $nickname")


def check_send_bulk_order_of_rules(observe):
    text = (
        "email,name,plan\n"
        "ada@example.com,Ada,gold\n"
        "nope,Bob,silver\n"
        "ADA@Example.com,Ada again,gold\n"
        " grace@example.org ,Grace,bronze\n"
        "nope,Bob twice,silver\n"
        "grace@EXAMPLE.org,Grace again,bronze\n"
        "linus@example.net,Linus,\n"
    )
    box = Outbox()
    report = send_bulk(text, "Hi $name", "Your $plan plan.", SENDER, box)
    observe(summary(report))
    observe(box.sent)


def check_missing_fields_do_not_count_as_attempts(observe):
    text = "email,name\nada@example.com,Ada\nada@example.com,Ada twice\nbad@,X\n"
    box = Outbox()
    report = send_bulk(text, "Hi $name", "Your $plan plan", SENDER, box)
    observe(summary(report))
    observe(report.skipped[:2])
    observe(box.sent)
    observe(summary(send_bulk(text, "Hi $name", "${name}!", SENDER, box)))
    observe(len(box.sent))


def check_failures_are_reported_and_count_as_attempts(observe):
    refused = smtplib.SMTPRecipientsRefused({"ada@example.com": (550, b"no such user")})
    box = Outbox({
        "ada@example.com": refused,
        "grace@example.org": ConnectionResetError("connection reset"),
        "linus@example.net": TimeoutError(),
        "ken@example.com": smtplib.SMTPServerDisconnected("server went away"),
    })
    text = (
        "email,name\nada@example.com,Ada\ngrace@example.org,Grace\nAda@example.com,Ada\n"
        "linus@example.net,Linus\nken@example.com,Ken\nbarbara@example.com,Barbara\n"
    )
    report = send_bulk(text, "Hi $name", "Hello $name", SENDER, box)
    observe(summary(report))
    observe(box.sent)
    bug = Outbox({"ada@example.com": ValueError("a bug, not a delivery problem")})
    observe.raises(send_bulk, "email,name\nada@example.com,Ada\n", "s", "b", SENDER, bug)


def check_empty_and_header_only(observe):
    box = Outbox()
    observe(summary(send_bulk("email,name\n", "s", "b", SENDER, box)))
    observe(summary(send_bulk("email,name\n\n\n", "s", "b", SENDER, box)))
    observe.raises(send_bulk, "name\nAda\n", "s", "b", SENDER, box)
    observe(box.sent)

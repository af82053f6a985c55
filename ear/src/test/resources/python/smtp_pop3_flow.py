"""A full client session with Python's standard library, as a script someone would write against Atrium:
smtplib sends one message to two users (RFC 5321), poplib reads it back (RFC 1939): STAT, LIST, UIDL, TOP, RETR,
DELE then QUIT removes it, a dropped connection after DELE does not. Exits non-zero on any mismatch."""
import poplib
import smtplib
import sys
import time
import uuid
from email.message import EmailMessage

host, smtp_port, pop_port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
users = [(sys.argv[4], sys.argv[5]), (sys.argv[6], sys.argv[7])]
tag = uuid.uuid4().hex


def pop(user, password):
    p = poplib.POP3(host, pop_port, timeout=20)
    p.user(user)
    p.pass_(password)
    return p


msg = EmailMessage()
msg["From"] = "Python Tester <py@example.org>"
msg["To"] = ", ".join(u for u, _ in users)
msg["Subject"] = "python " + tag
msg.set_content("first line\n.a dot line\nlast line\n")
with smtplib.SMTP(host, smtp_port, timeout=20) as s:
    code, caps = s.ehlo("python.example.org")
    assert code == 250 and b"PIPELINING" in caps and b"8BITMIME" in caps, caps
    refused = s.send_message(msg)
    assert refused == {}, refused
    try:
        s.sendmail("py@example.org", ["victim@elsewhere.example"], "Subject: relay\r\n\r\nx\r\n")
        raise AssertionError("relay accepted")
    except smtplib.SMTPRecipientsRefused as e:
        code, text = e.recipients["victim@elsewhere.example"]
        assert code == 550 and text.startswith(b"5.7.1"), (code, text)

deadline = time.time() + 20
for user, password in users:
    while True:
        p = pop(user, password)
        count, _ = p.stat()
        if count >= 1:
            break
        p.quit()
        assert time.time() < deadline, "not delivered to " + user
        time.sleep(0.2)
    uid_first = p.uidl(1).split()[2]
    top = b"\r\n".join(p.top(1, 1)[1])
    assert b"Subject: python " + tag.encode() in top, top
    assert top.endswith(b"first line"), top
    lines = p.retr(1)[1]
    assert b".a dot line" in lines, lines
    p.dele(1)
    p.close()  # dropped without QUIT: nothing may be deleted (RFC 1939 section 6)
    time.sleep(0.3)
    p = pop(user, password)
    assert p.stat()[0] == count, "a dropped connection deleted mail"
    assert p.uidl(1).split()[2] == uid_first, "UIDL changed across sessions"
    p.dele(1)
    p.quit()
    p = pop(user, password)
    assert p.stat()[0] == count - 1, "DELE then QUIT did not remove the message"
    p.quit()
print("python smtplib/poplib flow ok", tag)

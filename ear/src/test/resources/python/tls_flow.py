"""Python's standard library clients over TLS, as someone would use them against Atrium with its self-signed
certificate (ssl._create_unverified_context()): smtplib STARTTLS (RFC 3207) delivers a message, poplib STLS
(RFC 2595) and imaplib STARTTLS (RFC 3501 6.2.1) log in and read it, POP3_SSL and IMAP4_SSL log in on the implicit-TLS
ports (RFC 8314). STARTTLS/STLS must be offered before TLS and never after it, nor on the implicit ports.
Exits non-zero on any mismatch."""
import imaplib
import poplib
import smtplib
import ssl
import sys
import time
import uuid
from email.message import EmailMessage

host = sys.argv[1]
smtp_port, pop_port, imap_port, imaps_port, pop3s_port = (int(x) for x in sys.argv[2:7])
user, password = sys.argv[7], sys.argv[8]
tag = uuid.uuid4().hex


def ctx():
    return ssl._create_unverified_context()


# SMTP: STARTTLS, then EHLO again; the message arrives "with ESMTPS" (RFC 3848).
msg = EmailMessage()
msg["From"] = "TLS Tester <tls@example.org>"
msg["To"] = user
msg["Subject"] = "tls " + tag
msg.set_content("sent over STARTTLS\n")
with smtplib.SMTP(host, smtp_port, timeout=20) as s:
    code, _ = s.ehlo("python.example.org")
    assert code == 250 and s.has_extn("starttls"), s.esmtp_features
    code, text = s.starttls(context=ctx())
    assert code == 220 and text.startswith(b"2.0.0"), (code, text)
    assert isinstance(s.sock, ssl.SSLSocket), s.sock
    code, _ = s.ehlo("python.example.org")
    assert code == 250 and not s.has_extn("starttls"), s.esmtp_features
    assert s.send_message(msg) == {}
    code, text = s.docmd("STARTTLS")
    assert code == 503 and text.startswith(b"5.5.1"), (code, text)

# POP3: STLS, then the message (its Received header says ESMTPS).
deadline = time.time() + 20
while True:
    p = poplib.POP3(host, pop_port, timeout=20)
    assert "STLS" in p.capa(), p.capa()
    p.stls(context=ctx())
    assert "STLS" not in p.capa(), p.capa()
    p.user(user)
    p.pass_(password)
    assert p.noop().startswith(b"+OK")
    count, _ = p.stat()
    if count >= 1:
        break
    p.quit()
    assert time.time() < deadline, "not delivered to " + user
    time.sleep(0.2)
content = b"\r\n".join(p.retr(count)[1])
assert b"Subject: tls " + tag.encode() in content, content
assert b"with ESMTPS" in content, content
p.quit()

# POP3S: TLS from the first byte, no STLS.
p = poplib.POP3_SSL(host, pop3s_port, timeout=20, context=ctx())
assert "STLS" not in p.capa(), p.capa()
p.user(user)
p.pass_(password)
assert p.noop().startswith(b"+OK")
assert p.stat()[0] >= 1
p.quit()

# IMAP: STARTTLS, capabilities asked again (imaplib does), no STARTTLS any more.
m = imaplib.IMAP4(host, imap_port, timeout=20)
assert "STARTTLS" in m.capabilities, m.capabilities
typ, _ = m.starttls(ssl_context=ctx())
assert typ == "OK"
assert "STARTTLS" not in m.capabilities, m.capabilities
m.login(user, password)
assert m.noop()[0] == "OK"
m.select("INBOX")
typ, data = m.search(None, "SUBJECT", tag)
assert typ == "OK" and data[0].split(), data
m.logout()

# IMAPS: TLS from the first byte, no STARTTLS.
m = imaplib.IMAP4_SSL(host, imaps_port, ssl_context=ctx(), timeout=20)
assert "STARTTLS" not in m.capabilities, m.capabilities
m.login(user, password)
assert m.noop()[0] == "OK"
m.logout()
print("python tls flow ok", tag)

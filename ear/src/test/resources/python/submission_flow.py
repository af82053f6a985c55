"""Python's smtplib on the submission listeners (RFC 6409), as a mail client would use them against Atrium with its
self-signed certificate: on the STARTTLS port AUTH is not offered before TLS (RFC 4954 4) and MAIL without AUTH is
530; after STARTTLS, AUTH PLAIN delivers a message to the user itself; a wrong password is 535; MAIL FROM someone
else's address is 553 5.7.1, and so is a From: header of someone else at the end of DATA; on the implicit-TLS port
(RFC 8314) AUTH LOGIN delivers a second message. Both are then read over IMAP (STARTTLS), with "with ESMTPSA"
(RFC 3848) in their Received header. Exits non-zero on any mismatch.

Arguments: host submission-port submissions-port imap-port user password other-user"""
import email.policy
import imaplib
import smtplib
import ssl
import sys
import time
import uuid
from email.message import EmailMessage

host = sys.argv[1]
sub_port, subs_port, imap_port = (int(x) for x in sys.argv[2:5])
user, password, other = sys.argv[5], sys.argv[6], sys.argv[7]
tag = uuid.uuid4().hex


def ctx():
    return ssl._create_unverified_context()


def message(sender, subject):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = user
    m["Subject"] = subject
    m.set_content("submitted " + tag + "\n")
    return m


# Before TLS: no AUTH offered, AUTH refused with 538, MAIL refused with 530.
with smtplib.SMTP(host, sub_port, timeout=20) as s:
    code, _ = s.ehlo("python.example.org")
    assert code == 250 and s.has_extn("starttls"), s.esmtp_features
    assert not s.has_extn("auth"), s.esmtp_features
    code, text = s.docmd("AUTH", "PLAIN AHVzZXIAcGFzcw==")
    assert code == 538 and text.startswith(b"5.7.11"), (code, text)
    code, text = s.mail(user)
    assert code == 530 and text.startswith(b"5.7.0"), (code, text)

# STARTTLS, then AUTH PLAIN: delivery to a local user, and the sender rules.
with smtplib.SMTP(host, sub_port, timeout=20) as s:
    s.ehlo("python.example.org")
    code, _ = s.starttls(context=ctx())
    assert code == 220
    s.ehlo("python.example.org")
    assert s.has_extn("auth"), s.esmtp_features
    mechanisms = s.esmtp_features["auth"].upper().split()
    assert "PLAIN" in mechanisms and "LOGIN" in mechanisms, mechanisms
    code, text = s.mail(user)
    assert code == 530 and text.startswith(b"5.7.0"), (code, text)
    s.rset()
    code, text = s.login(user, password)
    assert code == 235 and text.startswith(b"2.7.0"), (code, text)
    code, text = s.docmd("AUTH", "PLAIN AHVzZXIAcGFzcw==")
    assert code == 503, (code, text)
    assert s.send_message(message(user, "submission " + tag)) == {}
    code, text = s.mail(other)
    assert code == 553 and text.startswith(b"5.7.1"), (code, text)
    s.rset()
    code, text = s.mail("")
    assert code == 553 and text.startswith(b"5.7.1"), (code, text)
    s.rset()
    try:
        s.sendmail(user, [user], message(other, "forged " + tag).as_bytes(policy=email.policy.SMTP))
        raise AssertionError("a From: of another user was accepted")
    except smtplib.SMTPDataError as e:
        assert e.smtp_code == 553 and e.smtp_error.startswith(b"5.7.1"), e

# A wrong password is 535 5.7.8.
with smtplib.SMTP(host, sub_port, timeout=20) as s:
    s.starttls(context=ctx())
    try:
        s.login(user, password + "-wrong")
        raise AssertionError("a wrong password was accepted")
    except smtplib.SMTPAuthenticationError as e:
        assert e.smtp_code == 535 and e.smtp_error.startswith(b"5.7.8"), e

# Implicit TLS (RFC 8314): AUTH offered at once, no STARTTLS; AUTH LOGIN.
with smtplib.SMTP_SSL(host, subs_port, timeout=20, context=ctx()) as s:
    s.ehlo("python.example.org")
    assert s.has_extn("auth") and not s.has_extn("starttls"), s.esmtp_features
    s.user, s.password = user, password
    code, text = s.auth("LOGIN", s.auth_login)
    assert code == 235, (code, text)
    assert s.send_message(message(user, "submissions " + tag)) == {}

# Both messages arrive, and only those two; Received says ESMTPSA.
deadline = time.time() + 30
while True:
    m = imaplib.IMAP4(host, imap_port, timeout=20)
    m.starttls(ssl_context=ctx())
    m.login(user, password)
    m.select("INBOX")
    typ, data = m.search(None, "SUBJECT", tag)
    found = data[0].split()
    if len(found) >= 2:
        break
    m.logout()
    assert time.time() < deadline, "not delivered: " + str(found)
    time.sleep(0.2)
assert len(found) == 2, found
for num in found:
    typ, fetched = m.fetch(num, "(BODY.PEEK[HEADER])")
    header = fetched[0][1]
    assert b"with ESMTPSA" in header, header
    assert b"forged" not in header, header
m.logout()
print("python submission flow ok")

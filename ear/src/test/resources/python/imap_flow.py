"""A full IMAP session with Python's standard library imaplib, as a script someone would write against Atrium
(RFC 3501): LOGIN, LIST (the default mailboxes, delimiter "/"), CREATE, SELECT, APPEND with APPENDUID (RFC 4315),
SEARCH and UID SEARCH, FETCH of flags, size, a header field and the whole message, STORE, COPY with COPYUID, MOVE
(RFC 6851), EXPUNGE, STATUS, LOGOUT. Exits non-zero on any mismatch.

usage: imap_flow.py HOST IMAP_PORT USER PASSWORD"""
import imaplib
import re
import sys
import time
import uuid

host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
tag = uuid.uuid4().hex


def ok(result, what):
    typ, data = result
    assert typ == "OK", (what, typ, data)
    return data


def mailbox_names(listing):
    """Names from LIST responses: '(attrs) "/" name', the name an atom or a quoted string."""
    names = {}
    for line in listing:
        m = re.match(rb'\((?P<attrs>[^)]*)\) "(?P<delim>[^"]*)" (?P<name>.*)$', line)
        assert m, line
        assert m.group("delim") == b"/", line
        names[m.group("name").strip(b'"').decode()] = m.group("attrs").decode()
    return names


def message(subject, body):
    return ("From: Python Tester <py@example.org>\r\n"
            "To: " + user + "\r\n"
            "Subject: " + subject + "\r\n"
            "Message-ID: <" + uuid.uuid4().hex + "@example.org>\r\n"
            "\r\n" + body).encode()


M = imaplib.IMAP4(host, port, timeout=30)
assert "IMAP4REV1" in M.capabilities, M.capabilities
ok(M.login(user, password), "LOGIN")
# The list may grow after login (RFC 3501 section 6.2.3): ask again.
caps = set(ok(M.capability(), "CAPABILITY")[0].decode().upper().split())
for cap in ("IMAP4REV1", "UIDPLUS", "MOVE", "IDLE", "LITERAL+"):
    assert cap in caps, (cap, caps)

names = mailbox_names(ok(M.list(), "LIST"))
for name in ("INBOX", "Sent", "Drafts", "Trash", "Junk"):
    assert name in names, (name, names)
ok(M.create("Archive/" + tag), "CREATE")
assert "Archive/" + tag in mailbox_names(ok(M.list('""', '"Archive/*"'), "LIST Archive/*"))

count = int(ok(M.select("INBOX"), "SELECT")[0])
assert count == 0, count

first = message("python imap " + tag, "first line\r\nsecond line\r\n")
second = message("python other " + tag, "another body\r\n")
appended = []
for raw, flags in ((first, "(\\Seen)"), (second, None)):
    data = ok(M.append("INBOX", flags, imaplib.Time2Internaldate(time.time()), raw), "APPEND")
    m = re.match(rb"\[APPENDUID (\d+) (\d+)\]", data[0])
    assert m, ("no APPENDUID", data)
    appended.append(int(m.group(2)))
assert appended[0] < appended[1], ("UIDs must increase", appended)

ok(M.noop(), "NOOP")
count = int(ok(M.select("INBOX"), "SELECT")[0])
assert count == 2, count

assert ok(M.search(None, "SUBJECT", '"python imap ' + tag + '"'), "SEARCH")[0] == b"1"
assert ok(M.search(None, "UNSEEN"), "SEARCH UNSEEN")[0] == b"2"
assert ok(M.search(None, "BODY", "another"), "SEARCH BODY")[0] == b"2"
uids = [int(u) for u in ok(M.uid("SEARCH", None, "ALL"), "UID SEARCH")[0].split()]
assert uids == appended, (uids, appended)

data = ok(M.fetch("1", "(FLAGS RFC822.SIZE BODY.PEEK[HEADER.FIELDS (SUBJECT)])"), "FETCH")
head, literal = data[0]
assert b"\\Seen" in head, head
assert re.search(rb"RFC822\.SIZE " + str(len(first)).encode() + rb"\b", head), (head, len(first))
assert literal == b"Subject: python imap " + tag.encode() + b"\r\n\r\n", literal

data = ok(M.fetch("2", "(BODY[])"), "FETCH BODY[]")
assert data[0][1] == second, ("the message must come back octet for octet", data[0][1], second)
flags = ok(M.fetch("2", "(FLAGS)"), "FETCH FLAGS")[0]
assert b"\\Seen" in flags, ("BODY[] sets \\Seen", flags)

flags = ok(M.store("2", "+FLAGS", "(\\Flagged)"), "STORE")[0]
assert b"\\Flagged" in flags and b"\\Seen" in flags, flags
assert ok(M.search(None, "FLAGGED"), "SEARCH FLAGGED")[0] == b"2"

data = ok(M.copy("1", "Trash"), "COPY")
assert re.match(rb"\[COPYUID \d+ " + str(appended[0]).encode() + rb" \d+\]", data[-1]), data
data = ok(M.uid("MOVE", str(appended[1]), "Archive/" + tag), "UID MOVE")
status = ok(M.status("Archive/" + tag, "(MESSAGES)"), "STATUS")[0]
assert re.search(rb"\(MESSAGES 1\)", status), status
count = int(ok(M.select("INBOX"), "SELECT")[0])
assert count == 1, ("MOVE removed the message from INBOX", count)

ok(M.store("1", "+FLAGS.SILENT", "(\\Deleted)"), "STORE \\Deleted")
expunged = ok(M.expunge(), "EXPUNGE")
assert expunged == [b"1"], expunged
status = ok(M.status("Trash", "(MESSAGES UNSEEN)"), "STATUS Trash")[0]
assert re.search(rb"MESSAGES 1\b", status) and re.search(rb"UNSEEN 0\b", status), status
ok(M.close(), "CLOSE")

typ, data = M.logout()
assert typ == "BYE", (typ, data)
print("python imaplib flow ok", tag)

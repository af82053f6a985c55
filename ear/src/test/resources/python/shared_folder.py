"""A delegate reads another user's shared folder with Python's standard library imaplib, as a script someone would
write against Atrium: NAMESPACE (RFC 2342) names the other users' namespace, LIST shows the folder under
"Other Users/<owner>/", MYRIGHTS (RFC 4314 section 3.5) says "lr", SELECT opens it READ-ONLY (imaplib raises its
readonly error), EXAMINE, SEARCH and FETCH read the message, STORE is refused (NO), the owner's unshared folders and
INBOX do not exist for the delegate. Exits non-zero on any mismatch.

usage: shared_folder.py HOST IMAP_PORT USER PASSWORD OWNER SUBJECT"""
import imaplib
import re
import sys

host, port, user, password, owner, subject = sys.argv[1:7]
shared = '"Other Users/' + owner + '/Shared"'


def ok(result, what):
    typ, data = result
    assert typ == "OK", (what, typ, data)
    return data


M = imaplib.IMAP4(host, int(port), timeout=30)
ok(M.login(user, password), "LOGIN")

namespace = ok(M.namespace(), "NAMESPACE")[0]
assert namespace == b'(("" "/")) (("Other Users/" "/")) (("Public Folders/" "/"))', namespace

listing = ok(M.list('""', '"Other Users/' + owner + '/*"'), "LIST")
names = [re.match(rb'\((?P<attrs>[^)]*)\) "/" "?(?P<name>[^"]*)"?$', line) for line in listing if line]
assert all(names), listing
names = {m.group("name").decode().lower(): m.group("attrs").decode() for m in names}
assert ("other users/" + owner + "/shared").lower() in names, names
assert ("other users/" + owner + "/private").lower() not in names, names

rights = ok(M.myrights(shared), "MYRIGHTS")[0]
assert re.search(rb' "?lr"?$', rights), rights

try:
    M.select(shared)
    raise AssertionError("SELECT of a folder shared with rights lr must be READ-ONLY")
except M.readonly:
    pass
count = int(ok(M.select(shared, readonly=True), "EXAMINE")[0])
assert count == 1, count

found = ok(M.search(None, "SUBJECT", '"' + subject + '"'), "SEARCH")[0]
assert found == b"1", found
data = ok(M.fetch("1", "(BODY.PEEK[])"), "FETCH")
assert (b"Subject: " + subject.encode()) in data[0][1], data

typ, data = M.store("1", "+FLAGS", "(\\Flagged)")
assert typ == "NO", ("STORE without the w right", typ, data)

for missing in ('"Other Users/' + owner + '/Private"', '"Other Users/' + owner + '/INBOX"'):
    typ, data = M.status(missing, "(MESSAGES)")
    assert typ == "NO" and b"[NONEXISTENT]" in data[0], (missing, typ, data)

ok(M.close(), "CLOSE")
typ, data = M.logout()
assert typ == "BYE", (typ, data)
print("python imaplib shared folder ok")

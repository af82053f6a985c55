"""The dedicated Atrium instance of the benchmarks (bench/smtp-bench, bench/imap-bench): options, start, stop, users.

A benchmark starts its own instance with `bin/atrium start` from the built tree: a fresh ATRIUM_VAR (the wrapper
scripts pass a temporary directory with --var), ATRIUM_SKIP_BUILD=1, ATRIUM_CONF=/dev/null, its own H2 database
and the bench ports (HTTP 8280, SMTP 2725, submission 2787, POP3 1310, IMAP 1343, LDAP 10589), so that it never
touches a running server or the test suite. With --reuse it uses an instance that is already running instead.
The caller stops the instance in a `finally`; bench/bench-wrapper.sh is the safety net when the driver is killed.
Python 3 standard library only.
"""
import base64
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ATRIUM_HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_SCHEMA = "atrium_bench"


class Aborted(Exception):
    """The run could not be set up (exit status 2)."""


def log(msg):
    print("[bench %s] %s" % (time.strftime("%H:%M:%S"), msg), file=sys.stderr, flush=True)


def add_instance_arguments(p, user_password="bench-user-pw-1"):
    """The options every benchmark shares for where its Atrium instance listens and how it is run."""
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--http-port", type=int, default=8280)
    p.add_argument("--smtp-port", type=int, default=2725)
    p.add_argument("--submission-port", type=int, default=2787)
    p.add_argument("--pop3-port", type=int, default=1310)
    p.add_argument("--imap-port", type=int, default=1343)
    p.add_argument("--ldap-port", type=int, default=10589)
    p.add_argument("--admin", default="admin@atrium.test", help="administrator used to create the bench users")
    p.add_argument("--password", default=os.environ.get("ATRIUM_DEMO_PASSWORD", "bench-secret-1"),
                   help="demo/admin password (ATRIUM_DEMO_PASSWORD of the instance)")
    p.add_argument("--user-password", default=user_password, help="password given to the bench users")
    p.add_argument("--reuse", action="store_true",
                   help="use an already running instance at --host/ports instead of starting one")
    p.add_argument("--pid", type=int, help="with --reuse: server JVM pid for heap sampling (default: try --var)")
    p.add_argument("--var", help="ATRIUM_VAR of the instance (the wrapper passes a fresh temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the instance's ATRIUM_VAR (data, logs) afterwards")
    p.add_argument("--postgresql", metavar="JDBC_URL",
                   help="run the dedicated instance on PostgreSQL (e.g. jdbc:postgresql://127.0.0.1:5432/test, user "
                        "postgres) in a schema atrium_bench that is created fresh and dropped afterwards")


def check_instance_arguments(p, a):
    if len(a.password) < 8:
        p.error("--password must have at least 8 characters")


def instance_env(a):
    env = dict(os.environ)
    env.update({
        "ATRIUM_VAR": a.var, "ATRIUM_SKIP_BUILD": "1", "ATRIUM_CONF": "/dev/null",
        "ATRIUM_DEMO_PASSWORD": a.password,
        "ATRIUM_HTTP_PORT": str(a.http_port), "ATRIUM_SMTP_PORT": str(a.smtp_port),
        "ATRIUM_SUBMISSION_PORT": str(a.submission_port), "ATRIUM_POP3_PORT": str(a.pop3_port),
        "ATRIUM_IMAP_PORT": str(a.imap_port), "ATRIUM_LDAP_PORT": str(a.ldap_port),
        # A load generator is one sender on one address: the SMTP rate and connection limits would throttle it.
        "ATRIUM_SMTP_MAX_MESSAGES_PER_MINUTE": "0", "ATRIUM_SMTP_MAX_CONNECTIONS_PER_IP": "0",
        # The implicit-TLS listeners are not benched; off, so they never collide with a running bin/atrium.
        "ATRIUM_IMAPS_PORT": "0", "ATRIUM_POP3S_PORT": "0", "ATRIUM_SUBMISSIONS_PORT": "0",
    })
    for k in ("ATRIUM_DATA_DIR", "ATRIUM_DB_URL", "ATRIUM_DB_DRIVER", "ATRIUM_DB_USER", "ATRIUM_DB_PASSWORD",
              "ATRIUM_DB_SCHEMA"):
        env.pop(k, None)  # the instance gets its own H2 database in its own ATRIUM_VAR
    if a.postgresql:
        env.update({"ATRIUM_DB_DRIVER": "postgresql", "ATRIUM_DB_URL": a.postgresql + "?currentSchema=" + BENCH_SCHEMA,
                    "ATRIUM_DB_USER": "postgres", "ATRIUM_DB_PASSWORD": "postgres", "ATRIUM_DB_SCHEMA": BENCH_SCHEMA})
    return env


def drop_bench_schema(a):
    """Removes the PostgreSQL schema of a --postgresql run (before, for a fresh start, and after)."""
    if a.postgresql and not a.reuse:
        subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", a.postgresql.rsplit("/", 1)[1],
                        "-c", "DROP SCHEMA IF EXISTS %s CASCADE" % BENCH_SCHEMA], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def port_busy(host, port):
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def wait_for_port(host, port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if port_busy(host, port):
            return True
        time.sleep(0.5)
    return False


def start_server(a, also_wait_for=()):
    """`bin/atrium start` of the dedicated instance; returns once it is ready and every port of also_wait_for (which
    bin/atrium does not probe itself, e.g. IMAP) accepts connections."""
    busy = [p for p in (a.http_port, a.smtp_port, a.submission_port, a.pop3_port, a.imap_port, a.ldap_port)
            if port_busy(a.host, p)]
    if busy:
        raise Aborted("port(s) %s already in use on %s: another instance is running there; pick other ports "
                      "(--http-port, --smtp-port, ...) or benchmark it with --reuse" % (busy, a.host))
    drop_bench_schema(a)
    os.makedirs(a.var, exist_ok=True)
    log("starting a dedicated Atrium (ATRIUM_VAR=%s, SMTP %d, POP3 %d, IMAP %d, HTTP %d)"
        % (a.var, a.smtp_port, a.pop3_port, a.imap_port, a.http_port))
    t = time.monotonic()
    out = os.path.join(a.var, "bench-start.log")
    with open(out, "w") as f:
        # own session: a Ctrl-C on the terminal must not reach WildFly; we stop it ourselves
        r = subprocess.run([os.path.join(ATRIUM_HOME, "bin", "atrium"), "start"], env=instance_env(a),
                           stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
    if r.returncode != 0:
        sys.stderr.write(open(out).read())
        raise Aborted("bin/atrium start failed (exit %d)" % r.returncode)
    for port in also_wait_for:
        if not wait_for_port(a.host, port, 30):
            raise Aborted("the instance started but nothing accepts connections on %s:%d" % (a.host, port))
    log("server ready in %.1f s" % (time.monotonic() - t))


def stop_server(a):
    if not a.var or not os.path.exists(os.path.join(a.var, "server", "atrium.pid")):
        return
    log("stopping the bench instance")
    subprocess.run([os.path.join(ATRIUM_HOME, "bin", "atrium"), "stop"], env=instance_env(a),
                   stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                   start_new_session=True)
    drop_bench_schema(a)


def server_pid(a):
    if a.pid:
        return a.pid
    if a.var:
        try:
            return int(open(os.path.join(a.var, "server", "atrium.pid")).read().strip())
        except (OSError, ValueError):
            pass
    return None


def create_users(a, addresses):
    """Creates the bench users through POST /api/v1/users (Basic auth as the administrator). With --reuse, users
    left over from an earlier run (HTTP 409) are kept as they are."""
    auth = base64.b64encode(("%s:%s" % (a.admin, a.password)).encode()).decode()
    for u in addresses:
        body = json.dumps({"address": u, "password": a.user_password}).encode()
        req = urllib.request.Request("http://%s:%d/api/v1/users" % (a.host, a.http_port), data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Authorization": "Basic " + auth})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                if r.status != 201:
                    raise Aborted("creating %s: HTTP %d" % (u, r.status))
        except urllib.error.HTTPError as e:
            if e.code == 409 and a.reuse:  # left over from an earlier run against the same instance
                continue
            raise Aborted("creating %s: HTTP %d %s" % (u, e.code, e.read()[:300]))
        except urllib.error.URLError as e:
            raise Aborted("creating %s: %s" % (u, e.reason))
    return list(addresses)


def loadavg():
    try:
        return open("/proc/loadavg").read().split()[:3]
    except OSError:
        return None


def scan_log(a):
    path = os.path.join(a.var, "server", "log", "server.log")
    try:
        text = open(path, errors="replace").read().splitlines()
    except OSError:
        return
    errors = [l for l in text if " ERROR " in l]
    warns = [l for l in text if " WARN " in l]
    ours = [l for l in warns if "[org.atrium" in l]   # the rest: WildFly/ApacheDS start-up notices
    log("server.log: %d ERROR and %d WARN lines, %d of them from Atrium (%s)"
        % (len(errors), len(warns), len(ours), path))
    for l in (errors + ours)[:15]:
        log("  %s" % l[:300])

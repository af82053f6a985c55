#!/usr/bin/env python3
"""Atrium IMAP benchmark (issue #3; see bench/IMAP-BENCH.md).

Runs the same IMAP load (bench/ImapBench.java: N clients, each looping CONNECT, LOGIN, SELECT, FETCH flags /
envelopes / one full body, STORE \\Seen and \\Deleted, EXPUNGE, APPEND, LOGOUT) first against a Dovecot from
Debian started here with a generated configuration on its own loopback port, then against a dedicated Atrium
instance, on the same machine in the same run, and prints both tables, the ratio of total commands/s
(Atrium/Dovecot) and Atrium's p99 latency. Targets (issue #3): at least half of Dovecot's throughput at 10 clients
with no errors, p99 under 50 ms. Figures are printed, never enforced.

Exit status: 0 when every server measured ran without errors, 1 when there were IMAP errors, 2 when the run could not
be set up, 130 when interrupted.
"""
import argparse
import getpass
import grp
import json
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time

from atrium_instance import (Aborted, add_instance_arguments, check_instance_arguments, create_users,
                             loadavg, log, port_busy, scan_log, server_pid, start_server, stop_server,
                             wait_for_port)

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
TARGET_RATIO = 0.5
TARGET_P99_MS = 50.0


def parse_args():
    p = argparse.ArgumentParser(prog="imap-bench", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("-c", "--clients", type=int, default=10, help="concurrent clients, one account each")
    p.add_argument("--duration", type=int, default=30, help="measured seconds per server")
    p.add_argument("--warmup", type=int, default=10, help="seconds of the same load before the measurement")
    p.add_argument("--seed", type=int, default=200, help="messages in each INBOX before the clock starts")
    p.add_argument("--size", type=int, default=4096, help="octets of each appended message")
    p.add_argument("--only", choices=("atrium", "dovecot"), help="measure one server only")
    p.add_argument("--domain", default="atrium.test", help="domain of the Atrium bench users userN@DOMAIN")
    p.add_argument("--dovecot-port", type=int, default=11143, help="loopback port of the bench Dovecot")
    p.add_argument("--dovecot-mode", choices=("performance", "debian"), default="performance",
                   help="performance: long-lived login processes (imap-login service_count = 0, process_min_avail "
                        "= cores), Dovecot's documented 'high-performance mode' for many short connections, the "
                        "stronger baseline; debian: Debian's defaults (a new imap-login process per connection, "
                        "'high-security mode')")
    add_instance_arguments(p)
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    a = p.parse_args()
    if a.clients < 1 or a.duration < 1 or a.warmup < 0 or a.seed < 5 or a.size < 512:
        p.error("need --clients, --duration >= 1, --warmup >= 0, --seed >= 5 and --size >= 512")
    check_instance_arguments(p, a)
    return a


# ---- Dovecot ------------------------------------------------------------------------------------------------------

class BenchDovecot:
    """A Dovecot of its own in VAR/dovecot: generated dovecot.conf, passwd-file users user1..userN with a plain
    password, Maildir mail under the directory, base_dir and state_dir there, log to dovecot.log, listening on
    127.0.0.1 and --dovecot-port only (no SSL, plaintext LOGIN allowed on loopback).

    As root, Dovecot's own system users (dovecot, dovenull, created by the package) run its internal and login
    processes, and the mail processes run as `nobody` (Dovecot refuses mail access as root); as any other user,
    everything runs as that user (no chroot, no privilege changes)."""

    def __init__(self, a):
        self.a = a
        self.dir = os.path.join(a.var, "dovecot")
        self.conf = os.path.join(self.dir, "dovecot.conf")
        self.log_path = os.path.join(self.dir, "dovecot.log")
        self.pidfile = os.path.join(self.dir, "run", "master.pid")
        self.version = None

    def ensure_installed(self):
        if shutil.which("dovecot") is None:
            log("dovecot is not installed: running bench/install-bench-deps")
            r = subprocess.run([os.path.join(BENCH_DIR, "install-bench-deps")], stdin=subprocess.DEVNULL)
            if r.returncode != 0 or shutil.which("dovecot") is None:
                raise Aborted("dovecot-imapd could not be installed (bench/install-bench-deps)")
        self.version = subprocess.run(["dovecot", "--version"], capture_output=True, text=True).stdout.split(" ")[0].strip()
        if not self.version.startswith("2.3"):
            log("warning: the generated configuration is written for Dovecot 2.3, this is %s" % self.version)

    def write_config(self):
        a = self.a
        mail = os.path.join(self.dir, "mail")
        for d in ("run", "state", "mail"):
            os.makedirs(os.path.join(self.dir, d), exist_ok=True)
        if os.geteuid() == 0:
            uid, gid = pwd.getpwnam("nobody").pw_uid, grp.getgrnam("nogroup").gr_gid
            # the mail processes (uid nobody) must reach VAR/dovecot/mail through the temporary directories
            for d in (a.var, self.dir):
                os.chmod(d, 0o711)
            os.chown(mail, uid, gid)
            users = "default_internal_user = dovecot\ndefault_login_user = dovenull\n"
            extra = ""
        else:
            uid, gid = os.getuid(), os.getgid()
            me, group = getpass.getuser(), grp.getgrgid(gid).gr_name
            users = ("default_internal_user = %s\ndefault_internal_group = %s\ndefault_login_user = %s\n"
                     % (me, group, me))
            extra = ("service anvil {\n  chroot =\n}\nservice imap-login {\n  chroot =\n}\n"
                     "service auth-worker {\n  user = $default_internal_user\n}\n")
        with open(os.path.join(self.dir, "users"), "w") as f:
            for i in range(1, a.clients + 1):
                f.write("user%d:{PLAIN}%s:%d:%d::%s::\n" % (i, a.user_password, uid, gid,
                                                             os.path.join(mail, "user%d" % i)))
        os.chmod(os.path.join(self.dir, "users"), 0o644)
        login = ""
        if a.dovecot_mode == "performance":
            login = "  service_count = 0\n  process_min_avail = %d\n" % (os.cpu_count() or 1)
        conf = """# generated by bench/imap_bench.py for one benchmark run
base_dir = {d}/run
state_dir = {d}/state
instance_name = atrium-bench-dovecot
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = {d}/dovecot.log
{users}first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {d}/users
}}
userdb {{
  driver = passwd-file
  args = username_format=%u {d}/users
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
{login}}}
{extra}""".format(d=self.dir, users=users, port=a.dovecot_port, login=login, extra=extra)
        with open(self.conf, "w") as f:
            f.write(conf)

    def start(self):
        if port_busy("127.0.0.1", self.a.dovecot_port):
            raise Aborted("port %d is already in use: pick another one with --dovecot-port" % self.a.dovecot_port)
        self.write_config()
        # output to a file, not a pipe: the daemonized master keeps the descriptors open (no EOF on a pipe)
        out = os.path.join(self.dir, "dovecot-start.log")
        with open(out, "w") as f:
            r = subprocess.run(["dovecot", "-c", self.conf], stdout=f, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, start_new_session=True)
        if r.returncode != 0:
            raise Aborted("dovecot did not start: %s%s" % (open(out).read().strip(), self.log_tail()))
        if not wait_for_port("127.0.0.1", self.a.dovecot_port, 20):
            raise Aborted("dovecot started but does not listen on %d%s" % (self.a.dovecot_port, self.log_tail()))
        deadline = time.monotonic() + 10
        while self.pid() is None and time.monotonic() < deadline:   # written a moment after the listener opens
            time.sleep(0.1)
        if self.pid() is None:
            raise Aborted("dovecot runs but wrote no %s" % self.pidfile)
        log("Dovecot %s listening on 127.0.0.1:%d (%s mode, config %s)"
            % (self.version, self.a.dovecot_port, self.a.dovecot_mode, self.conf))

    def log_tail(self):
        try:
            return "\n" + "".join(open(self.log_path, errors="replace").readlines()[-10:])
        except OSError:
            return ""

    def pid(self):
        try:
            return int(open(self.pidfile).read().strip())
        except (OSError, ValueError):
            return None

    def stop(self):
        pid = self.pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        log("Dovecot stopped")

    def scan_log(self):
        try:
            lines = open(self.log_path, errors="replace").read().splitlines()
        except OSError:
            return
        bad = [l for l in lines if (": Error:" in l or ": Fatal:" in l or ": Panic:" in l or ": Warning:" in l)
               and "Killed with signal 15" not in l]   # that one is our own stop()
        log("dovecot.log: %d error/warning lines (%s)" % (len(bad), self.log_path))
        for l in bad[:10]:
            log("  %s" % l[:300])


# ---- the load generator -------------------------------------------------------------------------------------------

def java():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "java")):
        return os.path.join(home, "bin", "java")
    j = shutil.which("java")
    if j is None:
        raise Aborted("no java on PATH (the load generator needs JDK 17 or later)")
    return j


def run_generator(a, label, port, user_format, pid):
    """Runs bench/ImapBench.java against one server; returns (figures dict or None, exit status)."""
    out = os.path.join(a.var, "imapbench-%s.json" % label.split()[0].lower())
    cmd = [java(), "-XX:+UseSerialGC", "-Xmx512m", os.path.join(BENCH_DIR, "ImapBench.java"),
           "--host", "127.0.0.1" if label.startswith("Dovecot") else a.host, "--port", str(port),
           "--clients", str(a.clients), "--duration", str(a.duration), "--warmup", str(a.warmup),
           "--seed", str(a.seed), "--size", str(a.size), "--user", user_format, "--label", label, "--json", out]
    if pid:
        cmd += ["--server-pid", str(pid)]
    env = dict(os.environ, IMAPBENCH_PASSWORD=a.user_password)
    log("load: %s clients against %s (%d s warm-up, %d s measured)" % (a.clients, label, a.warmup, a.duration))
    r = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL)
    figures = None
    if os.path.exists(out):
        with open(out) as f:
            figures = json.load(f)
    return figures, r.returncode


# ---- the run ------------------------------------------------------------------------------------------------------

def run(a):
    """Measures Dovecot, then Atrium. A server that cannot be set up is reported and the other still measured."""
    results = {"clients": a.clients, "duration_s": a.duration, "warmup_s": a.warmup, "seed": a.seed,
               "cpus": os.cpu_count()}
    status = 0
    if a.only != "atrium":
        try:
            status = max(status, measure_dovecot(a, results))
        except Aborted as e:
            log("Dovecot not measured: %s" % e)
            results["dovecot_error"] = str(e)
            status = 2
    if a.only != "dovecot":
        try:
            status = max(status, measure_atrium(a, results))
        except Aborted as e:
            log("Atrium not measured: %s" % e)
            results["atrium_error"] = str(e)
            status = 2
    results["load_after"] = loadavg()
    return results, status


def measure_dovecot(a, results):
    dovecot = BenchDovecot(a)
    dovecot.ensure_installed()
    try:
        dovecot.start()
        results["load_before_dovecot"] = loadavg()
        figures, rc = run_generator(a, "Dovecot %s" % dovecot.version, a.dovecot_port, "user%d", dovecot.pid())
        results["dovecot"] = figures
        results["dovecot_version"] = dovecot.version
        results["dovecot_mode"] = a.dovecot_mode
        if figures is None:
            raise Aborted("the load generator gave no figures (exit %d)" % rc)
        return rc
    finally:
        dovecot.stop()
        dovecot.scan_log()


def measure_atrium(a, results):
    try:
        if not a.reuse:
            start_server(a, also_wait_for=(a.imap_port,))
        elif not port_busy(a.host, a.imap_port):
            raise Aborted("nothing listens for IMAP on %s:%d (--reuse)" % (a.host, a.imap_port))
        create_users(a, ["user%d@%s" % (i, a.domain) for i in range(1, a.clients + 1)])
        results["load_before_atrium"] = loadavg()
        figures, rc = run_generator(a, "Atrium", a.imap_port, "user%d@" + a.domain.replace("%", "%%"),
                                    server_pid(a))
        results["atrium"] = figures
        if figures is None:
            raise Aborted("the load generator gave no figures (exit %d)" % rc)
        return rc
    finally:
        if not a.reuse:
            stop_server(a)
            scan_log(a)


def report(a, r):
    d, at = r.get("dovecot"), r.get("atrium")
    print()
    print("IMAP benchmark: %d clients, %d s measured after %d s warm-up, %d messages per INBOX, %d CPUs; "
          "load average before %s, after %s"
          % (a.clients, a.duration, a.warmup, a.seed, r["cpus"],
             " ".join(r.get("load_before_dovecot") or r.get("load_before_atrium") or []),
             " ".join(r.get("load_after") or [])))
    for name, f, err in (("Dovecot %s (%s mode)" % (r.get("dovecot_version"), a.dovecot_mode), d,
                          r.get("dovecot_error")), ("Atrium", at, r.get("atrium_error"))):
        if err:
            print("  %-32s not measured: %s" % (name, err.splitlines()[0]))
        if f is not None:
            t = f["total"]
            cpu = f.get("server_cpu_s")
            per_session = ("  server CPU %.1f ms/session" % (1000 * cpu / (f["sessions_per_s"] * a.duration))
                           if cpu is not None and f["sessions_per_s"] else "")
            print("  %-32s %8.1f commands/s  %6.1f sessions/s  p50 %s ms  p99 %s ms  errors %d%s"
                  % (name, t["per_s"], f["sessions_per_s"], t["p50_ms"], t["p99_ms"], t["errors"], per_session))
    if d is not None and at is not None and d["total"]["per_s"]:
        ratio = at["total"]["per_s"] / d["total"]["per_s"]
        r["ratio"] = round(ratio, 3)
        print("Atrium/Dovecot commands/s: %.2f   [target >= %.1f at 10 clients, no errors]" % (ratio, TARGET_RATIO))
    if at is not None:
        print("Atrium p99: %s ms, errors %d   [target p99 < %.0f ms]"
              % (at["total"]["p99_ms"], at["total"]["errors"], TARGET_P99_MS))
    if a.json:
        print(json.dumps(r, sort_keys=True))
    sys.stdout.flush()


def main():
    a = parse_args()
    if not a.var:
        import tempfile
        a.var = tempfile.mkdtemp(prefix="atrium-bench.")

    def on_term(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)   # also when started in the background with SIGINT ignored

    status = 2
    try:
        results, status = run(a)
        report(a, results)
        if status == 1:
            log("there were IMAP errors: see the tables and the error lines above")
    except Aborted as e:
        log("failed: %s" % e)
        status = 2
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    except Exception as e:  # noqa: BLE001 - report and still stop the servers
        log("failed: %r" % e)
        status = 2
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if status == 0 and not a.keep:
            shutil.rmtree(a.var, ignore_errors=True)
        else:
            log("data and logs kept in %s" % a.var)
    sys.exit(status)


if __name__ == "__main__":
    main()

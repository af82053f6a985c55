#!/usr/bin/env python3
"""Atrium SMTP benchmark (see bench/README.md).

Sends N messages of about S bytes over C concurrent SMTP sessions to a dedicated Atrium instance, then reports
  - accepted/s:  N / (first MAIL FROM .. last 250 after DATA)
  - delivered/s: N / (first MAIL FROM .. the moment POP3 STAT shows every message in the bench users' INBOXes)
  - peak heap used and RSS of the server JVM, sampled every 250 ms with `jstat -gc <pid> 250`.

Python 3 standard library only. Exit status: 0 when the run itself worked (every message accepted and delivered),
1 on SMTP errors or missing messages, 2 on setup failures. Targets are printed for reference, never enforced.
"""
import argparse
import json
import os
import poplib
import random
import shutil
import signal
import smtplib
import subprocess
import sys
import threading
import time

from atrium_instance import (Aborted, add_instance_arguments, check_instance_arguments, create_users, loadavg, log,
                             scan_log, server_pid, start_server, stop_server)

TARGET_ACCEPTED = 500.0
TARGET_DELIVERED = 300.0
TARGET_HEAP_MIB = 1024.0


def parse_args():
    p = argparse.ArgumentParser(prog="smtp-bench", description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("-n", "--messages", type=int, default=2000, help="messages to send")
    p.add_argument("-s", "--size", type=int, default=10240, help="approximate message size in bytes")
    p.add_argument("-c", "--sessions", type=int, default=10, help="concurrent SMTP sessions")
    p.add_argument("-u", "--users", type=int, default=10, help="bench recipients benchNN@DOMAIN (one per message)")
    p.add_argument("--domain", default="atrium.test")
    add_instance_arguments(p)
    p.add_argument("--delivery-timeout", type=float, default=300.0,
                   help="seconds after the last accept before missing messages count as a failure")
    p.add_argument("--poll-interval", type=float, default=0.25,
                   help="pause between two POP3 polls once every message is accepted (each POP3 login costs the "
                        "server a PBKDF2 verification, so polling flat out would steal a core from delivery)")
    p.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--warmup", type=int, default=500,
                   help="messages sent (and delivered) before the timed run, so that the figures describe a "
                        "warmed-up server rather than the JIT compiler at work (0: none)")
    a = p.parse_args()
    if a.messages < 1 or a.sessions < 1 or a.users < 1 or a.size < 512:
        p.error("need --messages, --sessions, --users >= 1 and --size >= 512")
    check_instance_arguments(p, a)
    return a


# ---- messages -----------------------------------------------------------------------------------------------------

WORDS = ("the quarterly report shows that mail flow remained stable while storage grew by a modest amount "
         "please review the attached figures before thursday and send your comments to the team so that we "
         "can finalise the plan for next month including budget staffing migration schedule and risks").split()


def make_message(i, sender, rcpt, size, rnd, run_id):
    date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime())
    head = ("Return-Path: <{s}>\r\nFrom: Bench Sender <{s}>\r\nTo: <{r}>\r\nSubject: Benchmark message {i} of run {run}\r\n"
            "Date: {d}\r\nMessage-ID: <bench.{run}.{i}@bench.atrium.test>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 7bit\r\n"
            "X-Bench-Seq: {i}\r\n\r\n").format(s=sender, r=rcpt, i=i, run=run_id, d=date)
    lines = [head]
    n = len(head)
    while n < size:
        line, words = "", []
        while True:
            w = rnd.choice(WORDS)
            if len(line) + len(w) + 1 > 72:
                break
            line = (line + " " + w) if line else w.capitalize()
        line = (line + ".")[:76]
        lines.append(line + "\r\n")
        n += len(line) + 2
    return "".join(lines).encode("ascii")


# ---- heap sampler -------------------------------------------------------------------------------------------------

class HeapSampler(threading.Thread):
    """One long-lived `jstat -gc <pid> 250` (one extra JVM, not one per sample) plus /proc/<pid>/status VmRSS."""

    def __init__(self, pid, interval_ms=250):
        super().__init__(daemon=True)
        self.pid, self.interval_ms = pid, interval_ms
        self.peak_used_kb = 0.0
        self.peak_committed_kb = 0.0
        self.peak_rss_kb = 0
        self.samples = 0
        self.error = None
        self.proc = None
        self._halt = threading.Event()

    def rss_kb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return 0

    def run(self):
        try:
            self.proc = subprocess.Popen(["jstat", "-gc", str(self.pid), str(self.interval_ms)],
                                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                         start_new_session=True)
            cols = None
            for line in self.proc.stdout:
                parts = line.split()
                if not parts:
                    continue
                if parts[0] == "S0C":
                    cols = parts
                    continue
                if cols is None or len(parts) != len(cols):
                    self.error = line.strip()
                    continue
                v = dict(zip(cols, parts))
                try:
                    used = sum(float(v[k]) for k in ("S0U", "S1U", "EU", "OU"))
                    committed = sum(float(v[k]) for k in ("S0C", "S1C", "EC", "OC"))
                except (KeyError, ValueError):
                    continue
                self.samples += 1
                self.peak_used_kb = max(self.peak_used_kb, used)
                self.peak_committed_kb = max(self.peak_committed_kb, committed)
                self.peak_rss_kb = max(self.peak_rss_kb, self.rss_kb())
                if self._halt.is_set():
                    break
        except OSError as e:
            self.error = str(e)

    def stop(self):
        self._halt.set()
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.join(5)


def cpu_seconds(pid):
    """utime + stime of a process, in seconds (all its threads), or None."""
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def max_heap_mib(pid):
    try:
        args = open("/proc/%d/cmdline" % pid, "rb").read().split(b"\0")
    except OSError:
        return None
    xmx = [x.decode() for x in args if x.startswith(b"-Xmx")]
    if not xmx:
        return None
    v = xmx[-1][4:]
    mult = {"k": 1 / 1024, "m": 1, "g": 1024}.get(v[-1].lower())
    return float(v[:-1]) * mult if mult else float(v) / 1048576


# ---- POP3 delivery poller -----------------------------------------------------------------------------------------

def pop3_stat(a, user):
    p = poplib.POP3(a.host, a.pop3_port, timeout=30)
    try:
        p.user(user)
        p.pass_(a.user_password)
        count, _ = p.stat()
        return count
    finally:
        try:
            p.quit()
        except (poplib.error_proto, OSError):
            p.close()


class DeliveryPoller(threading.Thread):
    """Polls POP3 STAT of each bench user in turn (a POP3 session locks the maildrop, so never two at once)."""

    def __init__(self, a, users, baseline, expected, t0):
        super().__init__(daemon=True)
        self.a, self.users, self.baseline, self.expected, self.t0 = a, users, baseline, expected, t0
        self.seen = {u: 0 for u in users}
        self.done_at = {}
        self.polls = 0
        self.poll_time = 0.0
        self.errors = []
        self.sending = True         # while messages are still being sent, poll gently (each login costs the server
        self.slow_interval = 2.0    # a PBKDF2 verification): one user every 2 s, for progress only
        self._halt = threading.Event()

    def delivered(self):
        return sum(min(v, self.expected[u]) for u, v in self.seen.items())

    def run(self):
        i = 0
        while not self._halt.is_set() and len(self.done_at) < len(self.users):
            pending = [u for u in self.users if u not in self.done_at]
            u = pending[i % len(pending)]
            i += 1
            s = time.monotonic()
            try:
                n = pop3_stat(self.a, u) - self.baseline[u]
            except (poplib.error_proto, OSError) as e:
                self.errors.append("%s: %s" % (u, e))
                time.sleep(0.2)
                continue
            e = time.monotonic()
            self.polls += 1
            self.poll_time += e - s
            self.seen[u] = n
            if n >= self.expected[u]:
                self.done_at[u] = e
            if self.sending:
                self._halt.wait(max(0.0, self.slow_interval - (e - s)))
            elif n < self.expected[u]:
                i -= 1              # stay on the user still missing mail, pause before asking again
                self._halt.wait(self.a.poll_interval)

    def stop(self):
        self._halt.set()
        self.join(60)


# ---- SMTP senders -------------------------------------------------------------------------------------------------

class Sender(threading.Thread):
    def __init__(self, a, idx, work, start_barrier, state):
        super().__init__(daemon=True)
        self.a, self.idx, self.work, self.barrier, self.state = a, idx, work, start_barrier, state
        self.sent = 0
        self.errors = []
        self.last_ok = None

    def connect(self):
        s = smtplib.SMTP(self.a.host, self.a.smtp_port, local_hostname="bench%d.client.test" % self.idx, timeout=60)
        s.ehlo()
        return s

    def run(self):
        smtp = None
        try:
            smtp = self.connect()
        except (smtplib.SMTPException, OSError) as e:
            self.errors.append("connect: %s" % e)
        try:
            self.barrier.wait()
        except threading.BrokenBarrierError:
            return
        while not self.state["abort"]:
            job = self.work.next()
            if job is None:
                break
            sender, rcpt, data = job
            try:
                if smtp is None:
                    smtp = self.connect()
                smtp.sendmail(sender, [rcpt], data)
                self.sent += 1
                self.last_ok = time.monotonic()
            except (smtplib.SMTPException, OSError) as e:
                self.errors.append("%s: %s" % (rcpt, e))
                if isinstance(e, (smtplib.SMTPServerDisconnected, OSError)):
                    try:
                        smtp.close()
                    except Exception:
                        pass
                    smtp = None
                else:
                    try:
                        smtp.rset()
                    except Exception:
                        smtp = None
        if smtp is not None:
            try:
                smtp.quit()
            except Exception:
                pass


class Work:
    def __init__(self, jobs):
        self.jobs, self.i, self.lock = jobs, 0, threading.Lock()

    def next(self):
        with self.lock:
            if self.i >= len(self.jobs):
                return None
            j = self.jobs[self.i]
            self.i += 1
            return j


# ---- the run ------------------------------------------------------------------------------------------------------

def warm_up(a, users, sender, rnd, run_id):
    """Sends a.warmup messages through the same sessions and waits until they are delivered (untimed)."""
    if a.warmup <= 0:
        return
    before = sum(pop3_stat(a, u) for u in users)
    jobs = []
    for i in range(a.warmup):
        rcpt = users[i % len(users)]
        jobs.append((sender, rcpt, make_message(10_000_000 + i, sender, rcpt, a.size, rnd, run_id + "w")))
    state = {"abort": False}
    barrier = threading.Barrier(a.sessions + 1)
    work = Work(jobs)
    senders = [Sender(a, i, work, barrier, state) for i in range(a.sessions)]
    for s in senders:
        s.start()
    barrier.wait()
    for s in senders:
        s.join()
    errors = [e for s in senders for e in s.errors]
    if errors:
        raise RuntimeError("warm-up failed: %s" % errors[0])
    deadline = time.monotonic() + a.delivery_timeout
    while sum(pop3_stat(a, u) for u in users) < before + a.warmup:
        if time.monotonic() > deadline:
            raise RuntimeError("warm-up messages not delivered within %.0f s" % a.delivery_timeout)
        time.sleep(0.5)
    log("warm-up: %d messages sent and delivered (not timed)" % a.warmup)


def run(a):
    result = {"messages": a.messages, "size": a.size, "sessions": a.sessions, "users": a.users,
              "load_before": loadavg()}
    if not a.reuse:
        start_server(a)
    users = create_users(a, ["bench%02d@%s" % (i + 1, a.domain) for i in range(a.users)])
    pid = server_pid(a)

    rnd = random.Random(a.seed)
    run_id = "%x%04x" % (int(time.time()), os.getpid() & 0xffff)
    sender = "loadgen@bench.example"
    jobs, expected = [], {u: 0 for u in users}
    for i in range(a.messages):
        rcpt = users[i % len(users)]
        expected[rcpt] += 1
        jobs.append((sender, rcpt, make_message(i + 1, sender, rcpt, a.size, rnd, run_id)))
    avg_size = sum(len(j[2]) for j in jobs) / len(jobs)
    warm_up(a, users, sender, rnd, run_id)
    result["warmup"] = a.warmup
    baseline = {u: pop3_stat(a, u) for u in users}   # also warms up POP3 and the accounts
    login_t = time.monotonic()
    pop3_stat(a, users[0])
    login_cost = time.monotonic() - login_t

    sampler = None
    if pid:
        sampler = HeapSampler(pid)
        sampler.start()
    else:
        log("no server pid known: heap not sampled (use --pid with --reuse)")

    state = {"abort": False}
    work = Work(jobs)
    barrier = threading.Barrier(a.sessions + 1)
    senders = [Sender(a, i, work, barrier, state) for i in range(a.sessions)]
    for s in senders:
        s.start()
    barrier.wait()                      # every session connected and greeted (EHLO)
    t0 = time.monotonic()               # ... so the clock starts at the first MAIL FROM
    cpu0, client0 = (cpu_seconds(pid) if pid else None), os.times()
    poller = DeliveryPoller(a, users, baseline, expected, t0)
    poller.start()
    log("sending %d messages of ~%d bytes over %d sessions to %d users" % (a.messages, avg_size, a.sessions, a.users))
    last_report = time.monotonic()
    try:
        while any(s.is_alive() for s in senders):
            for s in senders:
                s.join(0.2)
            if time.monotonic() - last_report >= 10:
                last_report = time.monotonic()
                log("accepted so far: %d / %d (%.0f s)" % (sum(x.sent for x in senders), a.messages,
                                                            last_report - t0))
    finally:
        state["abort"] = True
    t_accept = max([s.last_ok for s in senders if s.last_ok] or [t0])
    accepted = sum(s.sent for s in senders)
    smtp_errors = [e for s in senders for e in s.errors]
    poller.sending = False
    log("accepted %d in %.2f s; waiting for delivery" % (accepted, t_accept - t0))

    deadline = time.monotonic() + a.delivery_timeout
    last_report = time.monotonic()
    while poller.is_alive() and time.monotonic() < deadline:
        poller.join(0.2)
        if time.monotonic() - last_report > 10:
            log("delivered so far: %d / %d" % (poller.delivered(), accepted))
            last_report = time.monotonic()
    poller.stop()
    cpu1, client1 = (cpu_seconds(pid) if pid else None), os.times()
    time.sleep(0.5)
    if sampler:
        sampler.stop()

    delivered = poller.delivered()
    all_delivered = len(poller.done_at) == len(users)
    t_deliver = max(poller.done_at.values()) if all_delivered else None
    accept_s = t_accept - t0
    result.update({
        "avg_message_bytes": round(avg_size),
        "accepted": accepted, "smtp_errors": len(smtp_errors),
        "accept_seconds": round(accept_s, 3),
        "accepted_per_s": round(accepted / accept_s, 1) if accept_s > 0 else None,
        "delivered": delivered,
        "deliver_seconds": round(t_deliver - t0, 3) if t_deliver else None,
        "delivered_per_s": round(delivered / (t_deliver - t0), 1) if t_deliver else None,
        "delivery_lag_s": round(t_deliver - t_accept, 3) if t_deliver else None,
        "pop3_polls": poller.polls,
        "pop3_login_s": round(poller.poll_time / poller.polls, 3) if poller.polls else round(login_cost, 3),
        "pop3_errors": len(poller.errors),
        "heap_peak_used_mib": round(sampler.peak_used_kb / 1024) if sampler and sampler.samples else None,
        "heap_peak_committed_mib": round(sampler.peak_committed_kb / 1024) if sampler and sampler.samples else None,
        "heap_max_mib": max_heap_mib(pid) if pid else None,
        "rss_peak_mib": round(sampler.peak_rss_kb / 1024) if sampler and sampler.samples else None,
        "heap_samples": sampler.samples if sampler else 0,
        "server_cpu_s": round(cpu1 - cpu0, 1) if cpu0 is not None and cpu1 is not None else None,
        "server_cpu_ms_per_msg": round((cpu1 - cpu0) * 1000 / a.messages, 1)
        if cpu0 is not None and cpu1 is not None else None,
        "client_cpu_s": round((client1.user + client1.system) - (client0.user + client0.system), 1),
        "cpus": os.cpu_count(),
        "load_after": loadavg(),
    })
    if sampler and sampler.error and not sampler.samples:
        log("heap sampling failed: %s" % sampler.error)
    for e in smtp_errors[:10]:
        log("SMTP error: %s" % e)
    for e in poller.errors[:10]:
        log("POP3 error: %s" % e)
    ok = accepted == a.messages and not smtp_errors and all_delivered
    return result, ok


def fmt_mib(mib):
    return "n/a" if mib is None else ("%.1f GiB" % (mib / 1024) if mib >= 1024 else "%d MiB" % mib)


def report(a, r):
    print()
    print("Atrium SMTP benchmark: %d messages x %d bytes, %d sessions, %d recipients (after %d warm-up messages)"
          % (r["messages"], a.size, r["sessions"], r["users"], r.get("warmup", 0)))
    print("accepted: %d in %.2f s = %s msg/s   (errors: %d)   [target >= %d]"
          % (r["accepted"], r["accept_seconds"], "%.0f" % r["accepted_per_s"] if r["accepted_per_s"] else "n/a",
             r["smtp_errors"], TARGET_ACCEPTED))
    if r["deliver_seconds"] is not None:
        print("delivered to INBOX: %d in %.2f s = %.0f msg/s  (lag after last accept %.2f s)   [target >= %d]"
              % (r["delivered"], r["deliver_seconds"], r["delivered_per_s"], r["delivery_lag_s"], TARGET_DELIVERED))
    else:
        print("delivered to INBOX: only %d of %d after %.0f s   [target >= %d]"
              % (r["delivered"], r["accepted"], a.delivery_timeout, TARGET_DELIVERED))
    print("server heap peak: %s used (committed %s, max %s); RSS peak %s   [target < 1 GiB heap]"
          % (fmt_mib(r["heap_peak_used_mib"]), fmt_mib(r["heap_peak_committed_mib"]), fmt_mib(r["heap_max_mib"]),
             fmt_mib(r["rss_peak_mib"])))
    if r["server_cpu_s"] is not None:
        print("server CPU from first MAIL to last delivery: %.1f s = %.1f ms/message (incl. POP3 polling); "
              "bench client CPU %.1f s; %d CPUs"
              % (r["server_cpu_s"], r["server_cpu_ms_per_msg"], r["client_cpu_s"], r["cpus"]))
    print("(POP3 polls: %d, %.3f s per login+STAT; %d heap samples; load avg before %s, after %s)"
          % (r["pop3_polls"], r["pop3_login_s"], r["heap_samples"], " ".join(r["load_before"] or []),
             " ".join(r["load_after"] or [])))
    if a.json:
        print(json.dumps(r, sort_keys=True))
    sys.stdout.flush()


def main():
    a = parse_args()
    if not a.reuse and not a.var:
        import tempfile
        a.var = tempfile.mkdtemp(prefix="atrium-bench.")

    def on_term(signum, frame):
        raise KeyboardInterrupt()
    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)   # also when started in the background with SIGINT ignored

    status, result = 2, None
    try:
        result, ok = run(a)
        report(a, result)
        status = 0 if ok else 1
    except Aborted as e:
        log("failed: %s" % e)
    except KeyboardInterrupt:
        log("interrupted")
        status = 130
    except Exception as e:  # noqa: BLE001 - report and still stop the server
        log("failed: %r" % e)
    finally:
        if not a.reuse:
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
                stop_server(a)
                if a.var:
                    scan_log(a)
            finally:
                if status == 0 and not a.keep:
                    shutil.rmtree(a.var, ignore_errors=True)
                else:
                    log("instance data and logs kept in %s" % a.var)
    sys.exit(status)


if __name__ == "__main__":
    main()

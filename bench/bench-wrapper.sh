# Sourced by bench/smtp-bench and bench/imap-bench (bash). bench_run_driver runs a Python driver with a fresh
# temporary directory passed as --var (the dedicated Atrium instance's ATRIUM_VAR; the IMAP bench's Dovecot lives in
# its dovecot/ subdirectory) and is the safety net that stops what the driver started even if the driver itself is
# killed: the Atrium instance (bin/atrium stop) and the bench Dovecot (its master's pid, which this run started).
# The driver stops both itself in a `finally`; this trap only acts on what is left.

# bench_run_driver DRIVER.py always|unless-reuse ARGS...
#   always:        a temporary directory even with --reuse (the IMAP bench always runs its own Dovecot there)
#   unless-reuse:  with --reuse the driver runs on its own, without one (the SMTP bench)
bench_run_driver() {
  local driver=$1 want_var=$2 a reuse=0
  shift 2
  for a in "$@"; do
    [[ $a == --reuse ]] && reuse=1
    [[ $a == -h || $a == --help ]] && exec python3 "$driver" --help
  done
  if (( reuse )) && [[ $want_var == unless-reuse ]]; then
    exec python3 "$driver" "$@"
  fi
  BENCH_VAR=$(mktemp -d "${TMPDIR:-/tmp}/atrium-bench.XXXXXX")
  trap _bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  python3 "$driver" --var "$BENCH_VAR" "$@" &
  _bench_child=$!
  wait "$_bench_child"
}

_bench_cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  if [[ -n ${_bench_child:-} ]] && kill -0 "$_bench_child" 2>/dev/null; then
    kill -TERM "$_bench_child" 2>/dev/null || true
    wait "$_bench_child" 2>/dev/null || true
  fi
  if [[ -f $BENCH_VAR/server/atrium.pid ]]; then
    ATRIUM_VAR=$BENCH_VAR ATRIUM_CONF=/dev/null "$ATRIUM_HOME/bin/atrium" stop >&2 || true
  fi
  if [[ -f $BENCH_VAR/dovecot/run/master.pid ]]; then
    pid=$(cat "$BENCH_VAR/dovecot/run/master.pid")
    if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
      echo "bench: stopping the bench Dovecot (pid $pid)" >&2
      kill -TERM "$pid" 2>/dev/null || true
    fi
  fi
  exit "$rc"
}

#!/usr/bin/env bash
# Configures the unpacked WildFly for Atrium: the PostgreSQL driver module, then src/main/cli/configure.cli applied
# offline to standalone-full.xml. Skips the CLI (about 5 s) when the script has not changed since it was last applied.
set -euo pipefail
home=${1:?usage: configure-server.sh WILDFLY_HOME}
here=$(cd "$(dirname "$0")/.." && pwd)
cli=$here/cli/configure.cli
install -D -m 644 "$here/wildfly/modules/org/postgresql/main/module.xml" "$home/modules/org/postgresql/main/module.xml"
stamp=$home/.atrium-configured
sum=$(sha256sum "$cli" | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$sum" ]]; then
  echo "WildFly at $home already configured"
  exit 0
fi
echo "Configuring WildFly at $home with $cli"
out=$("$home/bin/jboss-cli.sh" --file="$cli" 2>&1) || { echo "$out"; exit 1; }
if grep -q '"outcome" => "failed"' <<<"$out"; then
  echo "$out"
  echo "configure.cli failed" >&2
  exit 1
fi
echo "$sum" > "$stamp"

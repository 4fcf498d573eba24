#!/usr/bin/env bash
# Runs every test project against SQLite and a real PostgreSQL, and ends with one line
# "N passed, N failed, N skipped". Installs what the tests need (PostgreSQL, Chromium) with apt-get
# when missing, and starts a throwaway PostgreSQL on 127.0.0.1 in a temporary folder.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
# The analysis tests compare `liaison analyze` with NetworkX live; Debian's packages are seen by /usr/bin/python3.
/usr/bin/python3 -c 'import networkx, scipy' >/dev/null 2>&1 || missing+=(python3-networkx python3-scipy)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || {
    echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
tmp=$(mktemp -d /tmp/liaison-test.XXXXXX)
chmod 755 "$tmp"
port=$(( 20000 + RANDOM % 20000 ))
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$tmp/pg"
[ "$(id -u)" -eq 0 ] && chown postgres "$tmp/pg"
stop_pg() { run_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" -m immediate stop >/dev/null 2>&1; }
trap 'stop_pg; rm -rf "$tmp"' EXIT

echo "== starting PostgreSQL on 127.0.0.1:$port"
run_pg "$pgbin/initdb" -D "$tmp/pg/data" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
run_pg "$pgbin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $tmp/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$tmp/pg/server.log" >&2; exit 1; }
export LIAISON_TEST_NETWORKX=1  # the NetworkX comparison must run: fail, never skip
export LIAISON_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=liaison;Database=postgres;Pooling=true"

echo "== building"
dotnet build Liaison.slnx -c Release -warnaserror -nologo -v q 2>&1 | tail -n 20
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then echo "0 passed, 1 failed, 0 skipped (build failed)"; exit 1; fi

echo "== testing"
dotnet test Liaison.slnx -c Release --no-build --nologo -v q \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$tmp/results" 2>&1 | grep -vE '^\s*$'
test_rc=${PIPESTATUS[0]}

summary=$(python3 - "$tmp/results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    s += int(c.get("notExecuted", 0)) + int(c.get("inconclusive", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
)
echo "$summary"
case "$summary" in *" 0 failed"*) [ "$test_rc" -eq 0 ] && exit 0;; esac
exit 1

#!/usr/bin/env bash
# Call-detail-record import benchmark: `liaison import` of a 1M-row CDR CSV into SQLite and into
# PostgreSQL, side by side in the same run with the raw tools loading the same CSV
# (`sqlite3 .import --csv --skip 1` and `psql \copy … CSV HEADER`). Run from the repository root:
#
#   bench/import-cdr.sh                      # 1,000,000 rows, 3 runs of each, medians
#   ROWS=200000 RUNS=1 bench/import-cdr.sh   # a quick look
#   LIAISON_BENCH_POSTGRES="Host=127.0.0.1;Port=5432;Username=me;Password=…;Database=postgres" bench/import-cdr.sh
#
# What is timed (wall clock, CPU and peak RSS with GNU time; runs interleaved, so a busy machine
# slows every contender alike):
#   ours  sqlite   liaison import of 10 rows: the fixed cost of one run (start-up, migrations check…)
#   ours  sqlite   liaison import into a fresh SQLite node (call_records as the EF migration makes it)
#   raw   sqlite   sqlite3 .import into the same migrated call_records table with its three indexes
#                  (a view with an INSTEAD OF trigger supplies CaseId and ImportId, which the CSV lacks):
#                  with the tool's default 2 MiB page cache; with the 256 MiB our import uses; and with
#                  that cache and the indexes dropped before and built after the load (what our import
#                  does for a large file), all in one transaction
#   raw   sqlite   sqlite3 .import into a plain 5-column table without index (the tool's ceiling)
#   ours  postgres liaison import into a fresh PostgreSQL node
#   raw   postgres psql \copy into the same migrated call_records table (defaults supply CaseId, ImportId)
#   raw   postgres psql \copy into a plain 5-column table without index
#   again          the same file (--force) into the node that already holds it, beside the raw tool into
#                  its already loaded table: a table that is not empty, so indexes are maintained row by row
# Both sides use the node's settings: WAL and synchronous=NORMAL on SQLite. The raw tools only store
# the text; `liaison import` also checks strict UTF-8, normalises both phones to E.164
# (libphonenumber), parses the time to UTC, hashes the file (SHA-256) and records the import.
#
# The CSV is generated once (`liaison scenario cdr`) and cached in $LIAISON_BENCH_CACHE
# (default ${TMPDIR:-/tmp}/liaison-bench-cache). Without LIAISON_BENCH_POSTGRES a throwaway
# PostgreSQL is started on 127.0.0.1 like test.sh does (initdb in a temporary folder; fsync off).
# Needs: sqlite3, psql and PostgreSQL server binaries, GNU time (/usr/bin/time), python3.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

rows=${ROWS:-1000000}
runs=${RUNS:-3}
again=${AGAIN:-1}            # 0 skips the "into a non-empty table" runs
cache=${LIAISON_BENCH_CACHE:-${TMPDIR:-/tmp}/liaison-bench-cache}
for tool in sqlite3 psql /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "import-cdr.sh: needs $tool" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/liaison-bench-import.XXXXXX")
chmod 755 "$work"
pg_started=""
pgbin=""
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ -n "$pg_started" ]; then run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building the CLI (Release)" >&2
./liaison --help >/dev/null
cli="$root/.build/cli/liaison"

mkdir -p "$cache"
csv="$cache/cdr-$rows.csv"
if [ ! -s "$csv" ]; then
  echo "== generating $rows call-detail rows into $csv" >&2
  "$cli" scenario cdr -o "$csv.tmp" --rows "$rows"
  mv "$csv.tmp" "$csv"
fi
chmod 644 "$csv"
bytes=$(stat -c %s "$csv")

if [ -z "${LIAISON_BENCH_POSTGRES:-}" ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(( 20000 + RANDOM % 20000 ))
  mkdir -p "$work/pg"
  [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  echo "== starting a throwaway PostgreSQL on 127.0.0.1:$port" >&2
  run_pg "$pgbin/initdb" -D "$work/pg/data" -U liaison --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
  run_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $work/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$work/pg/server.log" >&2; exit 1; }
  pg_started=1
  LIAISON_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=liaison;Database=postgres"
fi
# psql takes the same server from the Npgsql-style connection string.
IFS=';' read -ra parts <<<"$LIAISON_BENCH_POSTGRES"
for kv in "${parts[@]}"; do
  key=${kv%%=*}; value=${kv#*=}
  case "${key,,}" in
    host|server) export PGHOST=$value ;;
    port) export PGPORT=$value ;;
    username|user\ id|userid|user) export PGUSER=$value ;;
    password) export PGPASSWORD=$value ;;
    database) export PGDATABASE=$value ;;
  esac
done
pg_with_db() { python3 - "$LIAISON_BENCH_POSTGRES" "$1" <<'PY'
import sys
parts = [p for p in sys.argv[1].split(";") if p and not p.lower().startswith("database=")]
print(";".join(parts + ["Database=" + sys.argv[2]]))
PY
}
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

# Each measurement also goes to $cache/import-cdr-last.tsv, so a run's figures outlive its temporary folder.
results="$cache/import-cdr-last.tsv"
: >"$results"
# measure LABEL COMMAND… — appends "label wall user sys maxrss_kb" to the results.
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" >"$work/cmd.out" 2>"$work/cmd.err" \
    || { echo "import-cdr.sh: '$label' failed:" >&2; cat "$work/cmd.out" "$work/cmd.err" >&2; exit 1; }
  echo "$label $(tail -n 1 "$work/time.out")" >>"$results"
  echo "   $label: $(tail -n 1 "$work/time.out" | awk '{print $1 " s wall, " $2 " s user, " $3 " s sys, " int($4/1024) " MiB peak RSS"}')" >&2
}
expect_rows() { # expect_rows LABEL COUNT
  [ "$2" -eq "$rows" ] || { echo "import-cdr.sh: $1 stored $2 rows, expected $rows" >&2; exit 1; }
}
new_node() { # new_node DIR [CONNSTRING]
  if [ -n "${2:-}" ]; then
    "$cli" init --dir "$1" --name Bench --jurisdiction GB --postgres "$2" >/dev/null
  else
    "$cli" init --dir "$1" --name Bench --jurisdiction GB >/dev/null
  fi
}
csv_columns='"Caller","Callee","StartedAt","DurationSeconds","CellId"'
cache_kib=262144   # = SqliteBulkImportSession.ImportCacheKiB

for run in $(seq 1 "$runs"); do
  echo "== run $run of $runs ($rows rows, $((bytes / 1024 / 1024)) MiB)" >&2

  # (a) ours, SQLite; first the fixed cost of one `liaison import` run (10 rows: start-up, migrations check, phone metadata)
  new_node "$work/sqlite-small-$run"
  head -n 11 "$csv" >"$work/ten-rows.csv"
  measure "ours-sqlite-10-rows" "$cli" import --dir "$work/sqlite-small-$run" --case C1 "$work/ten-rows.csv"
  node="$work/sqlite-$run"
  new_node "$node"
  measure "ours-sqlite" "$cli" import --dir "$node" --case C1 "$csv"
  expect_rows "ours-sqlite" "$(sqlite3 "$node/liaison.db" 'SELECT count(*) FROM call_records')"
  if [ "$again" = 1 ]; then
    measure "ours-sqlite-again" "$cli" import --dir "$node" --case C1 --force "$csv"
  fi

  # (b) sqlite3 .import into the very table the migration makes (a fresh node's), through a view whose
  # INSTEAD OF trigger adds the CaseId and ImportId the CSV lacks; three ways of running the tool
  for how in same same-cache same-late; do
    raw="$work/raw-sqlite-$how-$run"
    new_node "$raw"
    sqlite3 "$raw/liaison.db" >/dev/null <<'SQL'
CREATE VIEW cdr_csv(caller, callee, start, duration, cell_id) AS
  SELECT "Caller", "Callee", "StartedAt", "DurationSeconds", "CellId" FROM call_records;
CREATE TRIGGER cdr_csv_insert INSTEAD OF INSERT ON cdr_csv BEGIN
  INSERT INTO call_records ("CaseId", "Caller", "Callee", "StartedAt", "DurationSeconds", "CellId", "ImportId")
  VALUES ('C1', new.caller, new.callee, new.start, new.duration, new.cell_id, 1);
END;
SQL
    load=(sqlite3 "$raw/liaison.db" "PRAGMA synchronous=NORMAL")
    case "$how" in
      same) ;;                                           # the tool's defaults (2 MiB page cache)
      same-cache) load+=("PRAGMA cache_size=-$cache_kib") ;; # the page cache our import uses
      same-late)                                         # and the indexes dropped first, built after the load
        indexes=$(sqlite3 "$raw/liaison.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records' AND sql IS NOT NULL")
        drops=$(sqlite3 "$raw/liaison.db" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records' AND sql IS NOT NULL")
        load+=("PRAGMA cache_size=-$cache_kib" "BEGIN" "$drops") ;;
    esac
    load+=(".import --csv --skip 1 $csv cdr_csv")
    [ "$how" = same-late ] && load+=("$indexes" "COMMIT")
    measure "raw-sqlite-$how" "${load[@]}"
    expect_rows "raw-sqlite-$how" "$(sqlite3 "$raw/liaison.db" 'SELECT count(*) FROM call_records')"
    [ "$how" = same-late ] && [ "$(sqlite3 "$raw/liaison.db" "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records'")" -eq 3 ]
    if [ "$how" = same-cache ] && [ "$again" = 1 ]; then
      measure "raw-sqlite-same-again" sqlite3 "$raw/liaison.db" "PRAGMA synchronous=NORMAL" "PRAGMA cache_size=-$cache_kib" ".import --csv --skip 1 $csv cdr_csv"
    fi
    rm -rf "$raw"
  done

  # (b') a plain 5-column table without any index: the tool's ceiling
  db="$work/raw-plain-$run.db"
  sqlite3 "$db" "PRAGMA journal_mode=WAL; CREATE TABLE cdr (caller TEXT NOT NULL, callee TEXT NOT NULL, start TEXT NOT NULL, duration INTEGER NOT NULL, cell_id TEXT);" >/dev/null
  measure "raw-sqlite-plain" sqlite3 "$db" "PRAGMA synchronous=NORMAL" ".import --csv --skip 1 $csv cdr"
  expect_rows "raw-sqlite-plain" "$(sqlite3 "$db" 'SELECT count(*) FROM cdr')"
  rm -rf "$node" "$work"/raw-*.db* "$work/sqlite-small-$run"

  # (c) ours, PostgreSQL: a fresh database per node
  ours_db="bench_ours_$$_$run"
  raw_db="bench_raw_$$_$run"
  psql_admin -c "CREATE DATABASE $ours_db" -c "CREATE DATABASE $raw_db"
  node="$work/pg-$run"
  new_node "$node" "$(pg_with_db "$ours_db")"
  measure "ours-postgres" "$cli" import --dir "$node" --case C1 "$csv"
  expect_rows "ours-postgres" "$(psql -X -tA -d "$ours_db" -c 'SELECT count(*) FROM call_records')"
  if [ "$again" = 1 ]; then
    measure "ours-postgres-again" "$cli" import --dir "$node" --case C1 --force "$csv"
  fi

  # (d) psql \copy into the migrated call_records of another fresh node; defaults stand in for CaseId, ImportId
  raw="$work/raw-pg-$run"
  new_node "$raw" "$(pg_with_db "$raw_db")"
  psql_admin -d "$raw_db" -c "ALTER TABLE call_records ALTER COLUMN \"CaseId\" SET DEFAULT 'C1', ALTER COLUMN \"ImportId\" SET DEFAULT 1" \
    -c "CREATE TABLE cdr_plain (caller text NOT NULL, callee text NOT NULL, start timestamptz NOT NULL, duration integer NOT NULL, cell_id text)"
  measure "raw-postgres-same" psql -X -q -v ON_ERROR_STOP=1 -d "$raw_db" -c "\\copy call_records($csv_columns) FROM '$csv' CSV HEADER"
  expect_rows "raw-postgres-same" "$(psql -X -tA -d "$raw_db" -c 'SELECT count(*) FROM call_records')"
  if [ "$again" = 1 ]; then
    measure "raw-postgres-same-again" psql -X -q -v ON_ERROR_STOP=1 -d "$raw_db" -c "\\copy call_records($csv_columns) FROM '$csv' CSV HEADER"
  fi
  measure "raw-postgres-plain" psql -X -q -v ON_ERROR_STOP=1 -d "$raw_db" -c "\\copy cdr_plain FROM '$csv' CSV HEADER"
  expect_rows "raw-postgres-plain" "$(psql -X -tA -d "$raw_db" -c 'SELECT count(*) FROM cdr_plain')"
  psql_admin -c "DROP DATABASE $ours_db WITH (FORCE)" -c "DROP DATABASE $raw_db WITH (FORCE)"
  rm -rf "$node" "$raw"
done

echo >&2
python3 - "$results" "$rows" "$runs" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys, statistics
path, rows, runs, cores, load = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
samples = {}
for line in open(path):
    label, wall, user, sys_, rss = line.split()
    samples.setdefault(label, []).append((float(wall), float(user) + float(sys_), int(rss)))
def med(label, i):
    return statistics.median(s[i] for s in samples[label]) if label in samples else None
rows_table = [
    ("SQLite", "`liaison import` of 10 rows (fixed cost of one run)", "ours-sqlite-10-rows"),
    ("SQLite", "`liaison import` (fresh node)", "ours-sqlite"),
    ("SQLite", "`sqlite3 .import`, same table and indexes, default 2 MiB cache", "raw-sqlite-same"),
    ("SQLite", "`sqlite3 .import`, same table and indexes, 256 MiB cache", "raw-sqlite-same-cache"),
    ("SQLite", "`sqlite3 .import`, same table, indexes built after the load, 256 MiB cache", "raw-sqlite-same-late"),
    ("SQLite", "`sqlite3 .import`, 5-column table without index", "raw-sqlite-plain"),
    ("SQLite", "`liaison import` again (the table already holds this file's rows)", "ours-sqlite-again"),
    ("SQLite", "`sqlite3 .import` again, same table, 256 MiB cache", "raw-sqlite-same-again"),
    ("PostgreSQL", "`liaison import` (fresh node)", "ours-postgres"),
    ("PostgreSQL", "`psql \\copy`, same table and indexes", "raw-postgres-same"),
    ("PostgreSQL", "`psql \\copy`, 5-column table without index", "raw-postgres-plain"),
    ("PostgreSQL", "`liaison import` again (the table already holds this file's rows)", "ours-postgres-again"),
    ("PostgreSQL", "`psql \\copy` again, same table", "raw-postgres-same-again"),
]
ratios = [
    ("ours-sqlite", "raw-sqlite-same"), ("ours-sqlite", "raw-sqlite-same-cache"), ("ours-sqlite", "raw-sqlite-same-late"), ("ours-sqlite", "raw-sqlite-plain"),
    ("ours-sqlite-again", "raw-sqlite-same-again"),
    ("ours-postgres", "raw-postgres-same"), ("ours-postgres", "raw-postgres-plain"),
    ("ours-postgres-again", "raw-postgres-same-again"),
]
names = {label: f"{db}: {name}" for db, name, label in rows_table}
print(f"{rows:,} call-detail rows; median of {runs} runs; {cores} cores; load average at the end {load}")
print()
print("| Database | Loader | Wall (s) | Rows/s | CPU user+sys (s) | Peak RSS (MiB) |")
print("|---|---|---:|---:|---:|---:|")
for db, name, label in rows_table:
    if label not in samples:
        continue
    wall, cpu, rss = med(label, 0), med(label, 1), med(label, 2)
    rate = "" if label.endswith("-10-rows") else f"{rows / wall:,.0f}"
    print(f"| {db} | {name} | {wall:.1f} | {rate} | {cpu:.1f} | {rss / 1024:.0f} |")
print()
print("| Ours | Raw tool | Ours ÷ raw (rows/s) |")
print("|---|---|---:|")
for ours, raw in ratios:
    if ours in samples and raw in samples:
        print(f"| {names[ours]} | {names[raw]} | **{med(raw, 0) / med(ours, 0):.2f}×** |")
print()
print("CPU and RSS are the client process's: for psql the work happens in the server, so its CPU column is near zero.")
PY

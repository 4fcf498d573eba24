#!/usr/bin/env bash
# Analysis benchmark: Liaison vs igraph vs NetworkX in one run, on the same files.
#   bench/analysis.sh            all suites (real networks, BA 5k, BA 100k/1M edges, BA 1M/10M edges)
#   bench/analysis.sh quick      real networks and BA 5k only
# Needs Debian's python3-networkx and python3-igraph (installed with apt-get when missing).
# Graphs are generated with fixed seeds into $LIAISON_BENCH_DATA (default /tmp/liaison-bench-analysis).
# NetworkX is skipped on the 10M-edge graph unless LIAISON_BENCH_NX_LARGE=1 (its graph alone needs
# many GB there and its Louvain and sampled betweenness would run for hours).
# Prints markdown tables (wall and CPU seconds, ratios, peak memory) on stdout; progress on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mode=${1:-full}
data=${LIAISON_BENCH_DATA:-/tmp/liaison-bench-analysis}
mkdir -p "$data"
py=/usr/bin/python3
if ! $py -c 'import networkx, igraph' 2>/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-networkx python3-igraph >/dev/null
fi
dotnet build bench/Liaison.Bench.Analysis -c Release -nologo -v q >/dev/null
bin=bench/Liaison.Bench.Analysis/bin/Release/net10.0/Liaison.Bench.Analysis
results="$data/results.txt"
load="$data/load.txt"
: >"$results"
: >"$load"

gen() { [ -s "$data/$1.csv" ] || "$bin" generate "$data/$1.csv" "$2" "$3" "$4"; }
suite() { # name files algos k repeat peers
  local name=$1 files=$2 algos=$3 k=$4 repeat=$5 peers=$6
  echo "== $name" >&2
  echo "$name load_average $(cut -d' ' -f1 /proc/loadavg)" >>"$load"
  { "$bin" run "$files" "$algos" "$k" "$repeat" | sed "s/^/$name /"
    taskset -c 0 "$bin" run "$files" "$algos" "$k" "$repeat" | sed "s/^liaison/$name liaison-1core/"
    for lib in $peers; do $py bench/analysis_peers.py "$lib" "$files" "$algos" "$k" "$repeat" | sed "s/^/$name /"; done
  } | tee -a "$results" >&2
}

real=$(ls "$root"/tests/Liaison.Analysis.Tests/TestData/criminal-networks/*.csv | paste -sd, -)
suite real-9 "$real" load,pagerank,betweenness,louvain,components 0 5 "igraph networkx"
gen ba-5k 5000 5 1
suite ba-5k "$data/ba-5k.csv" load,pagerank,betweenness,louvain,components 0 1 "igraph networkx"
if [ "$mode" != quick ]; then
  gen ba-100k 100000 10 2
  suite ba-100k "$data/ba-100k.csv" load,pagerank,pagerank_exact,betweenness,louvain,components 100 1 "igraph networkx"
  gen ba-1m 1000000 10 3
  peers="igraph"; [ "${LIAISON_BENCH_NX_LARGE:-0}" = 1 ] && peers="igraph networkx"
  suite ba-1m "$data/ba-1m.csv" load,pagerank,pagerank_exact,betweenness,louvain,components 100 1 "$peers"
fi

echo "== cdr-10m" >&2
"$bin" cdr 10000000 1000000 7 | tee "$data/cdr.txt" >&2

$py - "$results" <<'PY'
import sys, collections
t = collections.defaultdict(dict); cpu = collections.defaultdict(dict); check = collections.defaultdict(dict); peak = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    suite, lib, algo, value, *rest = line.split()
    if algo == "peak_mb":
        peak[suite][lib] = float(value)
    else:
        t[(suite, algo)][lib] = float(value); check[(suite, algo)][lib] = rest[0]; cpu[(suite, algo)][lib] = float(rest[1])
def fmt(x): return "—" if x is None else (f"{x:.4f}" if x < 1 else f"{x:.2f}" if x < 100 else f"{x:.0f}")
def ratio(a, b): return "—" if a is None or b is None or b == 0 else f"{a / b:.1f}×"
libs4 = ("liaison", "liaison-1core", "igraph", "networkx")
print("Wall-clock seconds (fastest of the repeats; the real-9 row sums the nine networks):")
print()
print("| graph | algorithm | Liaison 2 cores | Liaison 1 core | igraph | NetworkX | igraph ÷ Liaison | NetworkX ÷ Liaison | igraph ÷ Liaison 1 core | check: Liaison / igraph / NetworkX |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (suite, algo), libs in t.items():
    l, l1, i, n = (libs.get(x) for x in libs4)
    c = check[(suite, algo)]
    if c.get("igraph") == "nan":
        i = None
    print(f"| {suite} | {algo} | {fmt(l)} | {fmt(l1)} | {fmt(i)} | {fmt(n)} | {ratio(i, l)} | {ratio(n, l)} | {ratio(i, l1)} | {c.get('liaison','—')} / {c.get('igraph','—')} / {c.get('networkx','—')} |")
print()
print("CPU seconds (user + system of the process during the measurement):")
print()
print("| graph | algorithm | Liaison 2 cores | Liaison 1 core | igraph | NetworkX |")
print("|---|---|---|---|---|---|")
for (suite, algo), libs in cpu.items():
    vals = [libs.get(x) for x in libs4]
    if check[(suite, algo)].get("igraph") == "nan":
        vals[2] = None
    print(f"| {suite} | {algo} | " + " | ".join(fmt(v) for v in vals) + " |")
print()
print("| graph | Liaison peak MB | Liaison 1 core peak MB | igraph peak MB | NetworkX peak MB |")
print("|---|---|---|---|---|")
for suite, libs in peak.items():
    print(f"| {suite} | " + " | ".join(fmt(libs.get(x)) for x in libs4) + " |")
PY
echo
echo "Call records (Liaison only; 10M synthetic rows among 1M numbers, seconds):"
echo
echo '| measure | seconds | detail |'
echo '|---|---|---|'
while read -r _ measure seconds detail; do echo "| $measure | $seconds | $detail |"; done <"$data/cdr.txt"
echo
echo "Load average (1 min) when each suite started, on $(nproc) cores: $(tr '\n' ' ' <"$load")"

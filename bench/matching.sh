#!/usr/bin/env bash
# Matching benchmarks with their peers in the same run (docs/benchmarks.md, "## Matching").
# Usage: bench/matching.sh [--large]   (--large adds a 1M × 1M PSI session on all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
febrl="${FEBRL:-$(cd .. && pwd)/shared/data/febrl}"
[ -d "$febrl" ] || febrl=/work/shared/data/febrl
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build bench/Liaison.Bench.Matching -c Release -nologo -v q >/dev/null
bench=bench/Liaison.Bench.Matching/bin/Release/net10.0/Liaison.Bench.Matching.dll

echo "== primitives: Liaison vs openssl speed (OpenSSL $(openssl version | cut -d' ' -f2))"
dotnet "$bench" primitives
openssl speed -seconds 2 -bytes 16 -hmac sha256 2>/dev/null | tail -n 1 | awk '{ printf "| HMAC-SHA256, 16-byte input | openssl speed -hmac sha256 (context reused) | | | %\047.0f |\n", $2 * 1000 / 16 }'
openssl speed -seconds 2 ecdhx25519 2>/dev/null | tail -n 1 | awk '{ printf "| X25519 ECDH (not ristretto255: a Montgomery ladder, the nearest OpenSSL peer) | openssl speed ecdhx25519 | | | %s |\n", $NF }'

echo "== PSI: where an identifier's CPU goes, beside the fastest group operations libsodium and OpenSSL offer here"
dotnet "$bench" psi-profile
openssl speed -seconds 2 ed25519 2>/dev/null | tail -n 1 | awk '{ printf "| Ed25519 sign (fixed-base) / verify (double-base) | openssl speed ed25519 | | | | %s / %s |\n", $(NF-1), $NF }'
openssl speed -seconds 2 ecdhx25519 2>/dev/null | tail -n 1 | awk '{ printf "| X25519 (Montgomery ladder, hand-tuned assembly) | openssl speed ecdhx25519 | | | | %s |\n", $NF }'

echo "== PSI"
dotnet "$bench" psi "$@"

echo "== Dice: Liaison vs plain CPython"
dotnet "$bench" dice
DOTNET_EnableAVX512=0 dotnet "$bench" dice | grep -E '^\| [0-9]' || true
/usr/bin/python3 bench/dice_peer.py 2000

echo "== CLK encode and link"
dotnet "$bench" clk "--febrl=$febrl"

echo "== CLK linkage 100k × 100k through the hub's stored runs (encode at two agencies, store, link, answer)"
dotnet "$bench" hub "--febrl=$febrl" --n=100000

#!/usr/bin/env bash
# Crash safety of the exchange under SIGKILL, the long run (issue 3):
#   bench/crash-exchange.sh [messages=1000] [kills=20] [alternate|receiver|sender] [seed=1]
# Two nodes made by the real CLI (init, keys init, peer export/add --yes, user add --token) and served
# by `liaison serve` child processes on 127.0.0.1 (SQLite); GB's supervisor posts the messages as case
# messages to NL through the API (4 at a time) while the receiver and the sender are SIGKILLed in turn
# ("alternate") and started again; then every message is counted at both ends.
# Prints a markdown row for docs/benchmarks.md on stdout, the kill log on stderr; exit 1 on any loss or duplicate.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Liaison.Cli -c Release -nologo -v q >/dev/null
dotnet build bench/Liaison.Bench.Crash -c Release -nologo -v q >/dev/null
export LIAISON_CLI_DLL="$PWD/src/Liaison.Cli/bin/Release/net10.0/liaison.dll"
exec dotnet bench/Liaison.Bench.Crash/bin/Release/net10.0/Liaison.Bench.Crash.dll "${1:-1000}" "${2:-20}" "${3:-alternate}" "${4:-1}"

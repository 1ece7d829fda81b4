#!/usr/bin/env bash
# Benchmark of the email digest: queue a month's digest for N confirmed subscribers (default
# 10,000) through the editors' page and send it over SMTP to smtp4dev, on this machine only.
# Prints the time to queue (the editor's click), the time to send everything, the throughput, and
# the peak resident memory of the site (VmHWM) and of smtp4dev.
#
# Usage: bench/digest.sh [subscribers]        Needs python3 and `dotnet tool restore` (smtp4dev).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-10000}
out=$PWD/bench/out
mkdir -p "$out"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "== build (the site's own publish profile: Release, ReadyToRun)"
dotnet publish src/PPRNet.Web -p:PublishProfile=Server -o "$out/digest-app" --nologo -v q >/dev/null
dotnet tool restore >/dev/null

python3 bench/digest.py "$out/digest-app" "$count" | tee "$out/digest-results.md"

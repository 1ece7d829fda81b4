#!/usr/bin/env bash
# Benchmark: import speed and request throughput of a Release build over a 2,000-summary archive.
# Usage: bench/run.sh [summaries] [seconds per URL]. Needs wrk (apt-get install wrk); loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
seconds=${2:-10}
out=bench/out
port=5077
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

echo "== build (Release, published)"
dotnet publish src/PPRNet.Web -c Release -o "$out/app" --nologo -v q >/dev/null
python3 bench/make-archive.py "$count" "$out/content"
rm -f "$out"/bench.db*

export ConnectionStrings__Blog="Data Source=$PWD/$out/bench.db"
export Content__Path="$PWD/$out/content"
export Serilog__MinimumLevel__Default=Warning   # request logging at Information halves throughput
export ASPNETCORE_ENVIRONMENT=Production

echo "== import of $count summaries"
start=$(date +%s.%N)
(cd "$out/app" && dotnet PPRNet.Web.dll import "$PWD/../content" >/dev/null)
echo "first import: $(echo "$(date +%s.%N) - $start" | bc) s"
start=$(date +%s.%N)
(cd "$out/app" && dotnet PPRNet.Web.dll import "$PWD/../content" | tail -1)
echo "second import (nothing changed): $(echo "$(date +%s.%N) - $start" | bc) s (includes process start)"

serve() { # $1: true|false for the output cache
    (cd "$out/app" && Content__ImportOnStartup=false OutputCache__Enabled=$1 exec dotnet PPRNet.Web.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    server=$!
    for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/robots.txt" >/dev/null && break; sleep 0.5; done
}
trap 'kill $server 2>/dev/null || true' EXIT

for cache in false true; do
    echo "== serving on 127.0.0.1:$port, output cache enabled: $cache (wrk -t2 -c16, ${seconds}s per URL)"
    serve $cache
    summary=$(curl -s "http://127.0.0.1:$port/blog" | grep -o 'href="/blog/[0-9]*/[0-9]*/[a-z0-9-]*"' | head -1 | cut -d'"' -f2)
    printf "%-46s %12s %10s %10s\n" "URL" "requests/s" "p50" "p99"
    for path in / /blog "/blog?topic=empathy&type=meta-analysis" "$summary" /topics "/search?q=relapse%20feedback" /feeds/all.rss /sitemap.xml; do
        status=$(curl -s -o /dev/null -w "%{http_code}" "http://127.0.0.1:$port$path")   # warm up
        [ "$status" = 200 ] || { printf "%-46s status %s\n" "$path" "$status"; continue; }
        result=$(wrk -t2 -c16 -d"${seconds}s" --latency "http://127.0.0.1:$port$path")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$result")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$result")
        printf "%-46s %12s %10s %10s\n" "$path" "$rps" "$p50" "$p99"
    done
    kill $server; wait $server 2>/dev/null || true
done

#!/usr/bin/env bash
# Benchmark of the read path and the importer, side by side with two reference points measured in
# the same run: nginx serving one of our own rendered summary pages from a file (the ceiling), and
# a stock `dotnet new mvc` app (the framework's floor: a one-line action and its Razor home page).
#
# Usage: bench/run.sh [sizes] [seconds per URL]     e.g. bench/run.sh "1000 10000 100000" 8
# Needs wrk and nginx (apt-get install wrk nginx); loopback only. Writes bench/out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=${1:-"1000 10000 100000"}
seconds=${2:-8}
out=$PWD/bench/out
port=5077
refport=5078
nginxport=5079
mkdir -p "$out"
for tool in wrk nginx python3 curl varnishd; do
    command -v "$tool" >/dev/null || { echo "$tool is needed: apt-get install wrk nginx varnish varnish-modules" >&2; exit 1; }
done
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
results=$out/results.md
: >"$results"
note() { echo "$*" | tee -a "$results"; }

echo "== build (the site's own publish profile: Release, ReadyToRun)"
dotnet publish src/PPRNet.Web -p:PublishProfile=Server -o "$out/app" --nologo -v q >/dev/null

echo "== stock dotnet new mvc app (the framework's floor)"
rm -rf "$out/stock"
dotnet new mvc -o "$out/stock/src" -n Stock --no-https >/dev/null
sed -i 's|public IActionResult Index()|[HttpGet("/ping")] public string Ping() => "pong";\n\n    public IActionResult Index()|' "$out/stock/src/Controllers/HomeController.cs"
dotnet publish "$out/stock/src" -c Release -o "$out/stock/app" --nologo -v q >/dev/null

export Serilog__MinimumLevel__Default=Warning   # request logging at Information halves throughput
export Logging__LogLevel__Default=Warning
export ASPNETCORE_ENVIRONMENT=Production
export Site__BaseUrl="http://127.0.0.1:$port"
# wrk is one client address: lift the per-address search limit so the benchmark measures search.
export RateLimits__SearchPerAddress__PermitLimit=1000000000

server=""
stop() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; server=""; }
trap 'stop; stop_varnish; [ -f "$out/nginx.pid" ] && kill "$(cat "$out/nginx.pid")" 2>/dev/null; true' EXIT
wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; return 1; }

# wrk -t1 -c8 for $seconds; prints "req/s p50" for one URL (after a warm-up request that must be 200,
# and $3 seconds of warm-up load, 2 by default),
# and, while $cpu_of names our server's process, a third field: that process's CPU milliseconds per
# request, the server's own cost apart from the share of the two cores that wrk takes.
cpu_of=""
load() {
    local url=$1 script=${2:-} warm_up=${3:-2}
    local status
    status=$(curl -s -o /dev/null -w "%{http_code}" "$url")
    [ "$status" = 200 ] || { echo "status-$status -"; return; }
    local result before=0
    # Warm-up first, not measured: a server that has run for a while has compiled its hot paths.
    # (A script's warm-up starts elsewhere in its list: the long tail measures summaries not asked for yet.)
    wrk -t1 -c8 -d"${warm_up}s" ${script:+-s "$script"} "$url" ${script:+-- warm-up} >/dev/null
    [ -z "$cpu_of" ] || before=$(cpu_ticks "$cpu_of")
    if [ -n "$script" ]; then
        result=$(wrk -t1 -c8 -d"${seconds}s" --latency -s "$script" "$url")
    else
        result=$(wrk -t1 -c8 -d"${seconds}s" --latency "$url")
    fi
    local cpu=""
    if [ -n "$cpu_of" ]; then
        cpu=" $(awk -v ticks=$(( $(cpu_ticks "$cpu_of") - before )) -v hz="$(getconf CLK_TCK)" \
            '/requests in/ { if ($1 > 0) printf "%.2f", ticks * 1000 / hz / $1; else print "-" }' <<<"$result")"
    fi
    echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$result") $(awk '$1 == "50%" {print $2}' <<<"$result")$cpu"
}

# User and system CPU time of a process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

rss_of() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1 / 1024}'; }

# Like load, with one request header (a validator); the answer may be 304.
load_with() {
    local url=$1 header=$2 result
    result=$(wrk -t1 -c8 -d"${seconds}s" --latency -H "$header" "$url")
    echo "$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$result") $(awk '$1 == "50%" {print $2}' <<<"$result")"
}

# Bytes of one response as sent with the given Accept-Encoding ("" for none).
bytes_of() { curl -s -o /dev/null -H "Accept-Encoding: $2" -w "%{size_download}" "$1"; }

varnishport=5080
varnish_pid=""
stop_varnish() { [ -n "$varnish_pid" ] && kill "$varnish_pid" 2>/dev/null && wait "$varnish_pid" 2>/dev/null; varnish_pid=""; rm -rf "${varnish_work:-/nonexistent}"; }

# nginx serving files of our own page bytes from $out/nginx: the ceiling a cache in front can reach.
start_nginx() {
    cat >"$out/nginx.conf" <<NGINX
worker_processes auto;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server { listen 127.0.0.1:$nginxport; root $out/nginx; location / { default_type text/html; } }
}
NGINX
    nginx -c "$out/nginx.conf"
    wait_for "http://127.0.0.1:$nginxport/summary.html"
}
stop_nginx() { kill "$(cat "$out/nginx.pid")"; sleep 0.5; }

# varnishd as deploy/varnish.service.conf runs it: the same -p parameters, and its working directory
# (the shared-memory log) on tmpfs, as the README's deployment section mounts /var/lib/varnish.
varnish_work=/dev/shm/pprnet-bench-varnish
[ -d /dev/shm ] || varnish_work=$out/varnish-work
varnish_parameters=$(grep -oE -- '^\s*-p [^ \\]+' deploy/varnish.service.conf | tr -s ' \n' ' ')

# The median of numbers given as arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Reference points: the stock app, and nginx serving a file.
(cd "$out/stock/app" && exec dotnet Stock.dll --urls "http://127.0.0.1:$refport" >/dev/null 2>&1) &
server=$!
wait_for "http://127.0.0.1:$refport/ping"
read -r stock_ping stock_ping_p50 <<<"$(load "http://127.0.0.1:$refport/ping")"
read -r stock_home stock_home_p50 <<<"$(load "http://127.0.0.1:$refport/")"
stop

echo "== sizes: $sizes; wrk -t1 -c8, ${seconds}s per URL"
note "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores; wrk -t1 -c8, ${seconds}s per URL; logging at Warning"
note ""
note "Reference points: stock \`dotnet new mvc\` one-line action $stock_ping req/s (p50 $stock_ping_p50), its Razor home page $stock_home req/s (p50 $stock_home_p50)."

for n in $sizes; do
    content=$out/content-$n
    db=$out/bench-$n.db
    export ConnectionStrings__Blog="Data Source=$db"
    export Content__Path="$content"
    python3 bench/make-archive.py "$n" "$content" >/dev/null
    rm -f "$db" "$db-wal" "$db-shm"

    note ""
    note "## $n summaries"
    note ""
    timed() { # prints "seconds peak-MiB" of one import run
        /usr/bin/time -f "%e %M" -o "$out/time.txt" bash -c "cd '$out/app' && dotnet PPRNet.Web.dll import '$content' >/dev/null" || true
        awk '{printf "%s s, peak %.0f MiB", $1, $2 / 1024}' "$out/time.txt"
    }
    cold=$(timed)
    again=$(timed)
    # The same cold import as the README's one-off command for a large import: tiered PGO off.
    rm -f "$db.pgo-off" "$db.pgo-off-wal" "$db.pgo-off-shm"
    cold_pgo_off=$(ConnectionStrings__Blog="Data Source=$db.pgo-off" DOTNET_TieredPGO=0 timed)
    rm -f "$db.pgo-off" "$db.pgo-off-wal" "$db.pgo-off-shm"
    # 1% of the files changed: one more sentence in each.
    python3 - "$content" "$n" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(root, "summaries")) for f in fs)
for path in files[:: 100]:
    with open(path, "a") as f:
        f.write("\nA sentence added for the benchmark.\n")
PY
    changed=$(timed)
    bytes=$(stat -c %s "$db")
    note "| import | time, peak RSS |"
    note "| --- | --- |"
    note "| cold | $cold |"
    note "| cold, \`DOTNET_TieredPGO=0\` (the one-off command for a large import) | $cold_pgo_off |"
    note "| again, nothing changed (with process start) | $again |"
    note "| again, 1% of files changed | $changed |"
    note ""
    note "Database: $((bytes / 1024 / 1024)) MiB, $((bytes / n)) bytes per summary."
    note ""

    pages=$(( (n + 19) / 20 ))
    deep=$(( n / 500 > 1 ? n / 500 : 2 ))
    [ "$deep" -le "$pages" ] || deep=$pages
    # Every summary address, shuffled the same way each run, for the long tail.
    python3 - "$content" "$out/urls-$n.txt" <<'PY'
import os, random, sys
root, target = sys.argv[1], sys.argv[2]
urls = []
for d, _, fs in os.walk(os.path.join(root, "summaries")):
    for f in fs:
        year = os.path.basename(d)
        urls.append(f"/blog/{year}/{f[:2]}/{f[3:-3]}")
random.seed(11)
random.shuffle(urls)
open(target, "w").write("\n".join(urls) + "\n")
PY
    summary_url=$(head -1 "$out/urls-$n.txt")
    month_url=$(dirname "$summary_url")
    urls=("/robots.txt" "/" "/blog" "/blog?topic=empathy" "/blog?topic=empathy&type=meta-analysis" "/blog?page=$deep"
          "$month_url" "$summary_url" "/topics" "/search?q=therapy" "/search?q=study%2000042" "/feeds/all.rss" "/sitemap.xml")
    # Every page type, for the size of what each sends (no page may grow with the archive).
    page_types=("/" "/blog" "/blog?topic=empathy" "$month_url" "$summary_url" "/blog/months" "/topics" "/search?q=therapy"
                "/feeds/all.rss" "/sitemap.xml" "/sitemaps/pages.xml" "/sitemaps/months-1.xml" "/sitemaps/summaries-1.xml")

    # Named for its size: a harness reusing it after a run of another size would ask for addresses that do not exist.
    cat >"$out/longtail-$n.lua" <<LUA
local paths = {}
for line in io.lines("$out/urls-$n.txt") do paths[#paths + 1] = line end
local i = 0
-- The warm-up walks the second half of the list, so the measured run (from the start) asks for
-- summaries it has not asked for yet, as far as its length allows.
init = function(args)
  if args[1] == "warm-up" then i = math.floor(#paths / 2) end
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

    declare -A uncached=() cached=()
    for cache in false true; do
        (cd "$out/app" && Content__ImportOnStartup=false OutputCache__Enabled=$cache exec dotnet PPRNet.Web.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
        server=$!
        wait_for "http://127.0.0.1:$port/robots.txt"
        # The origin's own cost is what the uncached run measures; the cached run's is the cache's.
        if [ $cache = false ]; then cpu_of=$server; else cpu_of=""; fi
        for url in "${urls[@]}"; do
            if [ $cache = false ]; then uncached[$url]=$(load "http://127.0.0.1:$port$url"); else cached[$url]=$(load "http://127.0.0.1:$port$url"); fi
        done
        if [ $cache = true ]; then
            longtail=$(load "http://127.0.0.1:$port/" "$out/longtail-$n.lua")
            # The web's own caches: 304s for a validator that holds, bytes as sent, and Varnish in front.
            declare -A revalidated=() sizes=() through_varnish=() note_varnish=()
            for url in "/" "/blog?topic=empathy" "$summary_url" "/feeds/all.rss"; do
                etag=$(curl -s -D - -o /dev/null "http://127.0.0.1:$port$url" | awk -F': ' 'tolower($1) == "etag" {print $2}' | tr -d '\r')
                revalidated[$url]=$(load_with "http://127.0.0.1:$port$url" "If-None-Match: $etag")
                sizes[$url]="$(bytes_of "http://127.0.0.1:$port$url" "") / $(bytes_of "http://127.0.0.1:$port$url" "gzip") / $(bytes_of "http://127.0.0.1:$port$url" "br")"
            done
            sed -e "s/.port = \"5000\";/.port = \"$port\";/" deploy/varnish.vcl >"$out/varnish.vcl"
            rm -rf "$varnish_work"
            # shellcheck disable=SC2086 # the parameters are words
            varnishd -F -j none -n "$varnish_work" -a "127.0.0.1:$varnishport" -f "$out/varnish.vcl" \
                $varnish_parameters -s malloc,256m >/dev/null 2>&1 &
            varnish_pid=$!
            wait_for "http://127.0.0.1:$varnishport/robots.txt"
            start_nginx
            # Varnish and nginx (the same bytes from a file) in turns, three rounds each: this machine's
            # speed drifts by more than a tenth within a minute, so each ratio is of two runs side by side.
            declare -A same_file=(["/"]=home.html ["/blog?topic=empathy"]=topic.html ["$summary_url"]=summary.html)
            declare -A varnish_ratio=()
            for url in "/" "/blog?topic=empathy" "$summary_url"; do
                v_runs=() n_runs=() ratios=() v_p50=""
                for _ in 1 2 3; do
                    read -r n _ <<<"$(load "http://127.0.0.1:$nginxport/${same_file[$url]}")"
                    read -r v v_p50 <<<"$(load "http://127.0.0.1:$varnishport$url")"
                    n_runs+=("$n"); v_runs+=("$v")
                    ratios+=("$(awk -v v="$v" -v n="$n" 'BEGIN { if (n > 0) printf "%.3f", v / n; else print 0 }')")
                done
                through_varnish[$url]="$(median "${v_runs[@]}") $v_p50"
                varnish_ratio[$url]=$(printf '%.2f' "$(median "${ratios[@]}")")
                note_varnish[$url]="Varnish ${v_runs[*]}, nginx ${n_runs[*]}"
            done
            stop_nginx
            stop_varnish
        else
            # The long tail twice: right after the usual 2 s of warm-up, and as a server that has served
            # a variety of summaries for a while. Each summary's data takes its page down other code
            # paths (effect sizes, certainty, neighbours in its month, one to four topics), and tiered
            # compilation with PGO compiles those to their final tier only after seeing them for some
            # seconds: in consecutive 10 s runs at 100k, 2,443 then 2,945 req/s.
            longtail_first=$(load "http://127.0.0.1:$port/" "$out/longtail-$n.lua")
            longtail_uncached=$(load "http://127.0.0.1:$port/" "$out/longtail-$n.lua" 15)
            uncached_rss=$(rss_of "$server")
            declare -A page_bytes=()
            for url in "${page_types[@]}"; do page_bytes[$url]=$(bytes_of "http://127.0.0.1:$port$url" ""); done
            curl -s "http://127.0.0.1:$port$summary_url" >"$out/summary.html"
            curl -s "http://127.0.0.1:$port/" >"$out/home.html"
            curl -s "http://127.0.0.1:$port/blog?topic=empathy" >"$out/topic.html"
            mkdir -p "$out/nginx"
            cp "$out/summary.html" "$out/home.html" "$out/topic.html" "$out/nginx/"
        fi
        serving_rss=$(rss_of "$server")
        cpu_of=""
        stop
    done

    # The ceiling: nginx serving the same bytes of our summary page from a file.
    start_nginx
    read -r ceiling ceiling_p50 <<<"$(load "http://127.0.0.1:$nginxport/summary.html")"
    stop_nginx

    note "nginx serving our summary page from a file: $ceiling req/s (p50 $ceiling_p50). Server RSS after the uncached run: $uncached_rss MiB; after the cached run: $serving_rss MiB."
    note ""
    note "| URL | uncached req/s | p50 | server CPU ms a request | cached req/s | p50 | cached / nginx |"
    note "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for url in "${urls[@]}"; do
        read -r u up ucpu <<<"${uncached[$url]}"
        read -r c cp <<<"${cached[$url]}"
        ratio=$(awk -v c="$c" -v m="$ceiling" 'BEGIN { if (m > 0 && c ~ /^[0-9]+$/) printf "%.2f", c / m; else print "-" }')
        note "| \`$url\` | $u | $up | ${ucpu:--} | $c | $cp | $ratio |"
    done
    note ""
    note "| URL | 304 req/s (If-None-Match) | p50 | through Varnish req/s | p50 | Varnish / nginx (same bytes) | bytes: plain / gzip / br |"
    note "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    for url in "/" "/blog?topic=empathy" "$summary_url" "/feeds/all.rss"; do
        read -r r rp <<<"${revalidated[$url]}"
        read -r v vp <<<"${through_varnish[$url]:-- -}"
        note "| \`$url\` | $r | $rp | $v | $vp | ${varnish_ratio[$url]:--} | ${sizes[$url]} |"
    done
    note ""
    read -r lu lup lcpu <<<"$longtail_uncached"
    read -r lc lcp <<<"$longtail"
    note "| long tail: a different summary each request | $lu | $lup | ${lcpu:--} | $lc | $lcp | $(awk -v c="$lc" -v m="$ceiling" 'BEGIN { printf "%.2f", c / m }') |"
    note ""
    read -r lf lfp lfcpu <<<"$longtail_first"
    note "Long tail, uncached, measured first after the usual 2 s of warm-up: $lf req/s (p50 $lfp, ${lfcpu:--} ms of CPU a request); the row above is after 15 s more."
    note ""
    note "Varnish and nginx (the same bytes) in turns, req/s of each round; the ratio above is the median of the rounds' ratios:"
    for url in "/" "/blog?topic=empathy" "$summary_url"; do note "- \`$url\`: ${note_varnish[$url]:--}"; done
    note ""
    note "| page type | bytes (uncompressed) |"
    note "| --- | ---: |"
    for url in "${page_types[@]}"; do note "| \`$url\` | ${page_bytes[$url]} |"; done
done

echo
cat "$results"

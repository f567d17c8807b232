#!/usr/bin/env bash
# HTTP benchmark of the documented production stack: nginx (deploy/nginx-page-cache.conf, the
# fast path) in front of gunicorn (deploy/gunicorn.conf.py) with the page cache, against nginx
# serving the same HTML as static files, in one run on loopback; plus the app alone without any
# cache (render time) and pages of the register on random dates (?as_of=, which no cache holds).
#
#   bench/http.sh                      # from a fresh clone: installs, inits a temporary site
#   BENCH_SECONDS=20 bench/http.sh     # longer runs
#   BENCH_VAR=/tmp/td-bench bench/http.sh   # keep the initialised site between runs
#
# Needs wrk and nginx (Debian: wrk, nginx-light). Prints a table, then as its last line
#   stack_cached_rps=N nginx_rps=N stack_vs_nginx=R uncached_states_parties_ms=N asof_random_rps=N
# Exits 1 if any request failed. Figures are recorded in docs/performance.md.

source "$(dirname "$0")/_serve.sh"

need wrk "Debian: apt-get install wrk"
need nginx "Debian: apt-get install nginx-light"
need curl "Debian: apt-get install curl"

SECONDS_PER_RUN="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
WORKERS="${BENCH_WORKERS:-$(nproc)}"
THREADS=2  # wrk's; -t may not exceed -c, so the one-connection rows use one

prepare_site
CACHED_PORT="$(free_port)"
serve cached "$CACHED_PORT"
UNCACHED_PORT="$(free_port)"
serve uncached "$UNCACHED_PORT" TREATYDESK_PAGE_CACHE=off

ARTICLE="$(article_path "$UNCACHED_PORT")"
[ -n "$ARTICLE" ] || { echo "bench: no article found on /en/news/" >&2; exit 1; }
declare -A PAGES=([home]=/en/ [states-parties]=/en/states-parties/ [article]="$ARTICLE")
ORDER=(home states-parties article)

# The same HTML, saved as files for nginx.
DOCROOT="$WORK/docroot"
mkdir -p "$DOCROOT"
for page in "${ORDER[@]}"; do
  get "$UNCACHED_PORT" "${PAGES[$page]}" >"$DOCROOT/$page.html"
done

# nginx in front of the cached app server, and serving the files (bench/_serve.sh).
NGINX_PORT="$(free_port)"
STACK_PORT="$(free_port)"
nginx_stack "$CACHED_PORT" "$STACK_PORT" "$DOCROOT" "$NGINX_PORT"

# Make sure each server does what its row says: the stack answers from nginx's cache.
for page in "${ORDER[@]}"; do
  for _ in 1 2; do curl -fsS -o /dev/null "http://127.0.0.1:$STACK_PORT${PAGES[$page]}"; done
  status="$(curl -fsS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$STACK_PORT${PAGES[$page]}")"
  [ "$status" = 200 ] || { echo "bench: $page answers $status through nginx" >&2; exit 1; }
done
[ -n "$(find "$WORK/nginx/cache" -type f 2>/dev/null | head -n 1)" ] \
  || { echo "bench: nginx keeps no page" >&2; exit 1; }

# Random days of the register, from the Convention's opening for signature to today.
cat >"$WORK/asof.lua" <<'EOF'
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
local first = os.time{year=2008, month=12, day=3}
local days = math.floor((os.time() - first) / 86400)
request = function()
  local day = os.date("!%Y-%m-%d", first + math.random(0, days) * 86400)
  return wrk.format("GET", "/en/states-parties/?as_of=" .. day)
end
EOF

# run LABEL URL CONNECTIONS → "rps p50_ms p99_ms errors"
run() {
  local out
  out="$(wrk --latency -t "$(( $3 < THREADS ? $3 : THREADS ))" -c "$3" -d "${SECONDS_PER_RUN}s" \
         -H "X-Forwarded-Proto: https" ${4:+-s "$4"} "$2")"
  echo "$out" >"$WORK/wrk-$1.txt"
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0;
                     if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $5 }
    END { printf "%d %.2f %.2f %d\n", rps, p50, p99, errors }'
}

echo
echo "Treaty Desk HTTP benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "gunicorn (deploy/gunicorn.conf.py): $WORKERS workers × ${BENCH_THREADS:-2} threads; wrk: $THREADS threads, ${SECONDS_PER_RUN}s per row; nginx $(nginx -v 2>&1 | sed 's/.*\///')"
echo
printf "%-34s %6s %10s %9s %9s %7s\n" "target" "conns" "req/s" "p50 ms" "p99 ms" "errors"
printf "%-34s %6s %10s %9s %9s %7s\n" "------" "-----" "-----" "------" "------" "------"

total_errors=0
declare -A RPS P50
row() {  # row KIND PAGE URL CONNECTIONS [SCRIPT]
  read -r rps p50 p99 errors < <(run "$1-$2" "$3" "$4" "${5:-}")
  printf "%-34s %6s %10s %9s %9s %7s\n" "$2 ($1)" "$4" "$rps" "$p50" "$p99" "$errors"
  RPS[$1-$2]=$rps; P50[$1-$2]=$p50
  total_errors=$((total_errors + errors))
}
for page in "${ORDER[@]}"; do
  # Uncached: one connection, so that the latency is the time to render the page and not the
  # wait behind other requests.
  row uncached "$page" "http://127.0.0.1:$UNCACHED_PORT${PAGES[$page]}" 1
done
for page in "${ORDER[@]}"; do
  row stack "$page" "http://127.0.0.1:$STACK_PORT${PAGES[$page]}" "$CONNECTIONS"
done
for page in "${ORDER[@]}"; do
  row nginx "$page" "http://127.0.0.1:$NGINX_PORT/$page.html" "$CONNECTIONS"
done
row stack "as-of-random" "http://127.0.0.1:$STACK_PORT/en/states-parties/" \
  "${BENCH_ASOF_CONNECTIONS:-8}" "$WORK/asof.lua"

mean() { local sum=0; for v in "$@"; do sum=$((sum + v)); done; echo $((sum / $#)); }
stack_rps="$(mean "${RPS[stack-home]}" "${RPS[stack-states-parties]}" "${RPS[stack-article]}")"
nginx_rps="$(mean "${RPS[nginx-home]}" "${RPS[nginx-states-parties]}" "${RPS[nginx-article]}")"
ratio="$(awk -v a="$stack_rps" -v b="$nginx_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
echo
echo "article: $ARTICLE; errors: $total_errors; raw wrk output kept only with BENCH_KEEP=1 in $WORK"
echo "stack_cached_rps=$stack_rps nginx_rps=$nginx_rps stack_vs_nginx=$ratio uncached_states_parties_ms=${P50[uncached-states-parties]} asof_random_rps=${RPS[stack-as-of-random]}"
[ "$total_errors" -eq 0 ]

#!/usr/bin/env bash
# Soak test: 60 seconds at 64 connections against a production-configured site on loopback,
# mixing cached pages, the downloads, the feeds, state pages, the health check and, one request
# in ten, the register on a random day, which the page cache cannot answer. Passes only with no error at all:
# no failed connection, no timeout, no response other than 2xx/3xx. Not part of `make test`.
#
#   bench/soak.sh                       # from a fresh clone (installs, inits a temporary site)
#   SOAK_SECONDS=300 bench/soak.sh      # longer
#   BENCH_VAR=/tmp/td-bench bench/soak.sh   # reuse the site bench/http.sh initialised
#
# Needs wrk (Debian: wrk).

source "$(dirname "$0")/_serve.sh"

need wrk "Debian: apt-get install wrk"
need curl "Debian: apt-get install curl"

DURATION="${SOAK_SECONDS:-60}"
CONNECTIONS="${SOAK_CONNECTIONS:-64}"

prepare_site
PORT="$(free_port)"
serve soak "$PORT"
ARTICLE="$(article_path "$PORT")"

# The mix, one path per line; wrk's Lua script walks it round-robin per connection.
PATHS="$WORK/paths.txt"
{
  for lang in en fr es; do
    echo "/$lang/"
    echo "/$lang/states-parties/"
    echo "/$lang/states-parties/?sort=-eif"
    echo "/$lang/states-parties/?as_of=2013-08-01&sort=ordinal"
    echo "/$lang/states-parties.csv"
    echo "/$lang/states-parties.json"
    echo "/$lang/news/"
    echo "/$lang/news/feed.atom"
    echo "/$lang/states/IRQ/"
    echo "/$lang/states/LTU/"
  done
  echo "$ARTICLE"
  echo "/healthz?scope=web"
  echo "/sitemap.xml"
} >"$PATHS"

cat >"$WORK/mix.lua" <<EOF
local paths = {}
for line in io.lines("$PATHS") do paths[#paths + 1] = line end
local counter = 0
local headers = { ["X-Forwarded-Proto"] = "https" }
request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    -- A day no one asked for yet: the cache cannot answer, the app renders the register.
    local day = string.format("%04d-%02d-%02d", math.random(2009, 2025), math.random(1, 12),
                              math.random(1, 28))
    return wrk.format("GET", "/en/states-parties/?as_of=" .. day, headers)
  end
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
EOF

echo "== soak: ${DURATION}s, $CONNECTIONS connections, $(wc -l <"$PATHS") paths," \
     "${BENCH_WORKERS:-$(nproc)} gunicorn workers, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk --latency -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s -s "$WORK/mix.lua" \
  "http://127.0.0.1:$PORT" | tee "$WORK/soak.txt"

errors="$(awk '/Socket errors:/ { gsub(",", ""); e += $4 + $6 + $8 + $10 }
               /Non-2xx or 3xx responses:/ { e += $5 } END { print e + 0 }' "$WORK/soak.txt")"
curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz?scope=web" || { echo "soak: /healthz fails after the run"; exit 1; }
requests="$(awk '/requests in/ { print $1 }' "$WORK/soak.txt")"
echo "soak_requests=$requests soak_errors=$errors"
[ "$errors" -eq 0 ]

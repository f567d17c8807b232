#!/usr/bin/env bash
# Soak test: 60 seconds at 64 connections against a production-configured site on loopback,
# mixing cached pages, the downloads, the feeds, state pages, the health check and, one request
# in ten, the register on a random day, which the page cache cannot answer. Passes only with no error at all:
# no failed connection, no timeout, no response other than 2xx/3xx. Not part of `make test`.
#
# Then the hostile mix (SOAK_HOSTILE=0 skips it): as many connections sending what an attacker
# would (as_of far in the future or out of range, huge and FTS-breaking search queries,
# malformed MIME to the e-mail verifier) while 8 other connections read the cached pages, which
# must keep answering: no error, p99 under SOAK_P99_MS (1000). Only socket errors and timeouts
# count against the hostile side: its 400s are the point. Both go through nginx with the fast
# path, as deployed (needs nginx); SOAK_HOSTILE_VIA=app sends them to gunicorn directly.
#
#   bench/soak.sh                       # from a fresh clone (installs, inits a temporary site)
#   SOAK_SECONDS=300 bench/soak.sh      # longer
#   BENCH_VAR=/tmp/td-bench bench/soak.sh   # reuse the site bench/http.sh initialised
#
# Needs wrk and nginx (Debian: wrk, nginx-light).

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
[ "$errors" -eq 0 ] || exit 1
[ "${SOAK_HOSTILE:-1}" = "0" ] && exit 0

# --- The hostile mix, with the cached pages read alongside. ---
# Through nginx as docs/deploy.md deploys it (the fast path in front: an attacker reaches the
# app only through it, and so do readers); SOAK_HOSTILE_VIA=app sends both to gunicorn alone.
VIA="${SOAK_HOSTILE_VIA:-stack}"
TARGET="$PORT"
if [ "$VIA" = "stack" ]; then
  need nginx "Debian: apt-get install nginx-light"
  TARGET="$(free_port)"
  nginx_stack "$PORT" "$TARGET"
fi
HUGE_Q="$("$BIN/python" -c 'print("%22" + "a%22%00OR*NEAR(" * 400)')"
cat >"$WORK/hostile.lua" <<EOF
local counter = 0
local headers = { ["X-Forwarded-Proto"] = "https" }
local form = { ["X-Forwarded-Proto"] = "https",
               ["Content-Type"] = "application/x-www-form-urlencoded" }
local mime = "source=" .. string.rep("Content-Type%3A+multipart%2Fmixed%3B+boundary%3D%22%22%0D%0A"
             .. "DKIM-Signature%3A+v%3D1%3B+b%3D%00%3B%0D%0A--%0D%0A", 200)
request = function()
  counter = counter + 1
  local kind = counter % 6
  if kind == 0 then  -- far future: each a fresh date, so no cache can answer
    return wrk.format("GET", string.format("/en/obligations/?as_of=%04d-01-%02d",
                      math.random(2100, 9999), math.random(1, 28)), headers)
  elseif kind == 1 then
    return wrk.format("GET", string.format("/en/obligations/deadlines.json?as_of=%04d-12-31",
                      math.random(4000, 9999)), headers)
  elseif kind == 2 then
    return wrk.format("GET", "/en/states-parties/?as_of=9999-12-31&r=" .. counter, headers)
  elseif kind == 3 then
    return wrk.format("GET", "/en/search/?q=$HUGE_Q&r=" .. counter, headers)
  elseif kind == 4 then
    return wrk.format("GET", "/fr/search/?q=%22%00" .. counter, headers)
  end
  return wrk.format("POST", "/en/verify-email/", form, mime)
end
EOF
CACHED="$WORK/cached.txt"
{
  for lang in en fr es; do
    echo "/$lang/"; echo "/$lang/states-parties/"; echo "/$lang/news/"; echo "/$lang/states/IRQ/"
  done
  echo "/healthz?scope=web"  # the web's part: the whole answer is 503 while no worker runs
} >"$CACHED"
cat >"$WORK/cached.lua" <<EOF
local paths = {}
for line in io.lines("$CACHED") do paths[#paths + 1] = line end
local counter = 0
local headers = { ["X-Forwarded-Proto"] = "https" }
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end
EOF
while read -r path; do  # warm the page cache, as readers would have
  for _ in 1 2; do
    curl -fsS -o /dev/null -H "X-Forwarded-Proto: https" "http://127.0.0.1:$TARGET$path"
  done
done <"$CACHED"
echo "== hostile via $VIA: ${DURATION}s, $CONNECTIONS hostile connections + 8 reading cached" \
     "pages, load $(cut -d' ' -f1-3 /proc/loadavg)"
wrk --latency -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 10s -s "$WORK/hostile.lua" \
  "http://127.0.0.1:$TARGET" >"$WORK/hostile.txt" &
HOSTILE_PID=$!
PIDS+=("$HOSTILE_PID")
sleep 2
wrk --latency -t 1 -c 8 -d "$((DURATION - 4))s" --timeout 10s -s "$WORK/cached.lua" \
  "http://127.0.0.1:$TARGET" | tee "$WORK/cached-run.txt"
wait "$HOSTILE_PID" || true
echo "-- the hostile side:"; cat "$WORK/hostile.txt"

to_ms() {  # wrk's "12.34ms" / "1.20s" / "900.00us" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
                         else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WORK/cached-run.txt")")"
cached_errors="$(awk '/Socket errors:/ { gsub(",", ""); e += $4 + $6 + $8 + $10 }
                      /Non-2xx or 3xx responses:/ { e += $5 } END { print e + 0 }' \
                 "$WORK/cached-run.txt")"
hostile_failures="$(awk '/Socket errors:/ { gsub(",", ""); e += $4 + $6 + $8 + $10 }
                         END { print e + 0 }' "$WORK/hostile.txt")"
hostile_requests="$(awk '/requests in/ { print $1 }' "$WORK/hostile.txt")"
curl -fsS -o /dev/null "http://127.0.0.1:$TARGET/healthz?scope=web" \
  || { echo "soak: /healthz fails after the hostile run"; exit 1; }
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hostile_via=$VIA hostile_requests=$hostile_requests hostile_socket_errors=$hostile_failures" \
     "cached_p99_ms=$p99 cached_errors=$cached_errors"
awk -v p="$p99" -v limit="${SOAK_P99_MS:-1000}" 'BEGIN { exit !(p < limit) }' \
  || { echo "soak: cached p99 ${p99} ms is over ${SOAK_P99_MS:-1000} ms under the hostile mix"; exit 1; }
[ "$cached_errors" -eq 0 ] && [ "$hostile_failures" -eq 0 ]

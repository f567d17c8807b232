# Shared by bench/http.sh and bench/soak.sh: a Treaty Desk site in a temporary var dir, served
# by gunicorn on loopback under the production settings, and stopped when the script ends.
# Source it; it defines the functions below and cleans up on exit.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/.venv/bin"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/treatydesk-bench.XXXXXX")"
PIDS=()

cleanup() {
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]:-}"; do
    [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
  done
  if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT INT TERM

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is not installed ($2)" >&2; exit 2; }
}

free_port() {
  "$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The production settings, as docs/deploy.md sets them; TLS is "terminated" by the load
# generator sending X-Forwarded-Proto: https, as nginx would.
production_env() {
  export TREATYDESK_ENV=production
  export TREATYDESK_VAR="${BENCH_VAR:-$WORK/var}"
  export DATABASE_URL="sqlite:///$TREATYDESK_VAR/treatydesk.sqlite3"
  export SECRET_KEY="bench-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export ALLOWED_HOSTS="127.0.0.1,localhost"
  export EMAIL_HOST="localhost"
  export DEFAULT_FROM_EMAIL="bench@localhost"
  # Links name a public address (required, never this machine); requests still go to loopback.
  export TREATYDESK_BASE_URL="https://bench.example"
  unset DJANGO_SETTINGS_MODULE
}

# Install (from a fresh clone), then set the site up once in the var dir.
prepare_site() {
  if [ ! -x "$BIN/treatydesk" ]; then
    echo "== make install" >&2
    make -C "$ROOT" install >&2
  fi
  production_env
  mkdir -p "$TREATYDESK_VAR"
  if [ ! -f "$TREATYDESK_VAR/.bench-ready" ]; then
    echo "== treatydesk init into $TREATYDESK_VAR (once)" >&2
    "$BIN/treatydesk" init >"$WORK/init.log" 2>&1 || { cat "$WORK/init.log" >&2; exit 1; }
    touch "$TREATYDESK_VAR/.bench-ready"
  fi
  # A kept site (BENCH_VAR) may predate a migration: without it every page would be a 500.
  "$BIN/treatydesk" manage migrate --noinput -v0
  "$BIN/treatydesk" manage collectstatic --noinput -v0
}

# serve NAME PORT [ENV=VALUE...]: start gunicorn as the deployment does; wait for /healthz.
serve() {
  local name="$1" port="$2"; shift 2
  # The production configuration (deploy/gunicorn.conf.py), on a loopback port of our own.
  env "$@" "$BIN/gunicorn" --config "$ROOT/deploy/gunicorn.conf.py" \
    --bind "127.0.0.1:$port" --workers "${BENCH_WORKERS:-$(nproc)}" \
    --threads "${BENCH_THREADS:-2}" treatydesk.wsgi:application \
    >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz?scope=web" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "bench: $name did not start; see its log:" >&2
  cat "$WORK/$name.log" >&2
  exit 1
}

# get PORT PATH: one GET as nginx would forward it.
get() {
  curl -fsS -H "X-Forwarded-Proto: https" "http://127.0.0.1:$1$2"
}

# article_path PORT: the newest article of the English news list.
article_path() {
  get "$1" /en/news/ | grep -o 'href="/en/news/[a-z0-9-]*/"' | grep -v '/category/' \
    | head -n 1 | sed 's/href="//; s/"$//'
}

# nginx_stack APP_PORT STACK_PORT [DOCROOT STATIC_PORT]: nginx as docs/deploy.md puts it in front
# of the app server on APP_PORT (keep-alive upstream, the fast path of
# deploy/nginx-page-cache.conf), listening on STACK_PORT, without TLS (wrk speaks plain HTTP;
# nginx tells the app https). With DOCROOT, a second server on STATIC_PORT serves its files.
nginx_stack() {
  local app="$1" stack="$2" docroot="${3:-}" static="${4:-}" static_server=""
  if [ -n "$docroot" ]; then
    static_server="server { listen 127.0.0.1:$static; root $docroot; }"
  fi
  mkdir -p "$WORK/nginx"
  cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  default_type text/html;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  # As deploy/nginx.conf has them.
  proxy_cache_path $WORK/nginx/cache levels=1:2 keys_zone=treatydesk_pages:20m
                   max_size=1g inactive=10m use_temp_path=off;
  map \$http_cookie \$treatydesk_session { default 0; "~(^|;\\s*)(__Host-)?sessionid=" 1; }
  upstream treatydesk { server 127.0.0.1:$app; keepalive 32; }
  $static_server
  server {
    listen 127.0.0.1:$stack;
    client_max_body_size 25m;
    location / {
      proxy_pass http://treatydesk;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      include $ROOT/deploy/nginx-page-cache.conf;
    }
  }
}
EOF
  chmod -R a+rX "$WORK"   # nginx's workers run as an unprivileged user when started as root
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g "daemon off;" 2>"$WORK/nginx/start.log" &
  PIDS+=("$!")
  for _ in $(seq 1 50); do
    curl -fsS -o /dev/null "http://127.0.0.1:$stack/healthz?scope=web" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: nginx did not start; see $WORK/nginx/start.log" >&2
  cat "$WORK/nginx/start.log" "$WORK/nginx/error.log" >&2 2>/dev/null
  exit 1
}

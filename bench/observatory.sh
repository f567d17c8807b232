#!/usr/bin/env bash
# Grade the running site with the MDN HTTP Observatory's own scanner (npm @mdn/mdn-http-observatory).
#
# Starts the site under the production settings behind nginx configured from deploy/nginx.conf
# (TLS with a throwaway certificate authority), then scans https://localhost/ as the
# Observatory scans a public site. The scanner only knows ports 80 and 443, so this needs root
# (or CAP_NET_BIND_SERVICE for nginx) and those ports free on loopback.
#
#   bench/observatory.sh               # prints each test's result, then observatory_grade=… score=…
#
# Needs nginx, openssl, node and npm. Exits 1 unless the grade is A+.

source "$(dirname "$0")/_serve.sh"

need nginx "Debian: apt-get install nginx-light"
need openssl "Debian: apt-get install openssl"
need node "Debian: apt-get install nodejs"
need npm "Debian: apt-get install npm"
OBSERVATORY_VERSION="${OBSERVATORY_VERSION:-1.4.8}"

for port in 80 443; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "observatory: port $port is in use on 127.0.0.1; the scanner can only use 80 and 443" >&2
    exit 2
  fi
done

# The scanner, installed apart from the project. Its install scripts fetch CA and HSTS lists
# from the internet; they are skipped: the CA is ours and localhost is in no preload list.
SCANNER_DIR="${OBSERVATORY_DIR:-$WORK/observatory}"
PACKAGE="$SCANNER_DIR/node_modules/@mdn/mdn-http-observatory"
if [ ! -f "$PACKAGE/src/scan.js" ]; then
  echo "== npm install @mdn/mdn-http-observatory@$OBSERVATORY_VERSION" >&2
  mkdir -p "$SCANNER_DIR"
  npm install --prefix "$SCANNER_DIR" --ignore-scripts --no-audit --no-fund --loglevel error \
    "@mdn/mdn-http-observatory@$OBSERVATORY_VERSION" >&2
fi
[ -f "$PACKAGE/conf/hsts-preload.json" ] || echo '{}' >"$PACKAGE/conf/hsts-preload.json"

prepare_site
APP_PORT="$(free_port)"
serve observatory "$APP_PORT"

# A certificate authority for this run, and a certificate for localhost signed by it.
TLS="$WORK/tls"
mkdir -p "$TLS"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Treaty Desk bench CA" \
  -keyout "$TLS/ca.key" -out "$TLS/ca.pem" 2>/dev/null
openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" \
  -keyout "$TLS/site.key" -out "$TLS/site.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nextendedKeyUsage=serverAuth\n' >"$TLS/ext.cnf"
openssl x509 -req -in "$TLS/site.csr" -CA "$TLS/ca.pem" -CAkey "$TLS/ca.key" -CAcreateserial \
  -days 2 -extfile "$TLS/ext.cnf" -out "$TLS/site.pem" 2>/dev/null

# deploy/nginx.conf with this run's names, listening on loopback only.
NGINX="$WORK/nginx"
mkdir -p "$NGINX"
sed -e "s#@SERVER_NAME@#localhost#g" -e "s#@APP_SERVER@#127.0.0.1:$APP_PORT#g" \
    -e "s#@TLS_CERTIFICATE@#$TLS/site.pem#g" -e "s#@TLS_KEY@#$TLS/site.key#g" \
    -e "s#@VAR_DIR@#$TREATYDESK_VAR#g" -e "s#@APP_DIR@#$ROOT#g" \
    -e "s#listen 80;#listen 127.0.0.1:80;#" -e "s#listen 443 #listen 127.0.0.1:443 #" \
    -e "s#listen \[::\]:#listen [::1]:#" \
    "$ROOT/deploy/nginx.conf" >"$NGINX/site.conf"
if ! (ip -6 addr show lo 2>/dev/null | grep -q '::1'); then
  sed -i '/listen \[::1\]/d' "$NGINX/site.conf"
fi
cat >"$NGINX/nginx.conf" <<EOF
worker_processes 1;
pid $NGINX/nginx.pid;
error_log $NGINX/error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  client_body_temp_path $NGINX/body;
  proxy_temp_path $NGINX/proxy;
  fastcgi_temp_path $NGINX/fastcgi;
  uwsgi_temp_path $NGINX/uwsgi;
  scgi_temp_path $NGINX/scgi;
  include $NGINX/site.conf;
}
EOF
chmod -R a+rX "$WORK"
nginx -t -p "$NGINX" -c "$NGINX/nginx.conf" 2>"$NGINX/test.log" || { cat "$NGINX/test.log" >&2; exit 1; }
nginx -p "$NGINX" -c "$NGINX/nginx.conf" -g "daemon off;" 2>"$NGINX/start.log" &
PIDS+=("$!")
for _ in $(seq 1 50); do
  curl -fsS --cacert "$TLS/ca.pem" -o /dev/null "https://localhost/healthz?scope=web" 2>/dev/null && break
  sleep 0.1
done

echo "== scanning https://localhost/ (nginx from deploy/nginx.conf, gunicorn, production settings)"
NODE_EXTRA_CA_CERTS="$TLS/ca.pem" node "$PACKAGE/src/scan.js" localhost >"$WORK/scan.json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (r.error) { console.error("scanner: " + r.error); process.exit(1); }
  for (const [name, t] of Object.entries(r.tests)) {
    console.log(`${t.pass ? "pass" : "FAIL"}  ${String(t.scoreModifier).padStart(4)}  ${name.padEnd(28)} ${t.result}`);
  }
  console.log(`observatory_grade=${r.scan.grade} score=${r.scan.score} tests_passed=${r.scan.testsPassed}/${r.scan.testsQuantity}`);
  process.exit(r.scan.grade === "A+" ? 0 : 1);
' "$WORK/scan.json"

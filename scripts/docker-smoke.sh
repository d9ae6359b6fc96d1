#!/usr/bin/env bash
# The Dockerfile's recipe, performed outside Docker (there is no Docker engine in CI), so the image's steps are
# exercised on every run:
#   build stage    npm run build                                   → dist/
#   deps stage     npm ci --omit=dev --ignore-scripts + node-pre-gyp build of nodejieba, in a clean directory
#   runtime stage  package*.json + node_modules + dist + seeds + lexicon only; runs as an unprivileged user when we are root;
#                  `node dist/main.js` with fake Slack credentials in HTTP mode; the Dockerfile's own HEALTHCHECK
#                  command; GET /metrics; a signed slash command answered through response_url; SIGTERM → exit 0
#                  within a few seconds; every log line JSON and free of secrets.
#   with Redis     when redis-server is installed (CI installs it in .ci/run), the runtime stage runs a second time
#                  with STATE_URL pointing at a redis-server started for the run: /healthz says the state is in Redis
#                  and ok, and after the stop `zhenxing report --json` (the production CLI) reads the search from
#                  Redis.
# Nothing leaves the machine: the app binds 127.0.0.1 and SLACK_API_URL points at a stand-in for Slack on 127.0.0.1
# (the Slack adapter checks the token with auth.test at start, so a closed port would stop it from starting).
#
# Usage: scripts/docker-smoke.sh          (from anywhere; CI: after `npm test`)
#   SMOKE_SKIP_BUILD=1  reuse the existing dist/ instead of running `npm run build`
#   SMOKE_KEEP=1        keep the temp directory (its path is printed) for inspection
#   SMOKE_STOP_LIMIT=8  seconds allowed between SIGTERM and exit
#   SMOKE_REDIS=0       skip the run with STATE_URL even when redis-server is installed (1: fail when it is not)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

STOP_LIMIT="${SMOKE_STOP_LIMIT:-8}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/zhenxing-smoke.XXXXXX")"
APP="$WORK/app"
DATA=""
LOG=""
REDIS_PORT=""
APP_PID=""
STANDIN_PID=""
REDIS_PID=""
T0=$SECONDS

say() { printf 'docker-smoke: %s\n' "$*" >&2; }
fail() {
  say "FAIL: $*"
  if [ -s "$LOG" ]; then
    say "last lines of the app's log:"
    tail -n 30 "$LOG" >&2
  fi
  exit 1
}
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill -KILL "$APP_PID" 2>/dev/null || true; fi
  if [ -n "$STANDIN_PID" ] && kill -0 "$STANDIN_PID" 2>/dev/null; then kill -TERM "$STANDIN_PID" 2>/dev/null || true; fi
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then kill -TERM "$REDIS_PID" 2>/dev/null || true; fi
  if [ "${SMOKE_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
step() { say "[$((SECONDS - T0))s] $*"; }

# Small helpers in Node (the runtime image has node but no curl; the same holds here).
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# ---- build stage ------------------------------------------------------------------------------------------------
if [ "${SMOKE_SKIP_BUILD:-0}" != 1 ]; then
  step "build: npm run build"
  npm run build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; fail "npm run build failed"; }
fi
[ -f dist/main.js ] || fail "dist/main.js is missing; run npm run build"

# ---- deps stage: clean production install in a directory that holds only what the image holds ---------------------
step "deps: npm ci --omit=dev --ignore-scripts in $APP"
mkdir -p "$APP"
cp package.json package-lock.json "$APP/"
# --prefer-offline only reuses the local npm cache; the set of packages is the lockfile's either way.
(cd "$APP" && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund) >"$WORK/deps.log" 2>&1 ||
  { cat "$WORK/deps.log" >&2; fail "production install failed"; }

step "deps: compile nodejieba (node-pre-gyp install --build-from-source)"
(cd "$APP/node_modules/nodejieba" && npm exec --no -- node-pre-gyp install --build-from-source) >"$WORK/jieba.log" 2>&1 ||
  { tail -n 40 "$WORK/jieba.log" >&2; fail "nodejieba did not compile"; }
rm -rf "$APP/node_modules/nodejieba/build/Release/obj.target" "$APP/node_modules/nodejieba/build/Release/.deps"
(cd "$APP" && node -e "require('nodejieba').cut('乡村振兴')") || fail "the compiled nodejieba addon does not load"

# Only production dependencies: none of the dev tools may be present in the runtime tree.
for dev in typescript vitest tsx fast-check autocannon; do
  [ ! -e "$APP/node_modules/$dev" ] || fail "dev dependency $dev is in the production install"
done

# ---- runtime stage --------------------------------------------------------------------------------------------------
step "runtime: copy dist/, seeds/ and lexicon/"
cp -R dist seeds lexicon "$APP/"

# English words the vocabulary lacks go through the dictionary glosses in lexicon/: the image must ship them.
step "runtime: an English query through the shipped glosses (zhenxing search volunteers --json)"
(cd "$APP" && env -i PATH="$PATH" HOME="$WORK" DATA_DIR="$WORK/data-gloss" node dist/cli.js search volunteers --json) \
  >"$WORK/gloss.json" 2>"$WORK/gloss.err" || { cat "$WORK/gloss.err" >&2; fail "zhenxing search volunteers failed"; }
node -e "
  const r = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
  if (!r.results.length || !r.results[0].text.includes('志愿者')) { console.error('docker-smoke: ' + JSON.stringify(r).slice(0, 300)); process.exit(1); }
" "$WORK/gloss.json" || fail "an English query found nothing: lexicon/ missing from the runtime?"

# Read the runtime CMD and HEALTHCHECK from the Dockerfile itself so this script cannot drift from it.
node - "$ROOT/Dockerfile" >"$WORK/dockerfile.env" <<'EOF'
const fs = require('node:fs');
const text = fs.readFileSync(process.argv[2], 'utf8').replace(/\\\r?\n/g, ' ');
const runtime = text.slice(text.lastIndexOf('\nFROM '));
const cmd = [...runtime.matchAll(/^CMD\s+(\[.*\])\s*$/gm)].at(-1);
const health = /^HEALTHCHECK\b.*?\bCMD\s+(\[.*\])\s*$/m.exec(runtime);
if (!cmd || !health) { console.error('docker-smoke: cannot find CMD or HEALTHCHECK in the runtime stage'); process.exit(1); }
const q = (a) => JSON.parse(a).map((s) => `'${s.replace(/'/g, `'\\''`)}'`).join(' ');
console.log(`RUN_CMD=(${q(cmd[1])})`);
console.log(`HEALTH_CMD=(${q(health[1])})`);
EOF
# shellcheck disable=SC1091
. "$WORK/dockerfile.env"

# A stand-in for Slack's Web API and response_urls: answers ok to everything and records each call as a JSON line.
node - "$WORK/slack.port" "$WORK/slack.calls" <<'EOF' &
const http = require('node:http');
const fs = require('node:fs');
const [portFile, callsFile] = process.argv.slice(2);
const server = http.createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    fs.appendFileSync(callsFile, `${JSON.stringify({ path: req.url, body })}\n`);
    const reply = req.url.startsWith('/api/auth.test')
      ? { ok: true, url: 'https://smoke.slack.com/', team: 'smoke', user: 'zhenxing', team_id: 'T0SMOKE', user_id: 'U0BOT', bot_id: 'B0BOT' }
      : { ok: true, channel: 'C0SMOKE', ts: '1700000000.000100' };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(reply));
  });
});
server.listen(0, '127.0.0.1', () => fs.writeFileSync(portFile, String(server.address().port)));
process.on('SIGTERM', () => process.exit(0));
EOF
STANDIN_PID=$!
for _ in $(seq 1 50); do [ -s "$WORK/slack.port" ] && break; sleep 0.1; done
[ -s "$WORK/slack.port" ] || fail "the Slack stand-in did not start"
SLACK_PORT="$(cat "$WORK/slack.port")"
SECRET="$(node -e "console.log(require('crypto').randomBytes(16).toString('hex'))")"
BOT_TOKEN="xoxb-smoke-$(node -e "console.log(require('crypto').randomBytes(6).toString('hex'))")"

# One run of the runtime stage: start, health check, HTTP checks, SIGTERM, log checks.
#   run_app <label> [STATE_URL]
run_app() {
LABEL="$1"
STATE="${2:-}"
DATA="$WORK/data-$LABEL"
LOG="$WORK/app-$LABEL.log"
mkdir -p "$DATA"
PORT="$(free_port)"
STATE_ENV=()
if [ -n "$STATE" ]; then STATE_ENV=(STATE_URL="$STATE"); fi

# USER node in the image: when we are root, run as nobody so the app proves it needs no write access outside DATA_DIR.
AS_USER=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
  chmod 755 "$WORK"
  chown -R 65534:65534 "$DATA"
  AS_USER=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  # A TMPDIR nobody may not enter (e.g. under /root) would fail for the wrong reason: run as ourselves instead.
  if ! "${AS_USER[@]}" test -r "$APP/dist/main.js"; then
    say "note: $WORK is not readable by nobody; running the app as $(id -un)"
    AS_USER=()
  fi
fi

step "runtime ($LABEL): start ${RUN_CMD[*]} on 127.0.0.1:$PORT${AS_USER:+ as nobody}${STATE:+ with STATE_URL=$STATE}"
# env -i: only what the container would have; no credentials from the CI environment leak in.
(
  cd "$APP"
  exec "${AS_USER[@]}" env -i PATH="$PATH" HOME="$WORK" NODE_ENV=production \
    PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$DATA" LOG_LEVEL=info \
    SLACK_BOT_TOKEN="$BOT_TOKEN" SLACK_SIGNING_SECRET="$SECRET" SLACK_API_URL="http://127.0.0.1:$SLACK_PORT/api/" \
    DIGEST_CATCH_UP=false ${STATE_ENV[@]+"${STATE_ENV[@]}"} \
    "${RUN_CMD[@]}"
) >"$LOG" 2>&1 &
APP_PID=$!

step "runtime ($LABEL): wait for the Dockerfile's HEALTHCHECK to pass"
healthy=0
for _ in $(seq 1 120); do
  kill -0 "$APP_PID" 2>/dev/null || fail "the app exited before it became healthy"
  if (cd "$APP" && env -i PATH="$PATH" PORT="$PORT" "${HEALTH_CMD[@]}") >/dev/null 2>&1; then
    healthy=1
    break
  fi
  sleep 0.5
done
[ "$healthy" = 1 ] || fail "no healthy /healthz within 60 s"

step "runtime ($LABEL): /healthz, /metrics and a signed slash command"
PORT="$PORT" SECRET="$SECRET" SLACK_PORT="$SLACK_PORT" CALLS="$WORK/slack.calls" LABEL="$LABEL" STATE="$STATE" \
  node --input-type=module - <<'EOF' || fail "HTTP checks failed"
import { createHmac } from 'node:crypto';
const base = `http://127.0.0.1:${process.env.PORT}`;
const check = (ok, what) => { if (!ok) { console.error(`docker-smoke: ${what}`); process.exit(1); } };

const health = await (await fetch(`${base}/healthz`)).json();
check(health.status === 'ok', `/healthz status is ${JSON.stringify(health.status)}`);
check(health.passages > 0, `/healthz reports ${health.passages} passages`);
check(Array.isArray(health.platforms) && health.platforms.includes('slack-http'), `/healthz platforms ${JSON.stringify(health.platforms)}`);
const backend = process.env.STATE ? 'redis' : 'file';
check(health.state?.backend === backend && health.state?.ok === true, `/healthz state ${JSON.stringify(health.state)} (want ${backend}, ok)`);

// A slash command signed the way Slack signs it: the production build must verify it, search with the compiled
// nodejieba, and acknowledge.
const body = new URLSearchParams({
  token: 'unused', team_id: 'T0SMOKE', team_domain: 'smoke', channel_id: 'C0SMOKE', channel_name: 'smoke',
  user_id: 'U0SMOKE', user_name: 'smoke', command: '/zhenxing', text: '人才振兴', api_app_id: 'A0SMOKE',
  response_url: `http://127.0.0.1:${process.env.SLACK_PORT}/response/smoke-${process.env.LABEL}`, trigger_id: '1.2.3',
}).toString();
const ts = Math.floor(Date.now() / 1000).toString();
const sig = `v0=${createHmac('sha256', process.env.SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
const slash = await fetch(`${base}/slack/events`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': sig },
  body,
});
check(slash.status === 200, `signed slash command answered HTTP ${slash.status}`);
const forged = await fetch(`${base}/slack/events`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': `v0=${'0'.repeat(64)}` },
  body,
});
// The answer goes to response_url after the ack: it must arrive, as Block Kit, and name a source document.
let answer;
for (let i = 0; i < 100 && !answer; i++) {
  const { readFileSync, existsSync } = await import('node:fs');
  const calls = existsSync(process.env.CALLS) ? readFileSync(process.env.CALLS, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  answer = calls.find((c) => c.path === `/response/smoke-${process.env.LABEL}`);
  if (!answer) await new Promise((r) => setTimeout(r, 100));
}
check(answer, 'no answer reached response_url within 10 s');
const reply = JSON.parse(answer.body);
check(Array.isArray(reply.blocks) && reply.blocks.length > 0, 'the answer has no blocks');
check(JSON.stringify(reply.blocks).includes('《'), 'the answer names no source document');
check(forged.status >= 400 && forged.status < 500, `a badly signed request answered HTTP ${forged.status}, not 4xx`);

const metrics = await (await fetch(`${base}/metrics`)).text();
for (const name of ['zhenxing_commands_total', 'zhenxing_search_latency_seconds', 'zhenxing_digest_posts_total',
  'zhenxing_digest_failures_total', 'zhenxing_errors_total', 'zhenxing_process_resident_memory_bytes']) {
  check(metrics.includes(`# TYPE ${name} `), `/metrics has no ${name}`);
}
check(/^zhenxing_commands_total\{[^}]*kind="search"[^}]*\} 1$/m.test(metrics), '/metrics did not count the slash command');
EOF

step "runtime ($LABEL): SIGTERM"
kill -TERM "$APP_PID"
stopped_at=$SECONDS
for _ in $(seq 1 $((STOP_LIMIT * 10))); do
  kill -0 "$APP_PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$APP_PID" 2>/dev/null; then fail "still running ${STOP_LIMIT} s after SIGTERM"; fi
set +e
wait "$APP_PID"
code=$?
set -e
APP_PID=""
[ "$code" = 0 ] || fail "exit code $code after SIGTERM (want 0)"
say "stopped with exit 0 in about $((SECONDS - stopped_at)) s"

# Structured logs: every line is one JSON object, the lifecycle is there, and no secret ever appears.
SECRET="$SECRET" BOT_TOKEN="$BOT_TOKEN" node - "$LOG" <<'EOF' || fail "log checks failed"
const lines = require('node:fs').readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l !== '');
const bad = lines.filter((l) => { try { return typeof JSON.parse(l) !== 'object'; } catch { return true; } });
if (bad.length > 0) { console.error(`docker-smoke: ${bad.length} log lines are not JSON, e.g. ${bad[0].slice(0, 200)}`); process.exit(1); }
const msgs = lines.map((l) => JSON.parse(l).msg);
for (const m of ['index loaded', 'listening', 'command', 'shutting down', 'stopped']) {
  if (!msgs.includes(m)) { console.error(`docker-smoke: no "${m}" log line`); process.exit(1); }
}
const text = lines.join('\n');
for (const s of [process.env.SECRET, process.env.BOT_TOKEN]) {
  if (text.includes(s)) { console.error('docker-smoke: a secret appears in the logs'); process.exit(1); }
}
EOF
}

run_app files

# The same with the state in Redis, when redis-server is here (CI installs it): the production install's ioredis
# against a real server.
if [ "${SMOKE_REDIS:-auto}" != 0 ] && command -v redis-server >/dev/null 2>&1; then
  REDIS_PORT="$(free_port)"
  mkdir -p "$WORK/redis"
  step "redis: redis-server on 127.0.0.1:$REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" --appendonly yes --save '' \
    --protected-mode no --daemonize no --loglevel warning >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 1 100); do
    node -e "const s=require('net').connect($REDIS_PORT,'127.0.0.1',()=>{s.write('PING\r\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1))" 2>/dev/null && break
    sleep 0.1
  done
  kill -0 "$REDIS_PID" 2>/dev/null || { cat "$WORK/redis.log" >&2; fail "redis-server did not start"; }
  run_app redis "redis://127.0.0.1:$REDIS_PORT/0"
  step "redis: zhenxing report --json reads the search from Redis"
  (cd "$APP" && env -i PATH="$PATH" HOME="$WORK" STATE_URL="redis://127.0.0.1:$REDIS_PORT/0" DATA_DIR="$WORK/data-cli" \
    node dist/cli.js report --json) >"$WORK/report.json" 2>"$WORK/report.err" || { cat "$WORK/report.err" >&2; fail "zhenxing report failed"; }
  node -e "
    const r = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
    const q = r.queries.find((x) => x.query === '人才振兴');
    if (!q || q.count !== 1) { console.error('docker-smoke: report from Redis: ' + JSON.stringify(r.queries)); process.exit(1); }
  " "$WORK/report.json" || fail "the search is not in the report read from Redis"
  kill -TERM "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
elif [ "${SMOKE_REDIS:-auto}" = 1 ]; then
  fail "SMOKE_REDIS=1 but redis-server is not installed"
else
  say "note: redis-server is not installed; the run with STATE_URL is skipped"
fi

step "OK: production install, start, health check, metrics, signed command, graceful stop${REDIS_PORT:+; again with the state in Redis}"

#!/usr/bin/env bash
# The Messenger Trigger inside a real n8n 2.41.1 (installed from the packed tarball, as users install
# it): routing of the secret-in-path URL, Meta's verification GET and X-Hub-Signature-256 over n8n's
# own rawBody, basic auth and the event and nesting caps of version 3, a Meta redelivery, the answers
# to bad requests, and which requests started an execution. Complements the jest suites, whose webhook
# server is a stand-in for n8n's. Needs `npm run build` first.
set -euo pipefail
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
source "$PROJECT/scripts/n8n-env.sh"
ensure_n8n

WORK=$(mktemp -d)
PORT=${TRIGGER_E2E_PORT:-5791}
n8n_home_env "$WORK/home" "$PORT"
export N8N_ENCRYPTION_KEY=trigger-e2e-key
install_package_into "$WORK/home" "$PROJECT"

APP_SECRET=e2e-app-secret
IB_ID=1b5c6a1e-1111-4111-8111-111111111111
META_ID=2b5c6a1e-2222-4222-8222-222222222222
BASIC_ID=3b5c6a1e-3333-4333-8333-333333333333
BASIC_USER=infobip
BASIC_PASSWORD=e2e-basic-password
cat >"$WORK/creds.json" <<JSON
[{"id":"metaCred00000001","name":"Page","type":"facebookPageMessengerApi",
  "data":{"pageId":"100000000000001","accessToken":"EAAtoken","appId":"200000000000002","appSecret":"$APP_SECRET",
          "verifyToken":"e2e-verify","graphApiVersion":"v25.0","baseUrl":"http://127.0.0.1:9"}}]
JSON
cat >"$WORK/wf.json" <<JSON
[{"id":"trigInfobip00001","name":"Infobip trigger","active":false,"settings":{"executionOrder":"v1"},
  "nodes":[{"id":"00000000-0000-4000-8000-000000000001","name":"Messenger Trigger","type":"n8n-nodes-messenger.messengerTrigger",
    "typeVersion":1,"position":[0,0],"webhookId":"$IB_ID",
    "parameters":{"provider":"infobip","authentication":"pathSecret","secret":"s3cret-path","events":["text","attachment"]}}],
  "connections":{}},
 {"id":"trigMeta00000001","name":"Meta trigger","active":false,"settings":{"executionOrder":"v1"},
  "nodes":[{"id":"00000000-0000-4000-8000-000000000002","name":"Messenger Trigger","type":"n8n-nodes-messenger.messengerTrigger",
    "typeVersion":2,"position":[0,0],"webhookId":"$META_ID",
    "parameters":{"provider":"meta","registerWebhook":false,"events":["text"]},
    "credentials":{"facebookPageMessengerApi":{"id":"metaCred00000001","name":"Page"}}}],
  "connections":{}},
 {"id":"trigBasicAuth001","name":"Infobip trigger, basic auth (v3)","active":false,"settings":{"executionOrder":"v1"},
  "nodes":[{"id":"00000000-0000-4000-8000-000000000003","name":"Messenger Trigger","type":"n8n-nodes-messenger.messengerTrigger",
    "typeVersion":3,"position":[0,0],"webhookId":"$BASIC_ID",
    "parameters":{"provider":"infobip","authentication":"basicAuth","basicAuthUser":"$BASIC_USER","basicAuthPassword":"$BASIC_PASSWORD","events":["text"]}}],
  "connections":{}}]
JSON
with_node24 n8n import:credentials --input="$WORK/creds.json" >/dev/null
with_node24 n8n import:workflow --input="$WORK/wf.json" >/dev/null
with_node24 n8n publish:workflow --id=trigInfobip00001 >/dev/null
with_node24 n8n publish:workflow --id=trigMeta00000001 >/dev/null
with_node24 n8n publish:workflow --id=trigBasicAuth001 >/dev/null

# setsid: the whole process group (n8n and its task runner) goes when the script ends.
setsid env PATH="$NODE24_DIR/bin:$N8N_DIR/node_modules/.bin:$PATH" n8n start >"$WORK/n8n.log" 2>&1 &
N8N_PID=$!
trap 'kill -- -$N8N_PID 2>/dev/null || true; sleep 1; rm -rf "$WORK"' EXIT

IB="http://127.0.0.1:$PORT/webhook/$IB_ID/webhook"
META="http://127.0.0.1:$PORT/webhook/$META_ID/webhook"
BASIC="http://127.0.0.1:$PORT/webhook/$BASIC_ID/webhook"
READY="http://127.0.0.1:$PORT/webhook/$META_ID/webhook?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=1"
for _ in $(seq 1 600); do
	[ "$(curl -s "$READY" || true)" = 1 ] && break
	kill -0 "$N8N_PID" 2>/dev/null || { tail -40 "$WORK/n8n.log"; exit 1; }
	sleep 0.2
done

FAILED=0
expect() { # expect <name> <status> <body prefix> curl-args...
	local name=$1 status=$2 prefix=$3
	shift 3
	local got
	got=$(curl -s -o "$WORK/body" -w '%{http_code}' "$@")
	local body
	body=$(head -c 120 "$WORK/body")
	if [ "$got" = "$status" ] && [[ "$body" == "$prefix"* ]]; then
		echo "ok   $name: $got $body"
	else
		echo "FAIL $name: got $got '$body', expected $status '$prefix...'"
		FAILED=1
	fi
}
sig() { printf '%s' "$1" | openssl dgst -sha256 -hmac "$APP_SECRET" | sed 's/^.*= /sha256=/'; }

IB_BODY='{"results":[{"from":"u1","to":"APP","receivedAt":"2017-01-05T12:47:56.221+0000","message":{"text":"hi","type":"TEXT"}}],"messageCount":1,"pendingMessageCount":0}'
MB='{"object":"page","entry":[{"id":"100000000000001","time":1,"messaging":[{"sender":{"id":"u1"},"recipient":{"id":"100000000000001"},"timestamp":1763890000000,"message":{"mid":"m1","text":"h\u00e9llo"}}]}]}'
# Another message (mid m2): the trigger drops a message it has already started a run for.
MB2='{"object":"page","entry":[{"id":"100000000000001","time":1,"messaging":[{"sender":{"id":"u1"},"recipient":{"id":"100000000000001"},"timestamp":1763890000001,"message":{"mid":"m2","text":"again"}}]}]}'
READ='{"object":"page","entry":[{"id":"1","messaging":[{"sender":{"id":"u"},"read":{"watermark":1}}]}]}'
JSON_CT=(-H 'content-type: application/json')

expect "infobip, right secret" 200 EVENT_RECEIVED -X POST "$IB/s3cret-path" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip, wrong secret" 403 "Unauthorized" -X POST "$IB/guess" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip, no secret segment" 404 '{"code":404' -X POST "$IB" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip, text/plain not JSON" 400 "Body is not valid JSON" -X POST "$IB/s3cret-path" -H 'content-type: text/plain' -d '{"results":['
expect "infobip, application/json not JSON (n8n)" 422 '{"code":422' -X POST "$IB/s3cret-path" "${JSON_CT[@]}" -d '{"results":['
expect "infobip, other format" 400 "Not a valid Infobip inbound body" -X POST "$IB/s3cret-path" "${JSON_CT[@]}" -d '{"entry":[]}'
# Infobip never calls with GET: the trigger registers no GET route for it, so n8n itself answers 404.
expect "infobip, GET (no route: n8n answers)" 404 '{"code":404,"message":"This webhook is not registered for GET' "$IB/s3cret-path"
expect "meta, handshake" 200 424242 "$META?hub.mode=subscribe&hub.verify_token=e2e-verify&hub.challenge=424242"
expect "meta, handshake wrong token" 403 "Verification failed" "$META?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=424242"
expect "meta, signed" 200 EVENT_RECEIVED -X POST "$META" "${JSON_CT[@]}" -H "x-hub-signature-256: $(sig "$MB")" --data-binary "$MB"
# Version 2 (the Meta workflow; Infobip's is version 1): n8n hands over no body for content types it
# doesn't parse, and the trigger reads the raw bytes itself.
expect "meta, signed octet-stream (v2 raw body)" 200 EVENT_RECEIVED -X POST "$META" -H 'content-type: application/octet-stream' -H "x-hub-signature-256: $(sig "$MB2")" --data-binary "$MB2"
expect "meta, the same signed body again (a redelivery: no run)" 200 EVENT_RECEIVED -X POST "$META" "${JSON_CT[@]}" -H "x-hub-signature-256: $(sig "$MB")" --data-binary "$MB"
expect "meta, empty octet-stream (v2 raw body)" 401 "Invalid signature" -X POST "$META" -H 'content-type: application/octet-stream' --data-binary ''
expect "meta, empty octet-stream signed (v2 raw body)" 400 "Empty body" -X POST "$META" -H 'content-type: application/octet-stream' -H "x-hub-signature-256: $(sig '')" --data-binary ''
expect "meta, unsigned" 401 "Invalid signature" -X POST "$META" "${JSON_CT[@]}" --data-binary "$MB"
expect "meta, wrong signature" 403 "Invalid signature" -X POST "$META" "${JSON_CT[@]}" -H "x-hub-signature-256: sha256=$(printf '0%.0s' $(seq 64))" --data-binary "$MB"
expect "meta, nothing selected" 200 EVENT_RECEIVED -X POST "$META" "${JSON_CT[@]}" -H "x-hub-signature-256: $(sig "$READ")" --data-binary "$READ"

# Version 3 with basic auth (what CM.com and Infobip send when given https://user:password@host/...).
{
	printf '{"results":['
	for i in $(seq 1 1001); do
		[ "$i" -gt 1 ] && printf ','
		printf '{"from":"u1","to":"APP","receivedAt":"2017-01-05T12:47:56.221+0000","message":{"text":"m%d","type":"TEXT"}}' "$i"
	done
	printf '],"messageCount":1001,"pendingMessageCount":0}'
} >"$WORK/many.json"
DEEP="{\"results\":[],\"x\":$(printf '{"a":%.0s' $(seq 1 100))1$(printf '}%.0s' $(seq 1 100))}"
AUTH=(-u "$BASIC_USER:$BASIC_PASSWORD")
expect "infobip v3, basic auth" 200 EVENT_RECEIVED -X POST "${AUTH[@]}" "$BASIC" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip v3, no basic auth" 401 "Unauthorized" -X POST "$BASIC" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip v3, wrong password" 403 "Unauthorized" -X POST -u "$BASIC_USER:nope" "$BASIC" "${JSON_CT[@]}" -d "$IB_BODY"
expect "infobip v3, 1001 results" 413 "Too many events in one delivery: 1001" -X POST "${AUTH[@]}" "$BASIC" "${JSON_CT[@]}" --data-binary @"$WORK/many.json"
expect "infobip v3, JSON nested 101 deep" 400 "JSON nested too deeply" -X POST "${AUTH[@]}" "$BASIC" "${JSON_CT[@]}" --data-binary "$DEEP"

sleep 2
# Exactly the four accepted deliveries started executions (not the redelivery).
COUNT=$(cd "$N8N_DIR" && "$NODE24_DIR/bin/node" -e "
const db = new (require('sqlite3').Database)(process.argv[1]);
db.all('select workflowId, status from execution_entity order by id', (e, rows) => { if (e) throw e; console.log(JSON.stringify(rows)); });
" "$WORK/home/.n8n/database.sqlite")
echo "executions: $COUNT"
[ "$COUNT" = '[{"workflowId":"trigInfobip00001","status":"success"},{"workflowId":"trigMeta00000001","status":"success"},{"workflowId":"trigMeta00000001","status":"success"},{"workflowId":"trigBasicAuth001","status":"success"}]' ] || FAILED=1
exit $FAILED

#!/usr/bin/env bash
# Seeds the demo trial through the public API, as a clinic would: two sites, staff of every role, participants at
# both sites. Passwords and PINs are random and printed once, here; nothing else keeps them. Idempotent: when the
# demo trial exists it only says so. Needs: curl, the gateway at $EPRO_GATEWAY, the bootstrap administrator.
set -euo pipefail
gw=${EPRO_GATEWAY:-http://127.0.0.1:8888}

json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }
call() { # method path token [json] → prints body, fails on a non-2xx status
  local method=$1 path=$2 token=$3 body=${4:-} resp status
  resp=$(curl -sS -w '\n%{http_code}' -X "$method" "$gw$path" -H 'Content-Type: application/json' \
    ${token:+-H "Authorization: Bearer $token"} ${body:+-d "$body"})
  status=${resp##*$'\n'}
  resp=${resp%$'\n'*}
  if [[ $status != 2* ]]; then echo "seed: $method $path → $status $resp" >&2; return 1; fi
  printf '%s' "$resp"
}
random_password() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16; }
random_pin() { printf '%06d' $(( $(od -An -N4 -tu4 /dev/urandom) % 1000000 )); }

admin=$(call POST /api/v1/auth/login "" "{\"username\":\"$EPRO_ADMIN_USER\",\"password\":\"$EPRO_ADMIN_PASSWORD\"}" | json_field accessToken)
if curl -fs -o /dev/null -H "Authorization: Bearer $admin" "$gw/api/v1/projects/demo-trial"; then
  echo "Demo trial already seeded (its credentials were printed when it was created)."
  exit 0
fi
call POST /api/v1/projects "$admin" '{"id":"demo-trial","name":"Demo trial: post-operative recovery ePRO"}' >/dev/null
bj=$(call POST /api/v1/projects/demo-trial/sites "$admin" '{"code":"BJ01","name":"Beijing site"}' | json_field siteId)
sh=$(call POST /api/v1/projects/demo-trial/sites "$admin" '{"code":"SH01","name":"Shanghai site"}' | json_field siteId)

echo "Demo credentials (printed once; not stored anywhere else):"
printf '  %-16s %-10s %-6s %s\n' username role site password
# username | display name | role | site id (0: all sites)
while IFS='|' read -r username name role site; do
  pw=$(random_password)
  uid=$(call POST /api/v1/users "$admin" "{\"username\":\"$username\",\"name\":\"$name\",\"password\":\"$pw\"}" | json_field userId)
  call POST /api/v1/projects/demo-trial/members "$admin" "{\"userId\":$uid,\"role\":\"$role\",\"siteId\":$site}" >/dev/null
  label=all; [ "$site" = "$bj" ] && label=BJ01; [ "$site" = "$sh" ] && label=SH01
  printf '  %-16s %-10s %-6s %s\n' "$username" "$role" "$label" "$pw"
done <<LIST
demo.pi|李伟|PI|0
demo.subi|孙丽|SUB_I|$bj
demo.crc.bj|王芳|CRC|$bj
demo.crc.sh|Zhao Lei|CRC|$sh
demo.dm|Chen Jing|DM|0
demo.monitor|Alex Smith|MONITOR|0
demo.sponsor|Sponsor Liaison|SPONSOR|0
demo.admin|Trial Admin|ADMIN|0
LIST

printf '  %-16s %-10s %-6s %s\n' "subject code" "" site PIN
while IFS='|' read -r code name site phone; do
  pin=$(random_pin)
  call POST /api/v1/projects/demo-trial/participants "$admin" \
    "{\"siteId\":$site,\"subjectCode\":\"$code\",\"name\":\"$name\",\"phone\":\"$phone\",\"pin\":\"$pin\"}" >/dev/null
  printf '  %-16s %-10s %-6s %s\n' "$code" participant "${code%%-*}" "$pin"
done <<LIST
BJ01-001|张三|$bj|13800000001
BJ01-002|李四|$bj|13800000002
SH01-001|欧阳娜娜|$sh|13800000003
LIST

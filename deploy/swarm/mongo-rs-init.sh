#!/bin/bash
# One-shot of the Swarm stack (deploy/swarm/stack.yml, service mongo-rs-init): initiates each
# service's replica set rs-<service> of <service>-mongo-1..3 once member 1 answers, as the root user
# its first start made. A set already initiated is left as it is, so running it again is harmless.
# Members 2 and 3 start empty and copy member 1 (initial sync); the service user comes with it.
set -euo pipefail
readonly SERVICES=(user event interaction chat ticketing notification media)

initiate() {
  local svc=$1 password waited=0
  IFS= read -r password <"/run/secrets/${svc}_mongo_root_password"
  local uri="mongodb://root:${password}@${svc}-mongo-1:27017/admin?directConnection=true"
  until mongosh --quiet "$uri" --eval 'db.adminCommand({ ping: 1 }).ok' >/dev/null 2>&1; do
    [ "$waited" -lt 600 ] || { echo "$svc: ${svc}-mongo-1 did not answer within 600s" >&2; return 1; }
    sleep 5
    waited=$((waited + 5))
  done
  mongosh --quiet "$uri" --eval "
    const name = 'rs-${svc}';
    let initiated = true;
    try { rs.status(); } catch (error) {
      if (error.codeName !== 'NotYetInitialized') throw error;
      initiated = false;
    }
    if (initiated) {
      print('${svc}: ' + name + ' already initiated');
    } else {
      rs.initiate({ _id: name, members: [1, 2, 3].map((n) => ({ _id: n - 1, host: '${svc}-mongo-' + n + ':27017' })) });
      print('${svc}: ' + name + ' initiated');
    }"
}

failed=0
for svc in "${SERVICES[@]}"; do initiate "$svc" || failed=1; done
exit "$failed"

#!/usr/bin/env bash
# Stops every local server started by up.sh (by pid file; stale pid files are
# ignored). Data in .infra/ is kept; delete that folder for a clean slate.
set -euo pipefail

bash "$(dirname "${BASH_SOURCE[0]}")/ctl.sh" stop all

# Our RabbitMQ node started Erlang's port mapper daemon (epmd), which outlives
# the node. Stop it too, but only when no Erlang node is registered with it
# any more (another broker on this machine may still need it).
if command -v epmd >/dev/null 2>&1 && epmd -names >/dev/null 2>&1 &&
  ! grep -q '^name ' <<<"$(epmd -names 2>/dev/null)"; then
  epmd -kill >/dev/null 2>&1 || true
fi

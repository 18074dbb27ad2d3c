#!/usr/bin/env bash
# Mutation testing of the pure modules (docs/testing.md): StrykerJS plants one small bug at a time
# in every service's src/domain/ and the platform's pure helpers, runs the unit tests of that
# folder, and counts the bugs they notice. Slow (minutes per folder), so not part of `npm test`.
#   npm run mutation                      # every target
#   npm run mutation -- services/chat     # some targets
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all=(packages/platform services/chat services/event services/interaction services/media services/notification services/ticketing services/user)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

# The checker type-checks mutants against the built workspace packages.
npx turbo run build --output-logs=errors-only
for target in "${targets[@]}"; do
  echo "== mutation testing ${target}"
  MUTATION_TARGET="$target" npx stryker run stryker.config.mjs
done
node --import tsx scripts/mutation-summary.ts "${targets[@]}"

#!/usr/bin/env bash
# Lints an OpenAPI document (default: the one OpenApiConventionTests wrote to appliance/target/openapi.json)
# with Redocly's recommended rules. Installed once with `npm ci` here; it then runs offline and sends nothing:
# telemetry and the update check are switched off.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
document=${1:-$here/../../appliance/target/openapi.json}
[[ -d "$here/node_modules/@redocly/cli" ]] || (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts)
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
cd "$here" && exec npx --offline redocly lint --extends=recommended --format=stylish "$document"

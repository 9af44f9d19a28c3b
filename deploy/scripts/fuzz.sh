#!/usr/bin/env bash
# make fuzz: every go test -fuzz target for FUZZTIME each (default 20s; CI runs 5s). A crasher the fuzzer
# finds is written to the package's testdata/fuzz/<Target>/ — commit it: from then on plain `go test` replays it
# as a regression seed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
time=${FUZZTIME:-20s}
targets=(
  "common ./shortreport FuzzDecode"            # POST /v1/report body: decoding and validation
  "common ./mask FuzzMaskNeverPanics"          # PIPL masking of odd input
  "common ./mask FuzzScrub"                    # de-identification of free text
  "report-rpc ./internal/questionnaire FuzzParse"    # questionnaire definitions uploaded by staff
  "report-rpc ./internal/questionnaire FuzzValidate" # report submission against the built-in questionnaires
  "report-rpc ./internal/scoring FuzzPHQ9"     # validation + scoring invariants (item 9 always urgent)
  "ai-gateway ./internal/engine FuzzAssess"    # the built-in risk engine over arbitrary text
)
status=0
for t in "${targets[@]}"; do
  read -r mod pkg name <<<"$t"
  log "fuzz $mod $pkg $name ($time)"
  (cd "$mod" && go test -run '^$' -fuzz "^${name}\$" -fuzztime "$time" "$pkg") || status=1
done
exit $status

#!/bin/sh
# A solver written as a shell script, as `mcs study` and `mcs arena` run it: my-solver.sh INSTANCE CERT_OUT.
# It prints the `mcs solve --json` object on stdout and writes its certificate (SPEC §3.2) to CERT_OUT.
# Replace the last line with your own program. This one delegates to `mcs solve` (dual-descent); the instance's
# ε is in its header (% promise = lambda_min >= E), which `mcs solve` reads without being told.
here="$(cd "$(dirname "$0")" && pwd)"
exec "$here/../../../mcs" solve "$1" --solver dual-descent --certificate "$2" --json

#!/usr/bin/env bash
# Fuzz vbhc.parse_text for SECONDS (default 120): atheris (libFuzzer) on fuzz/fuzz_parse_text.py, installed into
# .venv if missing; without it, the pure-Python loop scripts/fuzz_fallback.py. Crashing inputs are kept in
# fuzz/findings/ (crash-*, timeout-*, oom-*); fuzz/corpus/ holds the seeds (read only: the inputs the run finds
# interesting go to a scratch folder, FUZZ_WORK, a temporary one by default). Exit status non-zero on a finding.
#   scripts/fuzz.sh 180
#   .venv/bin/python fuzz/fuzz_parse_text.py fuzz/findings/crash-...   # replay one finding
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-120}"
PY=.venv/bin/python
mkdir -p fuzz/findings
if ! "$PY" -c "import atheris" 2>/dev/null; then
  "$PY" -m pip install -q atheris || true
fi
if "$PY" -c "import atheris" 2>/dev/null; then
  WORK="${FUZZ_WORK:-$(mktemp -d)}"
  mkdir -p "$WORK"
  exec "$PY" fuzz/fuzz_parse_text.py "$WORK" fuzz/corpus -max_total_time="$SECONDS_TO_RUN" -timeout=10 \
    -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 -artifact_prefix=fuzz/findings/
fi
echo "fuzz.sh: atheris is not available; running the pure-Python fallback" >&2
exec "$PY" scripts/fuzz_fallback.py --seconds "$SECONDS_TO_RUN"

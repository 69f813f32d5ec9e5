#!/usr/bin/env bash
# Benchmark (not a test): how well the pipeline reads a delivery it has ground truth for, against plain tesseract.
# Usage: jobs/bench-quality.sh [--keep DIR] [--no-plain] [delivery reference truth]      (from anywhere; prints tables)
# Default: the development set in src/test/resources/dev-set (12 dossiers in a house style the project did not write).
# As a new user would: `archive reference load`, `archive ingest --accept-with-findings` and `archive export --format
# jsonl` into a register and a store of its own (an embedded register in a temporary folder; REGISTER_URL if set,
# then an empty database of yours: it is not emptied), then jobs/score.py --ocr scores the export against the truth
# (per-field precision and recall, automation, silent errors; the typed pages' bag-of-words error and CER read from
# the searchable PDFs) and jobs/plain-tesseract.py reads the same typed pages with `tesseract --psm 1 -l nld`.
# The pipeline and tesseract run on BENCH_JOBS processes each (default 2), whatever the machine has.
#   --keep DIR   work in DIR and keep it: a second run with the same DIR starts a fresh register but reuses the
#                store's OCR (memoized by file content): an extraction change is scored in a minute, not five
#   --no-plain   skip plain tesseract (its figure does not change with the pipeline)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEV="$ROOT/src/test/resources/dev-set"
KEEP=""
PLAIN=1
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) [ $# -ge 2 ] || { echo "--keep needs a folder" >&2; exit 2; }; KEEP="$2"; shift 2 ;;
    --no-plain) PLAIN=0; shift ;;
    -h|--help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 0 ] || [ $# -eq 3 ] || { echo "usage: jobs/bench-quality.sh [--keep DIR] [--no-plain] [delivery reference truth]" >&2; exit 2; }
absolute() { (cd "$1" && pwd); }
for dir in "${1:-$DEV/delivery}" "${2:-$DEV/reference}" "${3:-$DEV/truth}"; do
  [ -d "$dir" ] || { echo "not a folder: $dir" >&2; exit 2; }
done
DELIVERY="$(absolute "${1:-$DEV/delivery}")"
REFERENCE="$(absolute "${2:-$DEV/reference}")"
TRUTH="$(absolute "${3:-$DEV/truth}")"
JOBS="${BENCH_JOBS:-2}"
CORES="$(nproc)"
HEAP="${BENCH_HEAP:--Xmx2g}"

command -v python3 >/dev/null 2>&1 || { echo "bench needs python3"; exit 4; }
command -v pdftotext >/dev/null 2>&1 || { echo "bench needs pdftotext and pdftoppm (apt-get install poppler-utils)"; exit 4; }
command -v tesseract >/dev/null 2>&1 || { echo "bench needs tesseract (apt-get install tesseract-ocr tesseract-ocr-nld)"; exit 4; }
if [ "$PLAIN" = 1 ]; then
  command -v pdftoppm >/dev/null 2>&1 || { echo "bench needs pdftoppm (apt-get install poppler-utils)"; exit 4; }
  command -v tiffcp >/dev/null 2>&1 || { echo "bench needs tiffcp (apt-get install libtiff-tools), or --no-plain"; exit 4; }
fi

# the typed pages the truth has text for: none (a truth without page text, as sample-scans/ground-truth) means the
# fields are scored and the OCR is not
read -r dossiers typed <<<"$(python3 - "$TRUTH" <<'EOF'
import glob, json, os, sys
truths = [json.load(open(f, encoding='utf-8')) for f in glob.glob(os.path.join(sys.argv[1], '*.json'))]
typed = sum(1 for t in truths for p in t.get('pages') or [] if p.get('kind') == 'text' and not p.get('handwritten'))
print(len(truths), typed)
EOF
)"
OCR_SCORE=(--ocr)
NO_OCR_WHY=""
if [ "$typed" = 0 ]; then OCR_SCORE=(); PLAIN=0; NO_OCR_WHY="the truth has no page text"; fi
[ "$PLAIN" = 1 ] || [ -n "$NO_OCR_WHY" ] || NO_OCR_WHY="skipped (--no-plain)"

if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  WORK="$(absolute "$KEEP")"
  rm -rf "$WORK/register" "$WORK/reports"   # a fresh register every run; the store (the OCR) stays
else
  WORK="$(mktemp -d /tmp/archive-bench-quality.XXXXXX)"
  trap 'rm -rf "$WORK"' EXIT
fi
export OMP_THREAD_LIMIT=1
# never the user's data/: the register (unless REGISTER_URL), the store, the reports beside it and the log in WORK;
# no scale-out broker, so the OCR runs in this process on JOBS workers
OPTS="$HEAP -Dregister.data-dir=$WORK/register -Dstore.dir=$WORK/store -Dlogging.file.name=$WORK/archive.log"
OPTS="$OPTS -Docr.workers=$JOBS -Dscale-out.broker="
if [ -n "${REGISTER_URL:-}" ]; then
  REGISTER="$REGISTER_URL (REGISTER_URL)"
else
  OPTS="$OPTS -Dregister.url="
  REGISTER="embedded, in $WORK/register"
fi
export ARCHIVE_JAVA_OPTS="$OPTS"
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
archive() { "$ROOT/archive" "$@" --lang en; }

# build first (./archive builds when the sources changed) so that the build is not counted in a step's time
"$ROOT/archive" --version >"$WORK/build.txt" 2>&1 || { cat "$WORK/build.txt"; exit 4; }
t0=$(now)
archive reference load "$REFERENCE" >"$WORK/reference.txt" 2>&1 || { cat "$WORK/reference.txt"; exit 1; }
t1=$(now)
rc=0
archive ingest "$DELIVERY" --accept-with-findings >"$WORK/ingest.txt" 2>&1 || rc=$?
t2=$(now)
# 0 all registered, 3 completed with findings (review or quarantine): anything else is no run to score
if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then cat "$WORK/ingest.txt"; echo "archive ingest ended with exit $rc"; exit "$rc"; fi
archive export --format jsonl --out "$WORK/export.jsonl" >"$WORK/export.txt" 2>&1 || { cat "$WORK/export.txt"; exit 1; }
t3=$(now)
python3 "$ROOT/jobs/score.py" "$WORK/export.jsonl" "$TRUTH" "${OCR_SCORE[@]}" >"$WORK/score.txt" 2>&1 || true
t4=$(now)
if [ "$PLAIN" = 1 ]; then
  python3 "$ROOT/jobs/plain-tesseract.py" "$DELIVERY" "$TRUTH" --jobs "$JOBS" >"$WORK/plain.txt" 2>"$WORK/plain.err" || true
fi
t5=$(now)

grep -q '^fields: ' "$WORK/score.txt" || { cat "$WORK/score.txt"; echo "jobs/score.py failed"; exit 1; }
statuses="$(python3 - "$WORK/export.jsonl" <<'EOF'
import collections, json, sys
counts = collections.Counter(json.loads(l).get('status') for l in open(sys.argv[1], encoding='utf-8') if l.strip())
print(f"{sum(counts.values())} exported: {counts['registered']} registered, {counts['needs-review']} needs review, "
      f"{counts['quarantined']} quarantined")
EOF
)"
fields_line="$(grep '^fields: ' "$WORK/score.txt")"
bow=$(grep -oE 'BOW [0-9.]+' <<<"$fields_line" | cut -d' ' -f2 || true)
cer=$(grep -oE 'CER [0-9.]+' <<<"$fields_line" | cut -d' ' -f2 || true)
pages=$(grep -oE "^Pages: [0-9]+ \([0-9]+ OCR'd" "$WORK/ingest.txt" | grep -oE "[0-9]+" | tr '\n' ' ' || true)
quarantine=$(grep -E '^Quarantine: ' "$WORK/ingest.txt" || echo "Quarantine: (not reported: the ingest had nothing to do)")
ingest_s=$(secs "$t1" "$t2"); plain_s="$(secs "$t4" "$t5") s"; total_s=$(secs "$t0" "$t5")
[ "$PLAIN" = 1 ] || plain_s="skipped: $NO_OCR_WHY"

echo "Quality: $DELIVERY ($dossiers dossiers in the truth, $typed typed pages), the pipeline and tesseract on $JOBS processes each, $CORES cores, $HEAP"
echo "Register: $REGISTER; work: $WORK$([ -n "$KEEP" ] && echo ' (kept)')"
echo
sed 's/^/    /' "$WORK/score.txt"
echo
echo "| typed pages ($typed) | bag-of-words error | CER | wall time | note |"
echo "|---|---|---|---|---|"
echo "| archive ingest, the searchable PDFs | $bow | $cer | ${ingest_s} s | the whole ingest (validation, OCR, extraction, georeferencing): $(awk '{print $1}' <<<"$pages") pages registered, $(awk '{print $2}' <<<"$pages") of them read by OCR (taken from the store when it has them) |"
if [ "$PLAIN" = 1 ]; then
  plain=$(grep -E '^plain tesseract' "$WORK/plain.txt" || echo "failed: $(head -3 "$WORK/plain.err")")
  plain_bow=$(grep -oE 'bag-of-words error [0-9.]+' <<<"$plain" | grep -oE '[0-9.]+$' || echo "?")
  plain_cer=$(grep -oE 'CER [0-9.]+' <<<"$plain" | grep -oE '[0-9.]+$' || echo "?")
  echo "| tesseract --psm 1 -l nld, the same pages | $plain_bow | $plain_cer | ${plain_s} | the typed pages only, PDF pages rendered at 300 ppi |"
else
  echo "| tesseract --psm 1 -l nld, the same pages | | | | $NO_OCR_WHY |"
fi
echo
echo "Dossiers: $statuses. $quarantine"
grep -E '^  - [^ ].*: [a-z-]+ \(' "$WORK/ingest.txt" || true
if grep -q '^Nothing changed since the last complete run' "$WORK/ingest.txt"; then
  echo "Note: the ingest had nothing to do (the delivery is complete in this register, on the same parcel map): these"
  echo "are the figures of that earlier run. To score a changed pipeline, give REGISTER_URL an empty database (with"
  echo "--keep the OCR comes from the store), or leave REGISTER_URL unset for a fresh embedded register."
fi
echo "Wall time: ${total_s} s (reference load $(secs "$t0" "$t1") s, ingest ${ingest_s} s, export $(secs "$t2" "$t3") s, scoring $(secs "$t3" "$t4") s, plain tesseract ${plain_s})"

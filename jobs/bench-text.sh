#!/usr/bin/env bash
# Benchmark (not a test): the ingest job against the tesseract CLI on text pages only, at a delivery size you choose.
# Usage: jobs/bench-text.sh [dossiers] [seed]        (default 100 dossiers, about 200 text pages; prints a table)
# jobs/bench.sh measures the same on the 40 text pages of its 20-dossier campaign, where the process's fixed cost
# (JVM, Spring, embedded PostgreSQL, the legibility sample: about 6 s) is a large share; a box of scans is larger.
# Each text page of the generated campaign is rendered at 300 ppi (PNG) into a delivery of its own, ingested into a
# fresh embedded register (validation included) and ingested again with nothing changed, then OCR'd by the CLI in
# one process per core.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOSSIERS="${1:-100}"
SEED="${2:-11}"
CORES="$(nproc)"
WORK="$(mktemp -d /tmp/archive-bench-text.XXXXXX)"
export OMP_THREAD_LIMIT=1
trap 'rm -rf "$WORK"' EXIT

command -v pdftoppm >/dev/null 2>&1 || { echo "bench needs pdftoppm (apt-get install poppler-utils)"; exit 4; }
command -v tesseract >/dev/null 2>&1 || { echo "bench needs tesseract (apt-get install tesseract-ocr tesseract-ocr-nld)"; exit 4; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

"$ROOT/archive" samples --out "$WORK/campaign" --dossiers "$DOSSIERS" --seed "$SEED" >/dev/null
python3 "$ROOT/jobs/text-pages.py" "$WORK/campaign" "$WORK/campaign/delivery" "$WORK/text-only"
pages=$(find "$WORK/text-only/delivery" -name '*.png' | wc -l)
HEAP="${BENCH_HEAP:--Xmx1g}"
export ARCHIVE_JAVA_OPTS="$HEAP -Dregister.data-dir=$WORK/register -Dstore.dir=$WORK/store -Dlogging.file.name=$WORK/archive.log"

t0=$(now)
/usr/bin/time -v -o "$WORK/time.txt" "$ROOT/archive" ingest "$WORK/text-only/delivery" --accept-with-findings \
  >"$WORK/ingest.txt" 2>&1 || true
t1=$(now)
"$ROOT/archive" ingest "$WORK/text-only/delivery" --accept-with-findings >/dev/null 2>&1 || true
t3=$(now)
t1b=$(now)
find "$WORK/text-only/delivery" -name '*.png' -print0 | xargs -0 -P "$CORES" -I{} sh -c 'tesseract "$1" - -l nld >/dev/null 2>&1' _ {}
t2=$(now)
rss=$(grep "Maximum resident" "$WORK/time.txt" | grep -oE "[0-9]+$")
registered=$(grep -oE "(Pagina's|Pages): [0-9]+" "$WORK/ingest.txt" | grep -oE "[0-9]+$" || echo "?")
validation_ms=$(grep -oE "Validated [0-9]+ dossiers, [0-9]+ pages on [0-9]+ thread\(s\) in [0-9]+ ms" "$WORK/archive.log" | grep -oE "[0-9]+ ms" || echo "?")
ocr_step=$(grep -oE "Step: \[ocr\] executed in [0-9a-z]+" "$WORK/archive.log" | sed 's/.* in //' || echo "?")
ingest_s=$(secs "$t0" "$t1"); cli_s=$(secs "$t1b" "$t2"); rerun_s=$(secs "$t1" "$t3")
ocrd=$(grep -oE "\(([0-9]+) (met OCR|OCR)" "$WORK/ingest.txt" | grep -oE "[0-9]+" | head -1 || echo "?")

echo "Text pages only: $pages pages (300 ppi PNG) of $DOSSIERS generated dossiers (seed $SEED), $CORES cores, $HEAP"
echo
echo "| run | time | pages/s | note |"
echo "|---|---|---|---|"
echo "| archive ingest (end to end into the register) | ${ingest_s} s | $(python3 -c "print(f'{$pages/$ingest_s:.2f}')") | $registered pages registered, $ocrd OCR'd; validation $validation_ms, ocr step $ocr_step; peak RSS $((rss / 1024)) MB |"
echo "| archive ingest again, nothing changed | ${rerun_s} s | | $(python3 -c "print(f'{100*$rerun_s/$ingest_s:.1f}')")% of the first run |"
echo "| tesseract CLI, $CORES parallel processes | ${cli_s} s | $(python3 -c "print(f'{$pages/$cli_s:.2f}')") | |"
echo
echo "Ingest / CLI: $(python3 -c "print(f'{$cli_s/$ingest_s:.2f}')")x (target 0.9x)"

#!/usr/bin/env bash
# Benchmark (not a test): the ingest job against the physical OCR limit on the same pages, in one run.
# Usage: jobs/bench.sh [dossiers] [seed]        (from anywhere; prints a table)
# Generates a realistic campaign with the sample generator (typed, plan, blank backs, photo, born-digital pages),
# ingests it into a fresh embedded register, then OCRs the same pages with the tesseract CLI in as many parallel
# processes as cores, and with ocrmypdf when it is installed; then re-runs the ingest with nothing changed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOSSIERS="${1:-20}"
SEED="${2:-11}"
CORES="$(nproc)"
WORK="$(mktemp -d /tmp/archive-bench.XXXXXX)"
export OMP_THREAD_LIMIT=1
trap 'rm -rf "$WORK"' EXIT

command -v pdftoppm >/dev/null 2>&1 || { echo "bench needs pdftoppm (apt-get install poppler-utils) to give tesseract the PDF pages"; exit 4; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

"$ROOT/archive" samples --out "$WORK/campaign" --dossiers "$DOSSIERS" --seed "$SEED" >/dev/null
# the delivery in an inbox of its own, as `archive nightly` finds deliveries (the ground truth stays beside it)
mkdir -p "$WORK/inbox"
mv "$WORK/campaign/delivery" "$WORK/inbox/delivery"
DELIVERY="$WORK/inbox/delivery"
HEAP="${BENCH_HEAP:--Xmx1g}"
export ARCHIVE_JAVA_OPTS="$HEAP -Dregister.data-dir=$WORK/register -Dstore.dir=$WORK/store -Dlogging.file.name=$WORK/archive.log"

t0=$(now)
/usr/bin/time -v -o "$WORK/time.txt" "$ROOT/archive" ingest "$DELIVERY" --accept-with-findings >"$WORK/ingest.txt" 2>&1 || true
t1=$(now)
pages=$(grep -oE "(Pagina's|Pages): [0-9]+" "$WORK/ingest.txt" | grep -oE "[0-9]+$")
ocrd=$(grep -oE "\(([0-9]+) (met OCR|OCR)" "$WORK/ingest.txt" | grep -oE "[0-9]+" | head -1)
rss=$(grep "Maximum resident" "$WORK/time.txt" | grep -oE "[0-9]+$")

t2=$(now)
"$ROOT/archive" ingest "$DELIVERY" --accept-with-findings >/dev/null 2>&1 || true
t3=$(now)
# The scheduled path: the nightly run over the inbox, nothing changed, against what every process pays anyway
# (archive jobs --limit 1: start, the register, one query, stop). The difference is the unchanged delivery's own cost.
"$ROOT/archive" nightly "$WORK/inbox" --accept-with-findings >"$WORK/nightly.txt" 2>&1 || true
t11=$(now)
"$ROOT/archive" jobs --limit 1 >/dev/null 2>&1 || true
t12=$(now)

# The same pages as images for the CLI: image files as they are, PDF pages rendered at 300 ppi (not timed).
mkdir -p "$WORK/pages"
find "$DELIVERY" -type f \( -name '*.pdf' \) -print0 | while IFS= read -r -d '' pdf; do
  pdftoppm -r 300 -gray -png "$pdf" "$WORK/pages/$(echo "$pdf" | md5sum | cut -c1-8)"
done
find "$DELIVERY" -type f \( -name '*.tif' -o -name '*.png' -o -name '*.jpg' \) -exec cp {} "$WORK/pages/" \;
t4=$(now)
find "$WORK/pages" -type f -print0 | xargs -0 -P "$CORES" -I{} sh -c 'tesseract "$1" - -l nld >/dev/null 2>&1' _ {}
t5=$(now)

ocrmypdf_line="| ocrmypdf --jobs $CORES | not installed | | |"
if command -v ocrmypdf >/dev/null 2>&1; then
  mkdir -p "$WORK/ocrmypdf"
  t6=$(now)
  find "$DELIVERY" -type f -name '*.pdf' -print0 | while IFS= read -r -d '' pdf; do
    ocrmypdf --jobs "$CORES" -l nld --force-ocr --output-type pdf "$pdf" "$WORK/ocrmypdf/$(basename "$pdf")" >/dev/null 2>&1 || true
  done
  t7=$(now)
  pdf_pages=$(find "$DELIVERY" -type f -name '*.pdf' -exec pdfinfo {} \; 2>/dev/null | awk '/^Pages:/ {s += $2} END {print s}')
  ocrmypdf_s=$(secs "$t6" "$t7")
  ocrmypdf_line="| ocrmypdf --jobs $CORES --force-ocr, the PDF files ($pdf_pages pages) | ${ocrmypdf_s} s | $(python3 -c "print(f'{$pdf_pages/$ocrmypdf_s:.2f}')") | one file after the other, as an archive team would run it |"
fi

# Text pages only: every page the generator typed as text, rendered at 300 ppi into a delivery of its own, read by
# the ingest and by the CLI (the OCR itself against the physical limit, nothing to skip).
mkdir -p "$WORK/text-only"
python3 "$ROOT/jobs/text-pages.py" "$WORK/campaign" "$DELIVERY" "$WORK/text-only"
text_pages=$(find "$WORK/text-only/delivery" -name '*.png' | wc -l)
export ARCHIVE_JAVA_OPTS="$HEAP -Dregister.data-dir=$WORK/register-text -Dstore.dir=$WORK/store-text -Dlogging.file.name=$WORK/archive-text.log"
t8=$(now)
"$ROOT/archive" ingest "$WORK/text-only/delivery" --accept-with-findings >"$WORK/ingest-text.txt" 2>&1 || true
t9=$(now)
find "$WORK/text-only/delivery" -name '*.png' -print0 | xargs -0 -P "$CORES" -I{} sh -c 'tesseract "$1" - -l nld >/dev/null 2>&1' _ {}
t10=$(now)

ingest_s=$(secs "$t0" "$t1"); cli_s=$(secs "$t4" "$t5"); rerun_s=$(secs "$t2" "$t3")
nightly_s=$(secs "$t3" "$t11"); start_s=$(secs "$t11" "$t12")
own_s=$(python3 -c "print(f'{max(0.0, $nightly_s - $start_s):.1f}')")
text_ingest_s=$(secs "$t8" "$t9"); text_cli_s=$(secs "$t9" "$t10")
echo "Campaign: $DOSSIERS generated dossiers (seed $SEED), $pages pages ($ocrd OCR'd by the pipeline), $CORES cores"
echo
echo "| run | time | pages/s | note |"
echo "|---|---|---|---|"
echo "| archive ingest (end to end into the register) | ${ingest_s} s | $(python3 -c "print(f'{$pages/$ingest_s:.2f}')") | peak RSS $((rss / 1024)) MB ($HEAP), incl. JVM start and validation |"
echo "| tesseract CLI, $CORES parallel processes, same pages | ${cli_s} s | $(python3 -c "print(f'{$pages/$cli_s:.2f}')") | OCR only, every page (the physical limit) |"
echo "$ocrmypdf_line"
echo "| archive ingest again, nothing changed | ${rerun_s} s | | $(python3 -c "print(f'{100*$rerun_s/$ingest_s:.1f}')")% of the first run |"
echo "| archive nightly over the inbox, nothing changed | ${nightly_s} s | | the delivery's own part ${own_s} s = $(python3 -c "print(f'{100*$own_s/$ingest_s:.1f}')")% of the first run, beyond the start every process pays (a difference of two runs: about ±0.5 s) |"
echo "| archive jobs --limit 1 (start, register, one query, stop) | ${start_s} s | | what every process pays |"
echo "| text pages only ($text_pages, 300 ppi): archive ingest | ${text_ingest_s} s | $(python3 -c "print(f'{$text_pages/$text_ingest_s:.2f}')") | incl. JVM start and validation |"
echo "| text pages only: tesseract CLI, $CORES parallel processes | ${text_cli_s} s | $(python3 -c "print(f'{$text_pages/$text_cli_s:.2f}')") | |"
echo
echo "Ingest / CLI: $(python3 -c "print(f'{$cli_s/$ingest_s:.2f}')")x on the mix, $(python3 -c "print(f'{$text_cli_s/$text_ingest_s:.2f}')")x on text pages only"

#!/usr/bin/env bash
# Benchmark (not a test): the ocr step run in one process, by one worker process and by two worker processes over
# RabbitMQ, on the same generated campaign, and the messaging overhead per partition. Prints a table.
# Usage: jobs/bench-scaleout.sh [dossiers] [seed]      (default 12 dossiers, seed 11)
# Needs: a PostgreSQL server (BENCH_PG, default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres, and psql),
# a RabbitMQ (BENCH_BROKER, default amqp://guest:guest@127.0.0.1:5672). Every run gets a fresh database and store.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DOSSIERS="${1:-12}"
SEED="${2:-11}"
PG="${BENCH_PG:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"
BROKER="${BENCH_BROKER:-amqp://guest:guest@127.0.0.1:5672}"
CORES="$(nproc)"
WORK="$(mktemp -d /tmp/archive-bench-scaleout.XXXXXX)"
export OMP_THREAD_LIMIT=1
PIDS=()
DATABASES=()
QUEUES=()
cleanup() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # the bench's queues are durable: removed where rabbitmqctl is at hand (the broker on this machine)
  if command -v rabbitmqctl >/dev/null 2>&1; then
    for q in "${QUEUES[@]:-}"; do [ -n "$q" ] && rabbitmqctl delete_queue "$q" >/dev/null 2>&1 || true; done
  fi
  for db in "${DATABASES[@]:-}"; do [ -n "$db" ] && psql -q "$PSQL_URL" -c "drop database if exists $db" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v psql >/dev/null 2>&1 || { echo "bench-scaleout needs psql (apt-get install postgresql-client)"; exit 4; }
# psql wants postgresql://user@host:port/db, the archive a JDBC URL
PSQL_URL="$(python3 - "$PG" <<'EOF'
import sys, urllib.parse
url = sys.argv[1][len("jdbc:"):]
p = urllib.parse.urlparse(url)
q = urllib.parse.parse_qs(p.query)
user = q.get("user", ["postgres"])[0]
print(f"postgresql://{user}@{p.hostname}:{p.port or 5432}{p.path}")
EOF
)"
jdbc_for() { python3 -c "import sys; u=sys.argv[1]; base,_,q=u.partition('?'); print(base.rsplit('/',1)[0]+'/'+sys.argv[2]+('?'+q if q else ''))" "$PG" "$1"; }
psql_for() { echo "${PSQL_URL%/*}/$1"; }
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }

"$ROOT/archive" samples --out "$WORK/campaign" --dossiers "$DOSSIERS" --seed "$SEED" >/dev/null
DELIVERY="$WORK/campaign/delivery"
"$ROOT/archive" --help >/dev/null   # builds the jar when needed, before anything is timed

new_run() { # name -> sets DB, REGISTER_URL, STORE_DIR
  DB="bench_scaleout_$1_$$"
  DATABASES+=("$DB")
  psql -q "$PSQL_URL" -c "drop database if exists $DB" -c "create database $DB" >/dev/null 2>&1
  export REGISTER_URL; REGISTER_URL="$(jdbc_for "$DB")"
  export STORE_DIR="$WORK/store-$1"
  export ARCHIVE_JAVA_OPTS="-Xmx2g -Dlogging.file.name=$WORK/$1.log"
}

start_worker() { # name threads queue
  SCALE_OUT_BROKER="$BROKER" SCALE_OUT_QUEUE="$3" "$ROOT/archive" worker --lang en --workers "$2" >"$WORK/$1.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do grep -q "Worker ready" "$WORK/$1.out" && return; sleep 0.5; done
  echo "worker $1 did not start:"; cat "$WORK/$1.out"; exit 6
}

stop_workers() {
  for pid in "${PIDS[@]:-}"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PIDS=()
}

ocr_step() { # database -> seconds of the last ocr step and its pages/s
  psql -At "$(psql_for "$1")" -c "select round(extract(epoch from end_time - start_time)::numeric, 1)
    from batch_step_execution where step_name = 'ocr' order by step_execution_id desc limit 1"
}

pages_of() { psql -At "$(psql_for "$1")" -c "select count(*) from page"; }
ocrd_of() { psql -At "$(psql_for "$1")" -c "select count(*) from page where skipped_why is null and kind <> 'text-layer'"; }

# The ingest (manager) with or without a broker; the partitions: 2 per OCR thread locally, 4 per thread remotely.
run_ingest() { # name broker queue partitions
  local t0 t1
  t0=$(now)
  if [ -n "$2" ]; then
    SCALE_OUT_BROKER="$2" SCALE_OUT_QUEUE="$3" SCALE_OUT_PARTITIONS="$4" \
      "$ROOT/archive" ingest "$DELIVERY" --accept-with-findings --lang en >"$WORK/$1.ingest" 2>&1 || true
  else
    "$ROOT/archive" ingest "$DELIVERY" --accept-with-findings --lang en --workers "$CORES" >"$WORK/$1.ingest" 2>&1 || true
  fi
  t1=$(now)
  WALL=$(secs "$t0" "$t1")
}

row() { # label name wall
  local step pages ocrd
  step="$(ocr_step "$DB")"; pages="$(pages_of "$DB")"; ocrd="$(ocrd_of "$DB")"
  printf '| %s | %s s | %s s | %s | %s |\n' "$1" "$3" "$step" "$(python3 -c "print(f'{$ocrd/$step:.2f}')")" "$pages pages, $ocrd OCR'd"
}

echo "| run | ingest, wall | ocr step | OCR'd pages/s in the ocr step | register |"
echo "|---|---|---|---|---|"

new_run local
run_ingest local "" "" ""
row "one process, $CORES OCR threads (no broker)" local "$WALL"
LOCAL_DB="$DB"

new_run one
Q="archive.bench-$$-one"; QUEUES+=("$Q")
start_worker one-w1 "$CORES" "$Q"
run_ingest one "$BROKER" "$Q" 8
row "manager + 1 worker process ($CORES OCR threads), 8 partitions" one "$WALL"
stop_workers
ONE_DB="$DB"

new_run two
Q="archive.bench-$$-two"; QUEUES+=("$Q")
start_worker two-w1 1 "$Q"
start_worker two-w2 1 "$Q"
run_ingest two "$BROKER" "$Q" 8
row "manager + 2 worker processes (1 OCR thread each), 8 partitions" two "$WALL"

# Messaging overhead: the same delivery again after touching one file, so that a run starts (the delivery changed)
# but no dossier is pending (the file's content did not): 64 empty partitions through the queue, the workers and the
# job repository. The ocr step's time divided by 64 is the cost of one partition's round trip.
touch "$(find "$DELIVERY" -type f | sort | head -1)"
run_ingest two-empty "$BROKER" "$Q" 64
empty_remote="$(ocr_step "$DB")"
stop_workers

DB="$LOCAL_DB"; export REGISTER_URL; REGISTER_URL="$(jdbc_for "$DB")"; export STORE_DIR="$WORK/store-local"
run_ingest local-empty "" "" ""
empty_local="$(ocr_step "$DB")"
local_partitions=$((2 * CORES))

echo
echo "| messaging overhead | ocr step with no pending dossier | per partition |"
echo "|---|---|---|"
echo "| remote: 64 empty partitions, 2 workers | ${empty_remote} s | $(python3 -c "print(f'{1000*$empty_remote/64:.0f}')") ms |"
echo "| local: ${local_partitions} empty partitions | ${empty_local} s | $(python3 -c "print(f'{1000*$empty_local/$local_partitions:.0f}')") ms |"
echo
echo "machine: $CORES cores, $(free -g | awk '/^Mem:/ {print $2}') GB; $DOSSIERS dossiers, seed $SEED"

#!/usr/bin/env bash
# Benchmark (not a test): georeference 100,000 generated dossiers against a 500,000-parcel map and print a table.
# Usage: jobs/bench-georef.sh [parcels] [dossiers]      (from the project folder; needs about 4 GB of heap)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx${BENCH_HEAP:-4g} -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  be.permitarchive.georef.GeorefBenchmark "$@"

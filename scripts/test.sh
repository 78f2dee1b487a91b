#!/usr/bin/env bash
# Attract's one test command: installs what is missing, builds with warnings as errors, checks formatting,
# migrations and the compose file, starts a throwaway PostgreSQL server, runs every test project (the data-layer tests
# on SQLite and PostgreSQL), and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1
CONFIG=Release
RESULTS="$ROOT/TestResults"

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "Prerequisites"
APT_PACKAGES=()
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] || APT_PACKAGES+=(chromium)
command -v docker-compose >/dev/null 2>&1 || APT_PACKAGES+=(docker-compose)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || APT_PACKAGES+=(postgresql)
if [ ${#APT_PACKAGES[@]} -gt 0 ]; then
  echo "installing with apt: ${APT_PACKAGES[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_PACKAGES[@]}" >/dev/null
fi
dotnet tool restore

step "Restore and build ($CONFIG, warnings as errors)"
dotnet restore Attract.sln
dotnet build Attract.sln --no-restore --configuration "$CONFIG" -warnaserror
dotnet build bench/Attract.Bench/Attract.Bench.csproj --configuration "$CONFIG" -warnaserror
# The soak harness is built by the integration tests (which run its short mode); built here too in case that changes.
dotnet build bench/Attract.Soak/Attract.Soak.csproj --configuration "$CONFIG" -warnaserror
dotnet build bench/LinkedIn.Simulator.Memory/LinkedIn.Simulator.Memory.csproj --configuration "$CONFIG" -warnaserror

step "Formatting (dotnet format --verify-no-changes)"
dotnet format Attract.sln --no-restore --verify-no-changes
dotnet format bench/Attract.Bench/Attract.Bench.csproj --no-restore --verify-no-changes
dotnet format bench/Attract.Soak/Attract.Soak.csproj --no-restore --verify-no-changes
dotnet format bench/LinkedIn.Simulator.Memory/LinkedIn.Simulator.Memory.csproj --no-restore --verify-no-changes

step "Migrations: model drift for the three providers"
EF=(dotnet ef --no-build --configuration "$CONFIG" --startup-project src/Attract.Web)
SQLSERVER_ARGS=(-- --Database:Provider=SqlServer "--ConnectionStrings:Attract=Server=localhost;Database=Attract;User Id=sa;Password=unused;TrustServerCertificate=True")
POSTGRES_ARGS=(-- --Database:Provider=PostgreSql "--ConnectionStrings:Attract=Host=localhost;Database=attract;Username=postgres")
"${EF[@]}" migrations has-pending-model-changes --project src/Attract.Migrations.Sqlite
"${EF[@]}" migrations has-pending-model-changes --project src/Attract.Migrations.SqlServer "${SQLSERVER_ARGS[@]}"
"${EF[@]}" migrations has-pending-model-changes --project src/Attract.Migrations.PostgreSql "${POSTGRES_ARGS[@]}"

step "Migrations: idempotent SQL Server and PostgreSQL scripts"
mkdir -p "$RESULTS"
"${EF[@]}" migrations script --idempotent --project src/Attract.Migrations.SqlServer -o "$RESULTS/sqlserver-idempotent.sql" "${SQLSERVER_ARGS[@]}"
grep -q "IF NOT EXISTS" "$RESULTS/sqlserver-idempotent.sql"
grep -q "QRTZ_JOB_DETAILS" "$RESULTS/sqlserver-idempotent.sql"
echo "wrote $(wc -l < "$RESULTS/sqlserver-idempotent.sql") lines to TestResults/sqlserver-idempotent.sql"
"${EF[@]}" migrations script --idempotent --project src/Attract.Migrations.PostgreSql -o "$RESULTS/postgresql-idempotent.sql" "${POSTGRES_ARGS[@]}"
grep -q "IF NOT EXISTS" "$RESULTS/postgresql-idempotent.sql"
grep -q "qrtz_job_details" "$RESULTS/postgresql-idempotent.sql"
echo "wrote $(wc -l < "$RESULTS/postgresql-idempotent.sql") lines to TestResults/postgresql-idempotent.sql"

step "docker-compose.yml"
docker-compose -f docker-compose.yml config --quiet
echo "docker-compose.yml is valid"

step "Release publish (the Docker image's) leaves out the LinkedIn simulator"
bash scripts/check-publish.sh

step "PostgreSQL: a throwaway server for the tests"
# scripts/postgres-test-server.sh: initdb into a temporary folder (owned by the postgres user when run as root), a free
# loopback port, trust authentication; the tests create and drop a database each. Stopped and deleted on exit.
PG_STARTED=$(date +%s)
eval "$(scripts/postgres-test-server.sh start)"
export ATTRACT_TEST_POSTGRES
trap 'scripts/postgres-test-server.sh stop "$ATTRACT_TEST_POSTGRES_DIR"' EXIT
echo "PostgreSQL $(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1 | cut -d/ -f5) up in $(( $(date +%s) - PG_STARTED )) s: $ATTRACT_TEST_POSTGRES"

step "Migrations: the idempotent PostgreSQL script runs on an empty database, twice"
PSQL=("$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" -h 127.0.0.1 -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$ATTRACT_TEST_POSTGRES")" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE attract_idempotent_script"
"${PSQL[@]}" -d attract_idempotent_script -f "$RESULTS/postgresql-idempotent.sql" >/dev/null
"${PSQL[@]}" -d attract_idempotent_script -f "$RESULTS/postgresql-idempotent.sql" >/dev/null
echo "applied twice; $("${PSQL[@]}" -d attract_idempotent_script -tAc 'SELECT count(*) FROM "__EFMigrationsHistory"') migrations, $("${PSQL[@]}" -d attract_idempotent_script -tAc "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz%'") Quartz tables"
"${PSQL[@]}" -d postgres -c "DROP DATABASE attract_idempotent_script"

step "Tests"
rm -rf "$RESULTS"/*.trx "$RESULTS"/trx
# One test project at a time: the browser and integration suites each host Attract, the simulator and
# (for the browser) Chromium, and on a 2-core machine running them side by side starves the timeouts.
TEST_EXIT=0
set +e
for project in tests/*/*.csproj; do
  dotnet test "$project" --no-build --configuration "$CONFIG" --logger "trx;LogFileName=$(basename "$project" .csproj).trx" --results-directory "$RESULTS/trx" || TEST_EXIT=1
done
set -e

passed=0; failed=0; skipped=0
shopt -s nullglob
for trx in "$RESULTS"/trx/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
if [ "$TEST_EXIT" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit "$TEST_EXIT"

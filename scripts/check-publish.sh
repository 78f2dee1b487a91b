#!/usr/bin/env bash
# Publishes Attract.Web as the Docker image does (Release) into a scratch folder with its own build artifacts, and fails
# if the LinkedIn simulator is in the output. The artifacts path keeps the repository's bin/ and obj/ untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
dotnet publish src/Attract.Web/Attract.Web.csproj --configuration Release -p:AttractIncludeSimulator=false \
  --artifacts-path "$SCRATCH/artifacts" -o "$SCRATCH/publish" -warnaserror >"$SCRATCH/publish.log" 2>&1 \
  || { cat "$SCRATCH/publish.log"; exit 1; }
test -e "$SCRATCH/publish/Attract.Web.dll" || { echo "publish produced no Attract.Web.dll"; exit 1; }
if ls "$SCRATCH/publish" | grep -qi 'LinkedIn.Simulator'; then
  echo "the Release publish contains the LinkedIn simulator:"; ls "$SCRATCH/publish" | grep -i 'LinkedIn.Simulator'; exit 1
fi
if grep -qi 'LinkedIn.Simulator' "$SCRATCH/publish/Attract.Web.deps.json"; then
  echo "Attract.Web.deps.json still references LinkedIn.Simulator"; exit 1
fi
echo "Release publish: $(ls "$SCRATCH/publish" | wc -l) files, no LinkedIn.Simulator"

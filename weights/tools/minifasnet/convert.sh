#!/usr/bin/env bash
# MiniFASNet anti-spoofing models (Silent-Face-Anti-Spoofing, PyTorch .pth) -> weights/models/minifasnet_{v2,v1se}.onnx,
# PyTorch reference fixtures (weights/src/test/resources/minifasnet/) and the two weights/manifest.json entries.
#
# usage: tools/minifasnet/convert.sh [--src DIR] [--twice]
#   --src DIR   folder holding 2.7_80x80_MiniFASNetV2.pth and 4_0_0_80x80_MiniFASNetV1SE.pth
#               (default: $MINIFASNET_SRC, else tools/minifasnet/pth/); their sha256 is checked
#   --twice     convert a second time into a temporary folder and fail unless the .onnx files are byte-identical
#
# Needs Debian's python and packages (installs nothing itself):
#   apt-get install python3-torch python3-onnx python3-opencv python3-numpy
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WEIGHTS="$(cd "$HERE/../.." && pwd)"
# The upstream state dicts are kept in the repository (Apache-2.0, see LICENSE and SOURCE.md beside this script):
# no registry serves them, and regeneration must work from a fresh clone.
SRC="${MINIFASNET_SRC:-$HERE/pth}"
TWICE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --src) SRC="$2"; shift 2 ;;
    --twice) TWICE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PY=/usr/bin/python3   # Debian's python: the python3-* packages below are installed for it, not for a pyenv/venv python
missing=()
for pkg in python3-torch python3-onnx python3-opencv python3-numpy; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [[ ! -x "$PY" || ${#missing[@]} -gt 0 ]]; then
  echo "tools/minifasnet/convert.sh: missing Debian packages: ${missing[*]:-python3}" >&2
  echo "  install them with: apt-get install ${missing[*]:-python3}" >&2
  exit 3
fi
for f in 2.7_80x80_MiniFASNetV2.pth 4_0_0_80x80_MiniFASNetV1SE.pth; do
  if [[ ! -f "$SRC/$f" ]]; then
    echo "tools/minifasnet/convert.sh: $SRC/$f not found (upstream resources/anti_spoof_models/$f, see SOURCE.md); use --src DIR" >&2
    exit 4
  fi
done

# PyTorch warns about the (harmless) constant-folding of the BatchNorm1d training flag; keep the log readable
export PYTHONWARNINGS="ignore::UserWarning"
"$PY" "$HERE/convert.py" --src "$SRC"

if [[ "$TWICE" == 1 ]]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  "$PY" "$HERE/convert.py" --src "$SRC" --out "$tmp" --no-manifest --no-fixtures >/dev/null
  for m in minifasnet_v2 minifasnet_v1se; do
    a="$(sha256sum < "$WEIGHTS/models/$m.onnx")"
    b="$(sha256sum < "$tmp/$m.onnx")"
    if [[ "$a" != "$b" ]]; then
      echo "tools/minifasnet/convert.sh: $m.onnx differs between two runs" >&2
      exit 5
    fi
    echo "== deterministic: $m.onnx ${a%% *} (two runs)"
  done
fi

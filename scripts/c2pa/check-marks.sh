#!/usr/bin/env bash
# Reads the standard marks of generated files as third parties do: exiftool for the XMP packet (IPTC digital source
# type), the official C2PA library (c2pa-rs as WebAssembly, npm @contentauth/c2pa-wasm) for Content Credentials.
# Usage: scripts/c2pa/check-marks.sh [--trust ROOT_PEM] FILE...   (ROOT_PEM from `./hallmark audit c2pa-root`)
# Needs exiftool (Debian libimage-exiftool-perl), node and npm; installs c2pa-wasm into $C2PA_WASM_PREFIX
# (default target/c2pa-wasm) on first use.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export C2PA_WASM_PREFIX="${C2PA_WASM_PREFIX:-$here/../../target/c2pa-wasm}"
trust=()
if [[ ${1:-} == --trust ]]; then trust=("$2"); shift 2; fi
if [[ ! -f $C2PA_WASM_PREFIX/node_modules/@contentauth/c2pa-wasm/pkg/c2pa_bg.wasm ]]; then
  mkdir -p "$C2PA_WASM_PREFIX"
  npm install --prefix "$C2PA_WASM_PREFIX" --no-audit --no-fund --ignore-scripts @contentauth/c2pa-wasm@0.15.0 >&2
fi
for file in "$@"; do
  case "${file,,}" in
    *.png) type=image/png ;; *.jpg|*.jpeg) type=image/jpeg ;; *.mp4) type=video/mp4 ;;
    *) echo "$file: not a PNG, JPEG or MP4" >&2; exit 2 ;;
  esac
  echo "== $file"
  exiftool -G1 -XMP-iptcExt:DigitalSourceType -XMP-xmp:CreatorTool -XMP-dcterms:Provenance "$file"
  node "$here/verify.mjs" "$file" "$type" "${trust[@]}" | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const r = JSON.parse(s);
      if (!r.read) { console.log("C2PA: no Content Credentials:", r.error); process.exitCode = 1; return; }
      const v = r.store.validation_results.activeManifest;
      console.log("C2PA: " + r.store.validation_state + "; failure: " + v.failure.map(x => x.code).join(", ")
        + "; success: " + [...new Set(v.success.map(x => x.code))].join(", "));
    });'
done

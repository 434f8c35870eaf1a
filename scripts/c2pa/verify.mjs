// Reads a file's C2PA Content Credentials with the official C2PA library (c2pa-rs compiled to WebAssembly,
// npm @contentauth/c2pa-wasm) and prints what it reports as JSON: the active manifest's label, its validation
// state and statuses, and the manifest store. Usage: node verify.mjs FILE MEDIA_TYPE
// Exit 0 when the library read a manifest store; 2 when it could not (no credentials, or unreadable ones).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(join(process.env.C2PA_WASM_PREFIX || process.cwd(), 'package.json'));
const pkgDir = dirname(require.resolve('@contentauth/c2pa-wasm/package.json'));
const c2pa = await import(join(pkgDir, 'pkg', 'c2pa.js'));
c2pa.initSync({ module: readFileSync(join(pkgDir, 'pkg', 'c2pa_bg.wasm')) });

const [file, mediaType, anchors] = process.argv.slice(2);
const context = anchors
  ? JSON.stringify({ trust: { trust_anchors: readFileSync(anchors, 'utf8') }, verify: { verify_trust: true } })
  : null;
try {
  const reader = await c2pa.WasmReader.fromBytes(mediaType, new Uint8Array(readFileSync(file)), context);
  const store = JSON.parse(reader.json());
  console.log(JSON.stringify({ read: true, activeLabel: reader.activeLabel() ?? null, store }));
} catch (e) {
  console.log(JSON.stringify({ read: false, error: String(e && e.message ? e.message : e) }));
  process.exit(2);
}

#!/usr/bin/env python3
"""Trunk post_build hook: make dist/index.html self-contained so it also works from file://.

Browsers block cross-file module imports and fetch() on file:// (origin 'null'). This hook replaces
Trunk's module initializer with ONE inline <script type="module"> holding the wasm-bindgen glue and the
wasm as base64, instantiated asynchronously; inlines the stylesheet; removes the preload links and the
now-unused files; and writes a Content-Security-Policy meta tag that allows exactly this inline script
(by its SHA-256 hash) and wasm compilation, and nothing from the network.
"""
import base64
import hashlib
import zlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index_path = os.path.join(staging, "index.html")
html = open(index_path, encoding="utf-8").read()

init = re.search(r"<script type=\"module\"[^>]*>(.*?)</script>", html, re.S)
if not init:
    sys.exit("inline_wasm: no module script from trunk found in index.html")
js_name = re.search(r"from\s+'\./([^']+\.js)'", init.group(1))
wasm_name = re.search(r"module_or_path:\s*'\./([^']+\.wasm)'", init.group(1))
if not js_name or not wasm_name:
    sys.exit("inline_wasm: could not find the glue and wasm file names in trunk's initializer")
js_path = os.path.join(staging, js_name.group(1))
wasm_path = os.path.join(staging, wasm_name.group(1))
glue = open(js_path, encoding="utf-8").read()
wasm_bytes = open(wasm_path, "rb").read()

default = re.search(r"export\s*\{[^}]*?\b(\w+)\s+as\s+default\b", glue)
if not default:
    sys.exit("inline_wasm: glue has no default export (init function)")
init_fn = default.group(1)
glue = glue.replace("import.meta.url", "'./'")
# The wasm is deflated before base64 (base64 of raw wasm compresses poorly, and the offline folder has no
# server compression at all); the page inflates it with DecompressionStream, which needs no network.
packer = zlib.compressobj(9, zlib.DEFLATED, -15)
packed = packer.compress(wasm_bytes) + packer.flush()
b64 = base64.b64encode(packed).decode("ascii")
script = (
    glue
    + "\nconst __wasm_b64 = \"" + b64 + "\";\n"
    # Uint8Array.from(atob(…), mapFn) calls the function once per byte: ~200 ms for 1.9 MB in V8; a plain
    # loop takes ~10 ms, and Uint8Array.fromBase64 (where the browser has it) less.
    + "const __packed = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(__wasm_b64) : (() => {\n"
    + "  const s = atob(__wasm_b64), out = new Uint8Array(s.length);\n"
    + "  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);\n"
    + "  return out;\n"
    + "})();\n"
    + "performance.mark('presseschau:decoded');\n"
    + "if (typeof DecompressionStream === 'undefined') {\n"
    + "  document.body.insertAdjacentText('afterbegin', 'Presseschau braucht einen aktuellen Browser (DecompressionStream fehlt).');\n"
    + "  throw new Error('DecompressionStream is not supported');\n"
    + "}\n"
    + "const __wasm_bytes = await new Response(new Blob([__packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();\n"
    + "performance.mark('presseschau:inflated');\n"
    + "await " + init_fn + "({ module_or_path: __wasm_bytes });\n"
)
if "</script" in script:
    sys.exit("inline_wasm: the glue contains '</script', cannot inline safely")
script_hash = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")

html = html[: init.start()] + "<script type=\"module\">" + script + "</script>" + html[init.end():]
html = re.sub(r"<link rel=\"(?:modulepreload|preload)\"[^>]*>\s*", "", html)

# Inline stylesheets trunk copied into the dist.
def inline_css(match):
    href = match.group(1)
    path = os.path.join(staging, href.lstrip("./"))
    css = open(path, encoding="utf-8").read()
    os.remove(path)
    return "<style>" + css + "</style>"

html = re.sub(r"<link rel=\"stylesheet\" href=\"([^\"]+\.css)\"[^>]*/?>", inline_css, html)

csp = (
    "default-src 'none'; "
    f"script-src 'sha256-{script_hash}' 'wasm-unsafe-eval'; "
    "style-src 'unsafe-inline'; "
    "img-src data:; "
    "connect-src 'none'; "
    "base-uri 'none'; "
    "form-action 'none'"
)
placeholder = re.search(r"<!-- CSP_PLACEHOLDER:.*?-->", html)
if not placeholder:
    sys.exit("inline_wasm: CSP placeholder comment missing from index.html")
html = html[: placeholder.start()] + f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />" + html[placeholder.end():]

open(index_path, "w", encoding="utf-8").write(html)
os.remove(js_path)
os.remove(wasm_path)
print(f"inline_wasm: index.html {len(html.encode('utf-8')):,} bytes (wasm {len(wasm_bytes):,} bytes, deflated to {len(packed):,}, inlined as base64)")

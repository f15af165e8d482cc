#!/usr/bin/env python3
"""Trunk post_build hook: turns trunk's output into the static site (dist/).

1. app.js and app-full.js: the wasm-bindgen glue and the wasm (deflated, base64) as ONE classic script
   each. Classic scripts load from disk (file://), where module imports and fetch() are blocked. app.js is
   the reading pages' app (src/bin/reader.rs, built here); app-full.js is trunk's build (src/bin/web.rs):
   every page and the analysis, loaded by the other pages and by app.js when it meets text the build did
   not analyse. Each page names its scripts to boot.js (<script src="boot.js" data-load="data/<page>.js
   app.js" defer>), which adds them after the page's first paint; cached across pages.
2. style.css: trunk's stylesheet under a stable name, shared by every page.
3. forward.js: sends links of the old one-page app (index.html#/a/<id>?q=…) to their page; card.js: an
   article's names open their (prerendered) cards before the app has started; boot.js: loads the page's
   scripts once its text is painted (tools/boot.js); model.js: the NER model,
   which the wasm does not carry, for text the build did not analyse.
4. Every page: `presseschau site <dist>` prerenders each route with the app's own components (native,
   same core), with the Content-Security-Policy of ui/site.rs (scripts and styles only from the folder).
"""
import base64
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zlib

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
staging = os.environ.get("TRUNK_STAGING_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "dist")
index_path = os.path.join(staging, "index.html")
html = open(index_path, encoding="utf-8").read()

init = re.search(r"<script type=\"module\"[^>]*>(.*?)</script>", html, re.S)
if not init:
    sys.exit("site_hook: no module script from trunk found in index.html")
js_name = re.search(r"from\s+'\./([^']+\.js)'", init.group(1))
wasm_name = re.search(r"module_or_path:\s*'\./([^']+\.wasm)'", init.group(1))
if not js_name or not wasm_name:
    sys.exit("site_hook: could not find the glue and wasm file names in trunk's initializer")
js_path = os.path.join(staging, js_name.group(1))
wasm_path = os.path.join(staging, wasm_name.group(1))
cargo = os.environ.get("CARGO", "cargo")
cargo_env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO_BUILD_")}
trusted_types = open(os.path.join(here, "trusted_types.js"), encoding="utf-8").read()


def without_line_comments(js):
    """Script as pages load it: its whole-line // comments (docs for the reader of the source; in the glue,
    wasm-bindgen's notes on each closure cast) left out."""
    return "".join(line for line in js.splitlines(keepends=True) if not line.lstrip().startswith("//"))


def pack(glue, wasm_bytes, what, name=None):
    """One classic script from wasm-bindgen's ES module glue and the wasm. With `name`, the starting function
    is also kept as `self.<name>`: the full app writes its own source (Function.prototype.toString) into the
    one-file collection a reader saves, which from disk it could not read otherwise."""
    default = re.search(r"export\s*\{[^}]*?\b(\w+)\s+as\s+default\b", glue)
    if not default:
        sys.exit("site_hook: glue has no default export (init function)")
    init_fn = default.group(1)
    # The ES module glue becomes the body of a function in a classic script: no exports, no import.meta.
    glue = re.sub(r"^export\s*\{[^}]*\};?\s*$", "", glue, flags=re.M)
    glue = re.sub(r"^export\s+(?=(async\s+)?function|const|let|class)", "", glue, flags=re.M)
    glue = without_line_comments(glue.replace("import.meta.url", "'./'"))
    if re.search(r"^\s*(import|export)\b", glue, re.M):
        sys.exit("site_hook: the glue still has an import or export statement")
    # Deflated before base64 (base64 of raw wasm compresses poorly, and a folder on disk has no server
    # compression); the page inflates it with DecompressionStream, which needs no network.
    # Zopfli (through the CLI: `presseschau deflate`) packs 4 % smaller than zlib -9, in the same format.
    with tempfile.TemporaryDirectory() as tmp:
        raw_path, packed_path = os.path.join(tmp, "app.wasm"), os.path.join(tmp, "app.wasm.deflate")
        open(raw_path, "wb").write(wasm_bytes)
        subprocess.run(
            [cargo, "run", "--quiet", "--locked", "--bin", "presseschau", "--", "deflate", raw_path, packed_path],
            cwd=root, check=True, env=cargo_env,
        )
        packed = open(packed_path, "rb").read()
    if zlib.decompress(packed, -15) != wasm_bytes:
        sys.exit("site_hook: the packed wasm does not inflate to the wasm")
    b64 = base64.b64encode(packed).decode("ascii")
    return (
        "// Presseschau: " + what + " (wasm-bindgen glue + the wasm, deflated and base64), one classic script.\n"
        + trusted_types
        + ("self." + name + " = " if name else "(")
        + "async () => {\n"
        + glue
        + "\nconst __wasm_b64 = \"" + b64 + "\";\n"
        # Uint8Array.from(atob(…), mapFn) calls the function once per byte: ~200 ms for 1.9 MB in V8; a plain
        # loop takes ~10 ms, and Uint8Array.fromBase64 (where the browser has it) less.
        + "const __packed = typeof Uint8Array.fromBase64 === 'function' ? Uint8Array.fromBase64(__wasm_b64) : (() => {\n"
        + "  const s = atob(__wasm_b64), out = new Uint8Array(s.length);\n"
        + "  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);\n"
        + "  return out;\n"
        + "})();\n"
        + "performance.mark('presseschau:decoded');\n"
        # Without DecompressionStream the prerendered page simply stays as it is (readable, not interactive).
        + "if (typeof DecompressionStream === 'undefined') return;\n"
        + "const __wasm_bytes = await new Response(new Blob([__packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();\n"
        + "performance.mark('presseschau:inflated');\n"
        + "await " + init_fn + "({ module_or_path: __wasm_bytes });\n"
        + ("};\nself." + name + "();\n" if name else "})();\n")
    ), len(wasm_bytes), len(packed)


def build_reader():
    """The reading pages' app (src/bin/reader.rs), built like trunk builds the full one: cargo with the
    same profile, wasm-bindgen (the version trunk uses, from PATH), wasm-opt with index.html's settings."""
    release = os.environ.get("TRUNK_PROFILE", "release") == "release"
    subprocess.run(
        [cargo, "build", "--locked", "--target", "wasm32-unknown-unknown", "--bin", "presseschau-reader"]
        + (["--release"] if release else []),
        cwd=root, check=True, env=cargo_env,
    )
    target_dir = os.environ.get("CARGO_TARGET_DIR") or os.path.join(root, "target")
    built = os.path.join(target_dir, "wasm32-unknown-unknown", "release" if release else "debug", "presseschau-reader.wasm")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", tmp,
                        "--out-name", "reader", built], check=True)
        wasm = os.path.join(tmp, "reader_bg.wasm")
        if release:
            index = open(os.path.join(root, "index.html"), encoding="utf-8").read()
            level = re.search(r'data-wasm-opt="(\w+)"', index).group(1)
            params = re.search(r'data-wasm-opt-params="([^"]*)"', index).group(1).split()
            subprocess.run(["wasm-opt", "-O" + level, *params, wasm, "-o", wasm], check=True)
        return open(os.path.join(tmp, "reader.js"), encoding="utf-8").read(), open(wasm, "rb").read()


full_js, full_size, full_packed = pack(open(js_path, encoding="utf-8").read(), open(wasm_path, "rb").read(),
                                      "the full app", "presseschauApp")
reader_js, reader_size, reader_packed = pack(*build_reader(), "the reading pages' app")
open(os.path.join(staging, "app.js"), "w", encoding="utf-8").write(reader_js)

css = [m for m in re.findall(r"<link rel=\"stylesheet\" href=\"([^\"]+\.css)\"", html)]
if len(css) != 1:
    sys.exit(f"site_hook: expected one stylesheet from trunk, found {css}")
css_path = os.path.join(staging, css[0].lstrip("./"))
shutil.move(css_path, os.path.join(staging, "style.css"))
# Every page waits for the stylesheet: its comments (static/style.css is read by people) are left out of the
# file pages load (-1.1 KB gzip). No string in it holds "/*".
with open(os.path.join(staging, "style.css"), encoding="utf-8") as f:
    css_text = re.sub(r"/\*.*?\*/\n?", "", f.read(), flags=re.S)
open(os.path.join(staging, "style.css"), "w", encoding="utf-8").write(css_text)
# The full app also carries the stylesheet as text, for the one-file collection (from disk it cannot read it).
style_text = open(os.path.join(staging, "style.css"), encoding="utf-8").read()
full_js += "self.presseschauStyle = " + json.dumps(style_text) + ";\n"
open(os.path.join(staging, "app-full.js"), "w", encoding="utf-8").write(full_js)
def shipped(script):
    """A script of tools/ as pages load it, without its whole-line comments (a third of card.js gzip)."""
    return without_line_comments(open(os.path.join(here, script), encoding="utf-8").read())


for script in ("forward.js", "card.js"):
    open(os.path.join(staging, script), "w", encoding="utf-8").write(shipped(script))
# boot.js adds the page's scripts after its first paint; it sets them an address, so it brings the policy
open(os.path.join(staging, "boot.js"), "w", encoding="utf-8").write(trusted_types + shipped("boot.js"))
# The NER model is not in the wasm: the app loads model.js only for text the build did not analyse.
model = open(os.path.join(root, "src", "core", "analysis", "ner", "model.bin"), "rb").read()
open(os.path.join(staging, "model.js"), "w", encoding="ascii").write(
    "// Presseschau: the NER model (src/core/analysis/ner/model.bin, base64), loaded only when needed.\n"
    "self.presseschauModel = \"" + base64.b64encode(model).decode("ascii") + "\";\n")
os.remove(js_path)
os.remove(wasm_path)
os.remove(index_path)

# The pages, prerendered natively by the same components (debug build: the tests build it anyway).
# PRESSESCHAU_SITE_URL (optional): the site's public address; pages name it and a link copied from a
# downloaded folder uses it.
site_url = os.environ.get("PRESSESCHAU_SITE_URL", "").strip()
subprocess.run(
    [cargo, "run", "--quiet", "--locked", "--bin", "presseschau", "--", "site", staging]
    + (["--site-url", site_url] if site_url else []),
    cwd=root, check=True, env=cargo_env,
)
print(f"site_hook: app.js {len(reader_js):,} bytes (wasm {reader_size:,}, deflated {reader_packed:,}); "
      f"app-full.js {len(full_js):,} bytes (wasm {full_size:,}, deflated {full_packed:,})")

// `make assets`: bundle the exercise editor (CodeMirror 6) into static/js/editor.js and copy
// axe-core for the browser tests (tests/browser/vendor/axe.min.js), so neither the site nor
// the tests need Node at run time. Both outputs are committed.
import { copyFileSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const out = "static/js/editor.js";
await build({
  entryPoints: ["assets/editor.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2020"],
  legalComments: "none",
  outfile: out,
  banner: { js: "/* Apprentice exercise editor: CodeMirror 6 (MIT), built from assets/editor.js by `make assets`. */" },
});
const size = statSync(out).size;
const gzipped = gzipSync(readFileSync(out)).length;
console.log(`${out}: ${(size / 1024).toFixed(1)} KiB, ${(gzipped / 1024).toFixed(1)} KiB gzipped`);

mkdirSync("tests/browser/vendor", { recursive: true });
copyFileSync("node_modules/axe-core/axe.min.js", "tests/browser/vendor/axe.min.js");
console.log("tests/browser/vendor/axe.min.js: axe-core " + JSON.parse(readFileSync("node_modules/axe-core/package.json")).version);

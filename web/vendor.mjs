// Copy the built files of the npm dependencies into the Python package, with their licences,
// so that `worldorder serve` needs no internet. Run from web/: `npm install && npm run vendor`.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const target = "../src/worldorder/web/static/vendor";
const files = [
  ["d3", "dist/d3.min.js", "d3.min.js"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui-bundle.js"],
  ["swagger-ui-dist", "swagger-ui.css", "swagger-ui.css"],
  ["swagger-ui-dist", "swagger-ui-bundle.js.LICENSE.txt", "swagger-ui-bundle.js.LICENSE.txt"],
  ["swagger-ui-dist", "NOTICE", "NOTICE-swagger-ui-dist"],
];

mkdirSync(target, { recursive: true });
const lines = ["# Vendored JavaScript and data (written by web/vendor.mjs)", ""];
for (const [name, source, dest] of files) {
  const meta = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  copyFileSync(`node_modules/${name}/${source}`, `${target}/${dest}`);
  copyFileSync(`node_modules/${name}/LICENSE`, `${target}/LICENSE-${name}`);
  lines.push(`- ${dest}: ${name} ${meta.version}, licence ${meta.license}`);
}
writeFileSync(`${target}/VERSIONS.md`, lines.join("\n") + "\n");

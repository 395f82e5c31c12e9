// Dibuja con MathJax 3 (SVG) las fórmulas que le pasa _ext/static_math.py.
//
// Entrada (stdin): JSON {"pages": [[{"tex": "...", "display": true}, ...], ...]}.
// Salida (stdout): JSON {"pages": [{"html": ["<mjx-container…>", ...], "defs": "<defs>…</defs>",
//                   "errors": [[índice, mensaje], ...]}], "css": "hoja de estilo de MathJax"}.
// Cada página tiene su propio depósito de glifos (fontCache global): cada glifo se
// define una vez por página y las fórmulas lo reusan con <use>.
"use strict";

const path = require("path");
const es5 = process.argv[2];
if (!es5) {
  console.error("uso: node static_math.js CARPETA_ES5_DE_MATHJAX < entrada.json");
  process.exit(2);
}

// Grupos <g> que MathJax envuelve alrededor de cada nodo de MathML sin transformar
// nada (sólo llevan data-mml-node): se quitan, dejando a sus hijos en su lugar. Son
// casi la mitad de los nodos de una página con mucha matemática, y el teléfono los
// tiene que leer, diseñar y pintar. Se conservan los que la hoja de estilo de
// MathJax nombra (tablas, errores, acciones) y los que tienen otro atributo
// (transform, fill, class...).
const KEEP_GROUPS = new Set(["mtable", "mtr", "mtd", "mlabeledtr", "merror", "maction", "menclose"]);

function slim(adaptor, node) {
  for (const child of [...adaptor.childNodes(node)]) {
    if (adaptor.kind(child) !== "#text" && adaptor.kind(child) !== "#comment") slim(adaptor, child);
  }
  if (adaptor.kind(node) !== "g") return;
  const names = adaptor.allAttributes(node).map((a) => a.name);
  const kind = adaptor.getAttribute(node, "data-mml-node");
  if (names.length !== 1 || names[0] !== "data-mml-node" || KEEP_GROUPS.has(kind)) return;
  for (const child of [...adaptor.childNodes(node)]) adaptor.insert(child, node);
  adaptor.remove(node);
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const request = JSON.parse(input);
  require(path.join(es5, "node-main.js"))
    .init({
      loader: { load: ["input/tex-full", "output/svg", "a11y/assistive-mml"] },
      tex: {
        // Sin noerrors/noundefined: un error de TeX se informa (y la construcción falla).
        packages: { "[-]": ["noerrors", "noundefined", "require", "autoload"] },
        formatError: (jax, err) => {
          throw err;
        },
      },
      svg: { fontCache: "global" },
      startup: { typeset: false },
    })
    .then((MathJax) => {
      const adaptor = MathJax.startup.adaptor;
      const svg = MathJax.startup.output;
      const pages = request.pages.map((items) => {
        svg.clearFontCache();
        const html = [];
        const errors = [];
        items.forEach((item, index) => {
          try {
            MathJax.texReset();
            const node = MathJax.tex2svg(item.tex, { display: item.display });
            slim(adaptor, node);
            html.push(adaptor.outerHTML(node));
          } catch (err) {
            errors.push([index, String((err && err.message) || err)]);
            html.push("");
          }
        });
        const defs = adaptor.outerHTML(svg.fontCache.getCache());
        return { html, defs, errors };
      });
      const css = adaptor.textContent(MathJax.svgStylesheet());
      process.stdout.write(JSON.stringify({ pages, css }));
    })
    .catch((err) => {
      console.error(String((err && err.stack) || err));
      process.exit(1);
    });
});

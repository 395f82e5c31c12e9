#!/usr/bin/env bash
# Edición impresa: el libro completo en un PDF, en castellano (guiones, «Capítulo»,
# «Índice general»), con la matemática y las figuras de los cuadernos ejecutados.
#   bash scripts/build_pdf.sh      → _build/latex/modelos-jerarquicos.pdf
# Si el sitio ya está construido (_build/html), deja además una copia en
# _build/html/modelos-jerarquicos.pdf: es el archivo que enlaza la portada (en la
# publicación, .github/workflows/publish.yml lo pone en la carpeta de cada edición).
# Usa la misma caché de ejecución que scripts/build.sh: si el sitio ya está
# construido, no vuelve a ejecutar los cuadernos.
# Necesita pdflatex y unos 80 MB de paquetes TeX de Debian (abajo); si faltan y
# se corre como root en Debian/Ubuntu, los instala con apt-get.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BOOK="${JERARQUICOS_BOOK_DIR:-$ROOT}"
OUT="$BOOK/_build/latex"
PDF="$OUT/modelos-jerarquicos.pdf"

# El conjunto mínimo medido: sin texlive-fonts-extra (≈ 1 GB) ni xelatex.
TEX_PACKAGES=(
  texlive-latex-recommended  # clases y paquetes base que usa Sphinx
  texlive-latex-extra        # fncychap, tabulary, capt-of, needspace, wrapfig, titlesec…
  texlive-fonts-recommended  # fuentes Times/Helvetica (tgtermes, tgheros)
  texlive-lang-spanish       # babel spanish: guiones y títulos en castellano
  tex-gyre                   # fuentes TeX Gyre
  latexmk                    # el Makefile de Sphinx compila con latexmk
  poppler-utils              # pdftotext/pdfinfo, para las pruebas y el resumen
)

missing=()
for pkg in "${TEX_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "» Instalando los paquetes TeX que faltan: ${missing[*]} (sólo la primera vez)…"
    t=$(date +%s)
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    echo "  Instalados en $(( $(date +%s) - t )) s."
  elif ! command -v pdflatex >/dev/null 2>&1 || ! command -v latexmk >/dev/null 2>&1; then
    echo "Error: faltan pdflatex/latexmk. En Debian o Ubuntu:" >&2
    echo "  sudo apt-get install --no-install-recommends ${TEX_PACKAGES[*]}" >&2
    exit 2
  fi
fi

# Un MPLBACKEND del entorno (p. ej. Agg), heredado por el kernel, anula el backend
# inline de ipykernel y plt.show() no deja ninguna figura en el cuaderno ejecutado.
unset MPLBACKEND

start=$(date +%s)
rm -rf "$OUT"   # el Makefile de Sphinx compila todo .tex de la carpeta: nada viejo
# Como scripts/build.sh: los capítulos que faltan en la caché, de a varios a la vez.
python "$ROOT/scripts/execute.py" "$BOOK"
status=0
jupyter-book build "$BOOK" --builder pdflatex -W -n --keep-going || status=$?
if [[ $status -ne 0 || ! -s "$PDF" ]]; then
  echo "Error: la edición PDF no se construyó." >&2
  if ! compgen -G "$OUT/*.log" >/dev/null; then
    echo "Sphinx se detuvo antes de LaTeX: vea las advertencias (WARNING) de arriba." >&2
  else
    echo "Errores de LaTeX ($OUT/*.log):" >&2
    grep -h -A3 '^!' "$OUT"/*.log | head -40 >&2 || true
    if grep -q "not set up for use with LaTeX" "$OUT"/*.log; then
      echo "Un carácter Unicode no está definido para pdflatex: agréguelo en" >&2
      echo "_latex/jerarquicos-pdf.sty (\\DeclareUnicodeCharacter) o escríbalo como \$…\$." >&2
    fi
  fi
  exit 1
fi
pages=$(pdfinfo "$PDF" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
if [[ -f "$BOOK/_build/html/index.html" ]]; then
  cp "$PDF" "$BOOK/_build/html/modelos-jerarquicos.pdf"
fi
echo "» PDF construido en $(( $(date +%s) - start )) s: $PDF (${pages:-?} páginas, $(du -h "$PDF" | cut -f1))."

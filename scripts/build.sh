#!/usr/bin/env bash
# Construye el sitio en _build/html. Uso:
#   bash scripts/build.sh            construcción incremental (usa la caché de ejecución)
#   bash scripts/build.sh --strict   reconstrucción completa, como en CI (todas las páginas)
# Toda advertencia (referencia rota, imagen faltante, celda que falla) detiene la construcción.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
# JERARQUICOS_BOOK_DIR permite construir otro libro con las mismas opciones (lo usan las pruebas).
BOOK="${JERARQUICOS_BOOK_DIR:-$ROOT}"
# Un MPLBACKEND del entorno (p. ej. Agg), heredado por el kernel, anula el backend inline
# de ipykernel: las figuras de los cuadernos desaparecerían de las páginas.
unset MPLBACKEND

extra=()
case "${1:-}" in
  --strict) extra+=(--all) ;;
  "") ;;
  *) echo "Uso: bash scripts/build.sh [--strict]" >&2; exit 2 ;;
esac

start=$(date +%s)
# Los capítulos que faltan en la caché de ejecución, varios a la vez (uno por núcleo;
# JERARQUICOS_BUILD_JOBS cambia cuántos): jupyter-book después los toma de la caché.
python "$ROOT/scripts/execute.py" "$BOOK"
jupyter-book build "$BOOK" -W -n --keep-going "${extra[@]}"
echo "» Sitio construido en $BOOK/_build/html/index.html en $(( $(date +%s) - start )) s."
echo "  Para verlo: python -m http.server -d \"$BOOK/_build/html\" -b 127.0.0.1 8000"

#!/usr/bin/env bash
# Corre todas las pruebas. Uso: bash scripts/test.sh [argumentos de pytest]
#   bash scripts/test.sh -m "not slow"   sólo las rápidas
# Corre en paralelo, un proceso por núcleo (pytest-xdist; las pruebas de un mismo
# archivo van juntas, porque comparten libros de prueba y sitios construidos).
# JERARQUICOS_TEST_WORKERS=0 (o pasar -n / -p no:xdist) cambia eso.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
cd "$ROOT"
parallel=(-n "${JERARQUICOS_TEST_WORKERS:-auto}" --dist loadfile)
for arg in "$@"; do
  case "$arg" in
    -n | -n* | --numprocesses* | no:xdist) parallel=() ;;
  esac
done
if [[ "${JERARQUICOS_TEST_WORKERS:-}" == 0 ]]; then parallel=(); fi
exec python -m pytest "${parallel[@]}" "$@"

#!/usr/bin/env bash
# Construye una edición del curso en _site/<edición>/ y regenera _site/versions.json
# y _site/index.html. Uso:
#   bash scripts/edition.sh 2026-2c     la etiqueta de git 2026-2c (congelada: no se reconstruye)
#   bash scripts/edition.sh dev         la rama main
#   bash scripts/edition.sh --help      todas las opciones (--base-url, --force, --solo-indice…)
# Ver la sección «Ediciones del curso» del README.
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
exec python "$ROOT/scripts/build_edition.py" "$@"

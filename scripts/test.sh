#!/usr/bin/env bash
# Corre todas las pruebas. Uso: bash scripts/test.sh [argumentos de pytest]
#   bash scripts/test.sh -m "not slow"   sólo las rápidas
set -euo pipefail
source "$(dirname "$0")/bootstrap.sh"
cd "$ROOT"
exec python -m pytest "$@"

# shellcheck shell=bash
# Prepara el entorno virtual del proyecto. Se usa con `source` desde build.sh y test.sh.
#
# - Busca Python 3.11 (o el intérprete de $PYTHON). En Debian/Ubuntu, como root,
#   lo instala con apt-get si falta.
# - Crea .venv (o $JERARQUICOS_VENV) y lo reinstala sólo si cambian
#   requirements.txt o pyproject.toml (huella guardada en el propio entorno).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${JERARQUICOS_VENV:-$ROOT/.venv}"

# Las pruebas llaman a build.sh desde un entorno ya preparado.
if [[ "${JERARQUICOS_SKIP_BOOTSTRAP:-0}" == 1 ]]; then
  return 0 2>/dev/null || exit 0
fi

_find_python() {
  if [[ -n "${PYTHON:-}" ]]; then echo "$PYTHON"; return; fi
  for cand in python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 &&
       "$cand" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$cand"; return
    fi
  done
}

PY="$(_find_python)"
if [[ -z "$PY" ]] && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "» Instalando Python 3.11 con apt-get…"
  apt-get update -qq && apt-get install -y -qq python3.11 python3.11-venv >/dev/null
  PY="$(_find_python)"
fi
if [[ -z "$PY" ]]; then
  echo "Error: hace falta Python 3.11 (python3.11 en el PATH, o la variable PYTHON)." >&2
  exit 2
fi

_stamp() { cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1; }

if [[ ! -x "$VENV/bin/python" ]] || [[ "$(cat "$VENV/.jerarquicos-stamp" 2>/dev/null)" != "$(_stamp)" ]]; then
  echo "» Preparando el entorno en $VENV (sólo la primera vez o si cambian las dependencias)…"
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$ROOT/requirements.txt" 2>&1 \
    | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps -e "$ROOT" 2>&1 \
    | grep -v "^WARNING: Location" || true
  "$VENV/bin/python" -c "import jerarquicos, bambi, jupyter_book" \
    || { echo "Error: la instalación del entorno falló (ver arriba)." >&2; exit 2; }
  _stamp > "$VENV/.jerarquicos-stamp"
fi

export PATH="$VENV/bin:$PATH"
# Los cálculos numéricos no compiten con el muestreo por los 2 núcleos.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

# shellcheck shell=bash
# Prepara el entorno virtual del proyecto. Se usa con `source` desde build.sh y test.sh.
#
# - Usa el intérprete de $PYTHON o, si no está definida, el Python más nuevo entre
#   3.13, 3.12 y 3.11 que encuentre en el PATH. En Debian/Ubuntu, como root y sin
#   ninguno, instala el python3 de la distribución con apt-get.
# - Crea .venv (o $JERARQUICOS_VENV) con las versiones exactas de requirements.txt,
#   instaladas con uv (su versión también está fijada allí; si uv no se puede
#   instalar, con pip), y el paquete del curso en modo editable. Lo rehace sólo si
#   cambian requirements.txt, pyproject.toml o el intérprete.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${JERARQUICOS_VENV:-$ROOT/.venv}"

# Las pruebas llaman a build.sh desde un entorno ya preparado.
if [[ "${JERARQUICOS_SKIP_BOOTSTRAP:-0}" == 1 ]]; then
  return 0 2>/dev/null || exit 0
fi

_SUPPORTED="3.11, 3.12 o 3.13"
_is_supported() {
  "$1" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] <= (3, 13)))' 2>/dev/null
}
_version_of() { "$1" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null; }

_find_python() {
  local cand
  for cand in python3.13 python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && _is_supported "$cand"; then
      command -v "$cand"; return
    fi
  done
}

_found_pythons() {
  local seen="" cand path
  for cand in python3 python3.{8..20} python; do
    path="$(command -v "$cand" 2>/dev/null)" || continue
    case " $seen " in *" $path "*) continue ;; esac
    seen="$seen $path"
    printf '  %s (Python %s)\n' "$path" "$(_version_of "$path" || echo '?')"
  done
}

if [[ -n "${PYTHON:-}" ]]; then
  if ! command -v "$PYTHON" >/dev/null 2>&1; then
    echo "Error: PYTHON=$PYTHON no es un intérprete que se pueda ejecutar." >&2
    exit 2
  fi
  if ! _is_supported "$PYTHON"; then
    echo "Error: PYTHON=$PYTHON es Python $(_version_of "$PYTHON" || echo '?');" \
         "el curso necesita Python $_SUPPORTED." >&2
    exit 2
  fi
  PY="$(command -v "$PYTHON")"
else
  PY="$(_find_python)"
  if [[ -z "$PY" ]] && [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "» No hay Python $_SUPPORTED: instalando el python3 de la distribución con apt-get…"
    apt-get update -qq && apt-get install -y -qq python3 python3-venv >/dev/null || true
    PY="$(_find_python)"
  fi
  if [[ -z "$PY" ]]; then
    {
      echo "Error: hace falta Python $_SUPPORTED y no se encontró ninguno en el PATH."
      found="$(_found_pythons)"
      if [[ -n "$found" ]]; then echo "Intérpretes encontrados:"; echo "$found"
      else echo "No se encontró ningún intérprete de Python."; fi
      echo "Instale uno (p. ej. python3.12) o indique cuál usar: PYTHON=/ruta/a/python3.12 bash $0"
    } >&2
    exit 2
  fi
fi

_stamp() {
  { cat "$ROOT/requirements.txt" "$ROOT/pyproject.toml"; "$PY" -c 'import sys; print(sys.version)'; } \
    | sha256sum | cut -d' ' -f1
}

_pin() { grep -E "^$1==" "$ROOT/requirements.txt" | head -1; }

_install() {
  local py="$VENV/bin/python" quiet=(-q --disable-pip-version-check)
  "$py" -m pip install "${quiet[@]}" "$(_pin uv)" >/dev/null 2>&1 || true
  if [[ -x "$VENV/bin/uv" ]]; then
    "$VENV/bin/uv" pip install -q --compile-bytecode --python "$py" -r "$ROOT/requirements.txt"
    "$VENV/bin/uv" pip install -q --python "$py" --no-deps -e "$ROOT"
  else
    echo "» uv no se pudo instalar: se usa pip (más lento)." >&2
    "$py" -m pip install "${quiet[@]}" -r "$ROOT/requirements.txt" 2>&1 | grep -v "^WARNING" || true
    "$py" -m pip install "${quiet[@]}" --no-deps -e "$ROOT" 2>&1 | grep -v "^WARNING" || true
  fi
}

if [[ ! -x "$VENV/bin/python" ]] || [[ "$(cat "$VENV/.jerarquicos-stamp" 2>/dev/null)" != "$(_stamp)" ]]; then
  echo "» Preparando el entorno en $VENV con Python $(_version_of "$PY") (sólo la primera vez o si cambian las dependencias)…"
  "$PY" -m venv --clear "$VENV"
  _install
  "$VENV/bin/python" -c "import jerarquicos, bambi, jupyter_book" \
    || { echo "Error: la instalación del entorno falló (ver arriba)." >&2; exit 2; }
  _stamp > "$VENV/.jerarquicos-stamp"
fi

export PATH="$VENV/bin:$PATH"
# Los cálculos numéricos no compiten con el muestreo por los 2 núcleos.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

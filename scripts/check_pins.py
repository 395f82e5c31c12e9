#!/usr/bin/env python
"""Comprueba que requirements.txt resuelva, con ruedas binarias, igual en Python 3.11–3.13.

Para cada versión, ``uv pip compile --only-binary :all:`` resuelve el archivo
para Linux x86_64 (manylinux 2.28) y el resultado debe ser exactamente el mismo
conjunto de versiones fijadas: ningún paquete sin rueda para esa versión de
Python y ninguna dependencia transitiva sin fijar. Necesita acceso al índice de
paquetes (lo corre .ci/run junto con la instalación, no las pruebas).

Uso: python scripts/check_pins.py [3.11.0 3.12 3.13]  (las versiones se resuelven a la vez)
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VERSIONS = ("3.11.0", "3.12", "3.13")
PLATFORM = "x86_64-manylinux_2_28"


def pins(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[re.sub(r"[-_.]+", "-", name).lower()] = version.strip()
    return out


def resolve(uv: Path, requirements: Path, version: str) -> tuple[int, str, dict[str, str]]:
    """(código de salida, errores, versiones) de resolver ``requirements`` para ``version``."""
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        result = subprocess.run(
            [
                str(uv),
                "pip",
                "compile",
                str(requirements),
                # Resolver para otra versión no necesita ese intérprete: sin esto, uv
                # intenta descargarlo (≈ 10 s de reintentos por versión sin esa red).
                "--no-python-downloads",
                "--python-version",
                version,
                "--python-platform",
                PLATFORM,
                "--only-binary",
                ":all:",
                "--no-header",
                "--no-annotate",
                "-q",
                "-o",
                out.name,
            ],
            capture_output=True,
            text=True,
        )
        got = pins(Path(out.name).read_text(encoding="utf-8")) if result.returncode == 0 else {}
    return result.returncode, result.stderr.strip(), got


def main(argv: list[str]) -> int:
    uv = Path(sys.executable).with_name("uv")
    requirements = REPO_ROOT / "requirements.txt"
    wanted = pins(requirements.read_text(encoding="utf-8"))
    versions = argv or list(VERSIONS)
    # Las resoluciones esperan al índice, no al procesador: van todas a la vez.
    with ThreadPoolExecutor(max_workers=len(versions)) as pool:
        results = list(pool.map(partial(resolve, uv, requirements), versions))
    failures = 0
    for version, (returncode, stderr, got) in zip(versions, results, strict=True):
        if returncode != 0:
            print(f"✗ Python {version}: requirements.txt no resuelve con ruedas binarias:")
            print(stderr)
            failures += 1
        elif got != wanted:
            extra = sorted(set(got) - set(wanted))
            changed = sorted(n for n in wanted if n in got and got[n] != wanted[n])
            missing = sorted(set(wanted) - set(got))
            print(
                f"✗ Python {version}: la resolución no coincide con las versiones fijadas "
                f"(sin fijar: {extra}; otra versión: {changed}; sobran: {missing})."
            )
            failures += 1
        else:
            print(f"✓ Python {version}: las {len(wanted)} versiones fijadas resuelven con ruedas.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Ejecución en frío de los capítulos, como la hace la construcción (no es una prueba automática).

Uso::

    JERARQUICOS_DATA_DIR=../shared/data python benchmarks/bench_execute.py [--jobs N] [--all]

Ejecuta con ``scripts/execute.py`` (un kernel por capítulo, ``N`` a la vez; por
omisión uno por núcleo) los capítulos de la clase —las partes del índice hasta
«Ideas transversales»; con ``--all``, todos— en una caché de ejecución vacía y
temporal: la del libro no se toca. Lo que sobrevive entre construcciones (la
caché de numba en disco, los ``.pyc``) cuenta como en la máquina de quien
construye; ninguna salida vieja del libro.

Imprime los segundos de cada capítulo, su suma y el tiempo de reloj de todos.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: Las partes del índice que cubren la clase (las siguientes van más allá de ella).
LECTURE_PARTS = ("Inferencia en una grilla", "Modelos multinivel", "Ideas transversales")


def _execute_module():
    spec = importlib.util.spec_from_file_location("_execute", REPO / "scripts" / "execute.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # los procesos de execute.py la buscan por su nombre
    spec.loader.exec_module(module)
    return module


def lecture_chapters(book: Path) -> list[Path]:
    """Los capítulos de las partes :data:`LECTURE_PARTS` de ``_toc.yml``, en su orden."""
    import yaml

    toc = yaml.safe_load((book / "_toc.yml").read_text(encoding="utf-8"))
    files = [
        chapter["file"]
        for part in toc["parts"]
        if part.get("caption") in LECTURE_PARTS
        for chapter in part["chapters"]
    ]
    found = {part.get("caption") for part in toc["parts"]}
    missing = [caption for caption in LECTURE_PARTS if caption not in found]
    if missing:
        raise SystemExit(f"_toc.yml no tiene las partes {missing}")
    return [book / f"{name}.md" for name in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--all", action="store_true", help="todos los capítulos del índice")
    args = parser.parse_args(argv)
    execute = _execute_module()
    only = None if args.all else lecture_chapters(REPO)
    with tempfile.TemporaryDirectory(prefix="jerarquicos-bench-") as tmp:
        start = time.monotonic()
        seconds = execute.execute_pending(
            REPO, Path(tmp) / "cache", jobs=args.jobs, timeout=900, only=only
        )
        wall = time.monotonic() - start
    from myst_nb.core.read import is_myst_markdown_notebook

    paths = only if only is not None else execute.chapters(REPO)
    expected = sum(is_myst_markdown_notebook(p.read_text(encoding="utf-8")) for p in paths)
    print()
    print(f"{'capítulo':<32} {'s':>7}")
    for name, value in sorted(seconds.items(), key=lambda item: -item[1]):
        print(f"{name:<32} {value:7.1f}")
    print(f"{'suma':<32} {sum(seconds.values()):7.1f}")
    print(f"{f'reloj ({args.jobs} a la vez)':<32} {wall:7.1f}")
    if len(seconds) != expected:
        print(f"¡{expected - len(seconds)} capítulo(s) fallaron!", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

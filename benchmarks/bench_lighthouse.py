#!/usr/bin/env python3
"""Lighthouse (perfil móvil) sobre el sitio construido, servido comprimido como en GitHub Pages.

Uso::

    python benchmarks/bench_lighthouse.py [CARPETA] [--paginas index.html book/radon.html ...]

Imprime, por página, los puntajes de rendimiento, accesibilidad, buenas
prácticas y SEO (0–100) y los tiempos del primer pintado con contenido (FCP),
del mayor pintado (LCP), el Total Blocking Time (TBT: cuánto traban el hilo
principal el JavaScript y el diseño de la página) y el total de bytes
transferidos, y termina con código 0 (es una medición, no una prueba: no
falla por un puntaje bajo). Metas del proyecto: rendimiento ≥ 90,
accesibilidad 100, buenas prácticas 100 y SEO ≥ 95.

Necesita Lighthouse 12 de npm (no se instala con el proyecto) y Chromium de
Debian (``/usr/bin/chromium``)::

    npm install --prefix /ruta/fuera/del/repo lighthouse@12.2.3
    export LIGHTHOUSE=/ruta/fuera/del/repo/node_modules/.bin/lighthouse
    python benchmarks/bench_lighthouse.py

Sin la variable ``LIGHTHOUSE`` busca ``lighthouse`` en el PATH y en
``/work/tools/node_modules/.bin``. El sitio se sirve en 127.0.0.1 (puerto
libre) con ``scripts/check_site.serve``; Lighthouse simula un teléfono de
gama media con 4G lenta (su perfil móvil por omisión).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = [
    "index.html",
    "book/una_moneda.html",
    "book/dos_sujetos.html",
    "book/radon.html",
    "book/corredores.html",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
GOALS = {"performance": 90, "accessibility": 100, "best-practices": 100, "seo": 95}


def _check_site():
    spec = importlib.util.spec_from_file_location(
        "check_site", REPO_ROOT / "scripts" / "check_site.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_site"] = module
    spec.loader.exec_module(module)
    return module


def find_lighthouse() -> str | None:
    """El ejecutable de Lighthouse: ``$LIGHTHOUSE``, el PATH o ``/work/tools``."""
    for candidate in (
        os.environ.get("LIGHTHOUSE"),
        shutil.which("lighthouse"),
        "/work/tools/node_modules/.bin/lighthouse",
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def run_page(lighthouse: str, url: str, chrome: str) -> dict:
    """Corre Lighthouse sobre ``url`` y devuelve el informe JSON."""
    flags = " ".join(
        [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ]
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "informe.json"
        cmd = [
            lighthouse,
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-path={chrome}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
        if proc.returncode != 0 or not out.is_file():
            raise RuntimeError(f"Lighthouse falló en {url}:\n{proc.stderr[-2000:]}")
        return json.loads(out.read_text(encoding="utf-8"))


def summarise(report: dict) -> dict:
    """Puntajes (0–100), FCP y LCP (s), bytes transferidos y auditorías que no pasaron."""
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    audits = report["audits"]
    failed = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                failed.append(f"{category}:{ref['id']}")
    return {
        **scores,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "bytes": audits["total-byte-weight"]["numericValue"],
        "failed": failed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=REPO_ROOT / "_build" / "html")
    parser.add_argument("--paginas", nargs="+", default=DEFAULT_PAGES)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    lighthouse = find_lighthouse()
    if lighthouse is None:
        print(
            "bench_lighthouse: falta Lighthouse. Instálelo fuera del repositorio con\n"
            "  npm install --prefix /work/tools lighthouse@12.2.3\n"
            "y apunte LIGHTHOUSE a node_modules/.bin/lighthouse.",
            file=sys.stderr,
        )
        return 2
    if not (args.site / "index.html").is_file():
        print(f"bench_lighthouse: no hay un sitio construido en {args.site}.", file=sys.stderr)
        return 2
    check_site = _check_site()
    header = (
        f"{'página':32s} {'rend.':>5s} {'acces.':>6s} {'b.p.':>5s} {'SEO':>4s} "
        f"{'FCP':>6s} {'LCP':>6s} {'TBT':>7s} {'kB':>6s}"
    )
    print(f"Lighthouse (móvil, sitio comprimido) — metas: {GOALS}")
    print(header)
    with check_site.serve(args.site.resolve()) as base:
        for page in args.paginas:
            s = summarise(run_page(lighthouse, base + page, args.chromium))
            print(
                f"{page:32s} {s['performance']:5d} {s['accessibility']:6d} "
                f"{s['best-practices']:5d} {s['seo']:4d} {s['fcp_s']:5.1f}s {s['lcp_s']:5.1f}s "
                f"{s['tbt_ms']:5.0f}ms "
                f"{s['bytes'] / 1000:6.0f}"
            )
            if s["failed"]:
                print(f"{'':32s} sin pasar: {', '.join(s['failed'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

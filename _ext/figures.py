"""Extensión local de Sphinx: cada figura con su versión para el teléfono.

``jerarquicos.plots.layout.show`` deja en la celda una salida con dos
representaciones de la misma figura: ``image/png`` (diagramación ancha) e
``image/svg+xml`` (angosta, con los paneles apilados). myst-nb sólo mostraría
una; esta extensión las junta, al leer el documento, en un nodo
:class:`picture`:

* en el HTML, ``<picture>`` con la SVG para pantallas de hasta
  :data:`NARROW_MAX` y la PNG para las demás (el navegador descarga sólo una),
  con ``width``/``height`` (la página no salta al cargar) y ``loading="lazy"``,
  dentro de un enlace que abre la versión angosta (vectorial: se amplía sin
  perder nitidez) para verla de cerca;
* en los demás formatos (el PDF) queda la PNG ancha.
"""

from __future__ import annotations

import html
import posixpath
import urllib.parse

from docutils import nodes
from sphinx.transforms import SphinxTransform

#: Hasta este ancho de pantalla se usa la figura angosta.
NARROW_MAX = "600px"
WIDE_MIME, NARROW_MIME = "image/png", "image/svg+xml"


class picture(nodes.General, nodes.Element):  # noqa: N801 - nombre de nodo de docutils
    """Las dos versiones de una figura: hijos ``[imagen ancha, imagen angosta]``."""


def _image_of(bundle, mime):
    for child in bundle.children:
        if isinstance(child, nodes.container) and child.get("mime_type") == mime:
            found = list(child.findall(nodes.image))
            if len(found) == 1:
                return found[0]
    return None


class MergeFigureVersions(SphinxTransform):
    """Reemplaza cada salida PNG + SVG de ``show`` por un nodo :class:`picture`."""

    default_priority = 500

    def apply(self, **kwargs):
        for bundle in list(self.document.findall(nodes.container)):
            if bundle.get("nb_element") != "mime_bundle":
                continue
            wide, narrow = _image_of(bundle, WIDE_MIME), _image_of(bundle, NARROW_MIME)
            if wide is None or narrow is None:
                continue
            if not all("width" in img and "height" in img for img in (wide, narrow)):
                continue
            node = picture()
            for img in (wide, narrow):
                img.parent.remove(img)
                img["classes"].append("no-scaled-link")
                node += img
            bundle.replace_self(node)


def _uri(translator, image) -> str:
    uri = image["uri"]
    images = translator.builder.images
    if uri in images:
        uri = posixpath.join(translator.builder.imgpath, urllib.parse.quote(images[uri]))
    return uri


def visit_picture_html(self, node):
    wide, narrow = node.children
    wide_uri, narrow_uri = _uri(self, wide), _uri(self, narrow)
    alt = html.escape(wide.get("alt", ""), quote=True)
    self.body.append(
        f'<a class="reference internal image-reference jq-figura" href="{narrow_uri}" '
        'title="Ver la figura ampliada">'
        "<picture>"
        f'<source media="(max-width: {NARROW_MAX})" srcset="{narrow_uri}" '
        f'type="{NARROW_MIME}" width="{narrow["width"]}" height="{narrow["height"]}">'
        f'<img src="{wide_uri}" alt="{alt}" width="{wide["width"]}" '
        f'height="{wide["height"]}" loading="lazy" decoding="async">'
        "</picture></a>"
    )
    raise nodes.SkipNode


def _wide_only(app, doctree, docname):
    if app.builder.format == "html":
        return
    for node in list(doctree.findall(picture)):
        wide = node.children[0]
        node.remove(wide)
        node.replace_self(wide)


def _skip(self, node):  # pragma: no cover - fuera del HTML el nodo ya no existe
    raise nodes.SkipNode


def setup(app):
    app.add_node(picture, html=(visit_picture_html, None), latex=(_skip, None), text=(_skip, None))
    app.add_transform(MergeFigureVersions)
    app.connect("doctree-resolved", _wide_only)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

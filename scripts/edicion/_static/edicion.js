/*
 * Aviso de edición no vigente, en castellano.
 *
 * Lo agrega scripts/build_edition.py a cada edición del sitio. Lee el mismo
 * versions.json que el selector de versiones de pydata-sphinx-theme y, si la
 * edición que se está leyendo no es la marcada como vigente («preferred»),
 * muestra un aviso con un enlace a la misma página en la edición vigente.
 * Se decide al leer la página, no al construirla: cuando se publica una
 * edición nueva, las anteriores muestran el aviso sin volver a construirse.
 * (El aviso propio del tema está en inglés dentro de su JavaScript y no sabe
 * comparar nombres como «2026-1c»; por eso va apagado.)
 */
(function () {
  "use strict";

  // documentation_options.js la declara con «const»: no es una propiedad de window.
  function opciones() {
    return typeof DOCUMENTATION_OPTIONS === "undefined" ? {} : DOCUMENTATION_OPTIONS;
  }

  // Ruta de esta página dentro de su edición, p. ej. «book/capitulo.html».
  function paginaActual() {
    const o = opciones();
    if (o.BUILDER === "dirhtml") {
      return o.pagename.endsWith("index")
        ? o.pagename.slice(0, -"index".length)
        : o.pagename + "/";
    }
    return o.pagename + ".html";
  }

  // URL de la carpeta raíz de la edición que se está leyendo.
  function raizEdicion() {
    const raiz = document.documentElement.dataset.content_root;
    if (raiz !== undefined) {
      return new URL(raiz || "./", window.location.href);
    }
    const href = window.location.href.split("#")[0].split("?")[0];
    const corte = href.lastIndexOf(paginaActual());
    return new URL(corte === -1 ? href : href.slice(0, corte));
  }

  // Va a la misma página en otra edición; si allí no existe, a su portada.
  async function irAPagina(evento) {
    evento.preventDefault();
    const destino = evento.currentTarget.getAttribute("href");
    const portada = evento.currentTarget.dataset.portada;
    try {
      const r = await fetch(destino, { method: "HEAD" });
      window.location.href = r.ok ? destino : portada;
    } catch (error) {
      window.location.href = portada;
    }
  }

  function mostrarAviso(actual, vigente) {
    const aviso = document.querySelector("#bd-header-version-warning");
    if (!aviso || aviso.dataset.jbEdicion) {
      return;
    }
    aviso.dataset.jbEdicion = actual;
    aviso.classList.add("jb-aviso-edicion");
    const texto = document.createElement("span");
    texto.className = "jb-aviso-edicion__texto";
    const fuerte = document.createElement("strong");
    if (actual === "dev") {
      texto.append("Está leyendo la ");
      fuerte.textContent = "versión en desarrollo";
      texto.append(fuerte, " del curso, que puede cambiar en cualquier momento.");
    } else {
      texto.append("Está leyendo la ");
      fuerte.textContent = "edición " + actual;
      texto.append(fuerte, " del curso, que ya no es la vigente.");
    }
    const enlace = document.createElement("a");
    enlace.className = "jb-aviso-edicion__enlace";
    enlace.href = vigente.url + paginaActual();
    enlace.dataset.portada = vigente.url;
    enlace.textContent = "Ir a esta página en la edición vigente (" + vigente.version + ")";
    enlace.addEventListener("click", irAPagina);
    aviso.replaceChildren(texto, enlace);
    aviso.classList.remove("d-none");
    // El tema anima la franja de avisos midiendo su alto; si el aviso llega
    // después de esa medición, se deja el alto automático.
    const franja = aviso.closest(".pst-async-banner-revealer");
    if (franja) {
      franja.classList.remove("d-none");
      franja.style.setProperty("height", "auto");
    }
  }

  async function revisarEdicion() {
    try {
      await revisar();
    } finally {
      // Marca para las pruebas en el navegador: la decisión ya está tomada.
      document.documentElement.dataset.edicionRevisada = "si";
    }
  }

  async function revisar() {
    const o = opciones();
    const actual = o.theme_switcher_version_match;
    const jsonUrl = o.theme_switcher_json_url;
    if (!actual || !jsonUrl) {
      return;
    }
    let ediciones;
    try {
      const r = await fetch(new URL(jsonUrl, raizEdicion()));
      if (!r.ok) {
        return;
      }
      ediciones = await r.json();
    } catch (error) {
      console.info("[ediciones] no se pudo leer versions.json", error);
      return;
    }
    const vigentes = ediciones.filter((e) => e.preferred);
    if (vigentes.length !== 1 || vigentes[0].version === actual) {
      return;
    }
    mostrarAviso(actual, vigentes[0]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", revisarEdicion);
  } else {
    revisarEdicion();
  }
})();

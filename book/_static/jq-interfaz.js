/* Ajustes de la interfaz de «Modelos jerárquicos bayesianos» (lo carga _config.yml).
 *
 * 1. La barra de una solución (sphinx-togglebutton) se abre y se cierra con un
 *    toque en cualquier parte, también sobre el enlace «Ejercicio N.N» que lleva:
 *    el manejador del paquete no encontraba el botón cuando el toque caía en el
 *    enlace («button is not defined») y la solución quedaba cerrada.
 * 2. El botón de cada desplegable se llama como lo que se ve («Clic para
 *    mostrar» / «Clic para ocultar»), no «Toggle hidden content».
 */
(function () {
  "use strict";
  var TITLE = ".admonition.toggle > .admonition-title";

  function hintOf(button) {
    return button.getAttribute("data-toggle-hint") || "";
  }

  function label(button) {
    var hint = hintOf(button);
    if (hint && button.getAttribute("aria-label") !== hint) {
      button.setAttribute("aria-label", hint);
    }
  }

  // Fase de captura: corre antes que el manejador del paquete, que ya no se entera.
  document.addEventListener(
    "click",
    function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var title = target && target.closest(TITLE);
      if (!title) return;
      var button = title.querySelector(".toggle-button");
      if (!button || typeof window.toggleHidden !== "function") return;
      event.preventDefault();
      event.stopPropagation();
      window.toggleHidden(button);
      label(button);
    },
    true
  );

  function init() {
    document.querySelectorAll(".toggle-button").forEach(function (button) {
      label(button);
      new MutationObserver(function () {
        label(button);
      }).observe(button, { attributes: true, attributeFilter: ["data-toggle-hint"] });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      // Después de que sphinx-togglebutton crea sus botones (también en DOMContentLoaded).
      setTimeout(init, 0);
    });
  } else {
    setTimeout(init, 0);
  }
})();

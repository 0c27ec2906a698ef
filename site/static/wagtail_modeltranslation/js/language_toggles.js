/*
 * Sinergi's language toggles for the page editor (served instead of wagtail-modeltranslation's
 * file of the same name: site/static comes first in the static finders).
 *
 * The package's version hid a whole panel as soon as its text mentioned a language code, so
 * shared panels ("Identification", "Contact", "Public change notes", "For search engines")
 * disappeared in the default view and required fields in them could not be filled. Here the
 * unit that is hidden is one translated field: the field's own panel when it has one, else its
 * wrapper inside a shared panel. Shared fields are never hidden. Each translated field's input
 * carries its language's lang and dir, so Arabic is typed right to left. A field with an error
 * shows its language, so an error is never on a hidden field. The languages of one field are
 * grouped, and the stylesheet sets the shown ones side by side on wide screens: the source
 * beside the translation.
 *
 * Settings and strings come from the JSON element rendered by cms/translation_editor.py.
 */
(() => {
  "use strict";

  const STORAGE_KEY = "sinergi-admin-languages";

  function start() {
    const element = document.getElementById("sinergi-translation-editor");
    const form = document.querySelector("form[data-edit-form]");
    if (!element || !form) return;
    const config = JSON.parse(element.textContent);
    const shown = new Set(storedLanguages(config));

    function languageOf(path) {
      return config.languages.find((language) => path.endsWith(`_${language.suffix}`));
    }

    function unitOf(field, path) {
      const section = field.closest("section.w-panel");
      if (section && section.id.endsWith(`-${path}-section`)) return section;
      return field.closest(".w-panel__wrapper") || field.closest("[data-field-wrapper]") || field;
    }

    function markInputs(field, language) {
      const controls = field.querySelectorAll(
        "[data-field-input], input:not([type=hidden]):not([type=checkbox]):not([type=radio]), textarea, [contenteditable=true]",
      );
      for (const control of controls) {
        if (control.getAttribute("lang") === language.code) continue;
        control.setAttribute("lang", language.code);
        control.setAttribute("dir", language.dir);
      }
    }

    function group(unit) {
      const previous = unit.previousElementSibling;
      if (previous && previous.matches(".sinergi-field-group") && previous.dataset.sinergiBase === unit.dataset.sinergiBase) {
        previous.append(unit);
        return;
      }
      if (unit.parentElement.matches(".sinergi-field-group")) return;
      const wrapper = document.createElement("div");
      wrapper.className = "sinergi-field-group";
      wrapper.dataset.sinergiBase = unit.dataset.sinergiBase;
      unit.before(wrapper);
      wrapper.append(unit);
    }

    function hasError(field) {
      return Boolean(
        field.querySelector("[aria-invalid=true], .error-message") ||
          (field.querySelector("[data-field-errors]")?.textContent.trim() ?? ""),
      );
    }

    function scan() {
      const revealed = [];
      for (const field of form.querySelectorAll("[data-field][data-contentpath]")) {
        if (field.parentElement.closest("[data-block]")) continue; // a block inside a StreamField
        const path = field.dataset.contentpath;
        const language = languageOf(path);
        if (!language) continue;
        if (!field.dataset.sinergiLanguage) {
          field.dataset.sinergiLanguage = language.code;
          const unit = unitOf(field, path);
          unit.dataset.sinergiLanguageUnit = language.code;
          unit.dataset.sinergiBase = path.slice(0, -language.suffix.length - 1);
          group(unit);
        }
        markInputs(field, language);
        if (hasError(field) && !shown.has(language.code)) revealed.push(language.code);
      }
      for (const code of revealed) show(code, true, false);
    }

    const bar = document.createElement("div");
    bar.className = "sinergi-languages";
    bar.setAttribute("role", "group");
    const label = document.createElement("span");
    label.id = "sinergi-languages-label";
    label.className = "sinergi-languages__label";
    label.textContent = config.strings.shown;
    bar.setAttribute("aria-labelledby", label.id);
    bar.append(label);
    const buttons = {};
    for (const language of config.languages) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button-small button-secondary sinergi-languages__toggle";
      button.dataset.language = language.code;
      button.lang = language.code;
      button.textContent = language.name;
      button.addEventListener("click", () => show(language.code, !shown.has(language.code), true));
      buttons[language.code] = button;
      bar.append(button);
    }

    function show(code, visible, remember) {
      if (visible) shown.add(code);
      else shown.delete(code);
      form.classList.toggle(`sinergi-hide-${code}`, !visible);
      buttons[code].setAttribute("aria-pressed", String(visible));
      if (remember) window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...shown]));
    }

    scan();
    if (!form.querySelector("[data-sinergi-language]")) return; // nothing translated on this form
    form.prepend(bar);
    for (const language of config.languages) {
      show(language.code, shown.has(language.code), false);
    }
    scan();
    let pending = false;
    new MutationObserver(() => {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(() => {
        pending = false;
        scan();
      });
    }).observe(form, { childList: true, subtree: true });
  }

  function storedLanguages(config) {
    try {
      const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY));
      if (Array.isArray(stored) && stored.length) return stored;
    } catch {
      // an unreadable value: fall back to the source language
    }
    return [config.source];
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

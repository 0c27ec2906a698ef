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
 * "Translate into" is the translator's mode: the Indonesian source and the chosen language only,
 * in two columns on wide screens (source above target on narrow ones), each field's heading
 * naming its column's language. The source cannot be changed there: its plain inputs are
 * `readonly`, its rich text and StreamField editors `inert`; both still submit their values
 * unchanged; only an inline form added on this page (a new change note) keeps its source
 * editable, since its Indonesian text is being written, not translated. No Wagtail panel is moved for this (the stylesheet places the grouped units), so
 * the Draftail and StreamField controllers keep working. The choice is remembered like the
 * toggles; an error on a field outside the two columns, or on the source, ends the mode so the
 * error can be seen and fixed.
 *
 * Settings and strings come from the JSON element rendered by cms/translation_editor.py.
 */
(() => {
  "use strict";

  const STORAGE_KEY = "sinergi-admin-languages";
  const TARGET_KEY = "sinergi-admin-translate-into";

  function start() {
    const element = document.getElementById("sinergi-translation-editor");
    const form = document.querySelector("form[data-edit-form]");
    if (!element || !form) return;
    const config = JSON.parse(element.textContent);
    const shown = new Set(storedLanguages(config));
    let target = storedTarget(config);

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
        if (control.getAttribute("lang") === language.lang) continue;
        control.setAttribute("lang", language.lang);
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

    function caption(unit, language) {
      const heading = unit.querySelector("[data-panel-heading], .w-field__label");
      if (!heading) return;
      const badge = document.createElement("span");
      badge.className = "sinergi-column-language";
      const template = language.code === config.source ? config.strings.sourceColumn : config.strings.targetColumn;
      badge.textContent = template.replace("{language}", language.name);
      heading.append(badge);
    }

    function addedHere(unit) {
      const child = unit.closest("[data-inline-panel-child]");
      if (!child) return false;
      const prefix = child.id.replace(/^inline_child_/, "");
      const key = child.querySelector(`input[type=hidden][name="${prefix}-id"]`);
      return Boolean(key && !key.value);
    }

    function lockSource() {
      for (const unit of form.querySelectorAll(`[data-sinergi-language-unit="${config.source}"]`)) {
        const locked = Boolean(target) && !addedHere(unit);
        for (const input of unit.querySelectorAll("[data-field-input]")) {
          const plain = input.querySelector(":scope > input:not([type=hidden]), :scope > textarea");
          if (plain && !input.querySelector("[data-draftail-input]")) {
            if (locked && !plain.readOnly) {
              plain.readOnly = true;
              plain.dataset.sinergiLocked = "1";
            } else if (!locked && plain.dataset.sinergiLocked) {
              plain.readOnly = false;
              delete plain.dataset.sinergiLocked;
            }
          } else if (input.inert !== locked) {
            input.inert = locked;
          }
        }
      }
    }

    function scan() {
      const errors = [];
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
          caption(unit, language);
        }
        markInputs(field, language);
        if (hasError(field)) errors.push(language.code);
      }
      if (target && errors.some((code) => code !== target.code)) translate(null, false);
      if (!target) {
        for (const code of errors) if (!shown.has(code)) show(code, true, false);
      }
      lockSource();
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
      button.lang = language.lang;
      button.textContent = language.name;
      button.addEventListener("click", () => show(language.code, !shown.has(language.code), true));
      buttons[language.code] = button;
      bar.append(button);
    }

    const chooser = document.createElement("label");
    chooser.className = "sinergi-languages__label sinergi-translate";
    chooser.textContent = config.strings.translateInto;
    const select = document.createElement("select");
    select.className = "sinergi-translate__select";
    select.append(new Option(config.strings.off, ""));
    for (const language of config.languages) {
      if (language.code === config.source) continue;
      const option = new Option(language.name, language.code);
      option.lang = language.lang;
      select.append(option);
    }
    select.addEventListener("change", () => translate(languageCalled(select.value), true));
    chooser.append(select);
    const note = document.createElement("p");
    note.className = "sinergi-translate__note";
    note.textContent = config.strings.sourceLocked.replace("{language}", languageCalled(config.source).name);
    bar.append(chooser, note);

    function languageCalled(code) {
      return config.languages.find((language) => language.code === code) || null;
    }

    function render() {
      for (const language of config.languages) {
        const code = language.code;
        const visible = target ? code === config.source || code === target.code : shown.has(code);
        form.classList.toggle(`sinergi-hide-${code}`, !visible);
        buttons[code].setAttribute("aria-pressed", String(shown.has(code)));
        buttons[code].disabled = Boolean(target);
      }
      if (target) form.dataset.sinergiTranslate = target.code;
      else delete form.dataset.sinergiTranslate;
      select.value = target ? target.code : "";
      note.hidden = !target;
      lockSource();
    }

    function show(code, visible, remember) {
      if (visible) shown.add(code);
      else shown.delete(code);
      if (remember) window.localStorage.setItem(STORAGE_KEY, JSON.stringify([...shown]));
      render();
    }

    function translate(language, remember) {
      target = language;
      if (remember) window.localStorage.setItem(TARGET_KEY, language ? language.code : "");
      render();
    }

    scan();
    if (!form.querySelector("[data-sinergi-language]")) return; // nothing translated on this form
    form.prepend(bar);
    render();
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

  function storedTarget(config) {
    const code = window.localStorage.getItem(TARGET_KEY);
    return config.languages.find((language) => language.code === code && code !== config.source) || null;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

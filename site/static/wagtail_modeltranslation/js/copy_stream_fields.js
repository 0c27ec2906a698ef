/*
 * "Copy from" buttons on every translated field of the page editor (served instead of
 * wagtail-modeltranslation's file of the same name, whose button worked only on StreamFields
 * and posted to field names that do not exist: body_id for body_ind, body_zh_id for
 * body_zh_hans, hence a 500).
 *
 * Text inputs and text areas are copied in the browser. Rich text and StreamFields are copied
 * by the server (cms/translation_editor.py): it reads the source field from the current form
 * data and renders the target field's widget with that value, which replaces the target's
 * widget here. Copying from an empty field says so and changes nothing.
 */
(() => {
  "use strict";

  function start() {
    const element = document.getElementById("sinergi-translation-editor");
    const form = document.querySelector("form[data-edit-form]");
    if (!element || !form) return;
    const config = JSON.parse(element.textContent);
    const page = window.location.pathname.match(/\/pages\/(\d+)\/edit\//);
    const adding = window.location.pathname.match(/\/pages\/add\/(\w+)\/(\w+)\/\d+\//);

    function languageOf(path) {
      return config.languages.find((language) => path.endsWith(`_${language.suffix}`));
    }

    function scopeOf(field) {
      return field.closest("[id^=inline_child_][id$=-panel-section]") || form;
    }

    function fieldFor(field, base, language) {
      const path = `${base}_${language.suffix}`;
      return [...scopeOf(field).querySelectorAll(`[data-field][data-contentpath="${path}"]`)].find(
        (candidate) => scopeOf(candidate) === scopeOf(field) && !candidate.parentElement.closest("[data-block]"),
      );
    }

    function plainControl(field) {
      const input = field.querySelector("[data-field-input]");
      if (!input || input.querySelector("[data-block], [data-draftail-input]")) return null;
      return input.querySelector("input:not([type=hidden]), textarea");
    }

    function say(status, template, language) {
      status.textContent = template.replace("{language}", language.name);
    }

    async function copyByServer(from, to) {
      const data = new FormData(form);
      data.set("source", from.dataset.contentpath);
      data.set("target", to.dataset.contentpath);
      const widget = to.querySelector("[data-field-input] [data-block], [data-field-input] [name]");
      data.set("target_id", widget ? widget.id : to.dataset.contentpath);
      if (page) data.set("page", page[1]);
      else if (adding) data.set("content_type", `${adding[1]}.${adding[2]}`);
      const response = await fetch(config.copyUrl, {
        method: "POST",
        body: data,
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") },
        credentials: "same-origin",
      });
      if (!response.ok) throw new Error(`copy answered ${response.status}`);
      const answer = await response.json();
      if (answer.empty) return false;
      const input = to.querySelector("[data-field-input]");
      for (const child of [...input.children]) {
        if (!child.matches("[data-comment-add]")) child.remove();
      }
      input.insertAdjacentHTML("afterbegin", answer.html);
      return true;
    }

    function copyInBrowser(from, to) {
      const source = plainControl(from);
      const target = plainControl(to);
      if (!source.value.trim()) return false;
      target.value = source.value;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    }

    async function copy(from, to, language, status) {
      status.textContent = "";
      try {
        const copied = plainControl(from) && plainControl(to) ? copyInBrowser(from, to) : await copyByServer(from, to);
        say(status, copied ? config.strings.copied : config.strings.empty, language);
      } catch (error) {
        status.textContent = config.strings.failed;
        console.error(error);
      }
    }

    function addButtons(field) {
      if (field.dataset.sinergiCopy) return;
      const path = field.dataset.contentpath;
      const own = languageOf(path);
      if (!own) return;
      const base = path.slice(0, -own.suffix.length - 1);
      const sources = config.languages.filter((language) => language !== own && fieldFor(field, base, language));
      if (!sources.length) return;
      field.dataset.sinergiCopy = "1";
      const bar = document.createElement("div");
      bar.className = "sinergi-copy";
      const label = document.createElement("span");
      label.className = "sinergi-copy__label";
      label.textContent = config.strings.copyFrom;
      const status = document.createElement("span");
      status.className = "sinergi-copy__status";
      status.setAttribute("role", "status");
      bar.append(label);
      for (const language of sources) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button button-small button-secondary sinergi-copy__button";
        button.dataset.copyFrom = language.code;
        button.lang = language.lang;
        button.textContent = language.name;
        button.addEventListener("click", () => copy(fieldFor(field, base, language), field, language, status));
        bar.append(button);
      }
      bar.append(status);
      field.querySelector("[data-field-input]")?.before(bar);
    }

    function scan() {
      for (const field of form.querySelectorAll("[data-field][data-contentpath]")) {
        if (!field.parentElement.closest("[data-block]")) addButtons(field);
      }
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

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

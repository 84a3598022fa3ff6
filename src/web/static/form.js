// Saves a field as soon as the customer leaves it, then shows the section as the server
// sees it now (relevance, calculations, messages). Without JavaScript the form posts a
// whole section instead; everything works both ways.
"use strict";
document.documentElement.classList.add("js");
document.addEventListener("change", async (ev) => {
  const el = ev.target;
  const form = el.form;
  if (!form || !form.dataset.save || !el.name || el.name === "csrf") return;
  let value = el.value;
  if (el.type === "checkbox" || el.type === "radio") {
    const boxes = form.querySelectorAll("input[name=\"" + CSS.escape(el.name) + "\"]:checked");
    value = Array.from(boxes, (b) => b.value).join(",");
  }
  const body = new URLSearchParams({ csrf: form.dataset.csrf, key: el.name, value: value });
  const status = document.getElementById("status");
  let html, saved;
  try {
    const res = await fetch(form.dataset.save, { method: "POST", body: body, credentials: "same-origin" });
    if (!res.ok) throw new Error(String(res.status));
    saved = res.headers.get("x-saved") === "1";
    html = await res.text();
  } catch (e) {
    if (status) status.textContent = status.dataset.failed;
    return;
  }
  const fresh = new DOMParser().parseFromString(html, "text/html").getElementById("section");
  const current = document.getElementById("section");
  if (!fresh || !current) return;
  // Keep where the customer is and what they are typing in the next field.
  const active = document.activeElement;
  const activeId = active && active.id;
  const typing = active && active !== el && "value" in active && active.type !== "checkbox" && active.type !== "radio"
    ? active.value : null;
  current.replaceWith(fresh);
  if (activeId) {
    const again = document.getElementById(activeId);
    if (again) {
      if (typing !== null) again.value = typing;
      again.focus();
    }
  }
  const st = document.getElementById("status");
  if (st) {
    if (saved) st.textContent = st.dataset.saved;
    st.setAttribute("data-last", el.name);
  }
});

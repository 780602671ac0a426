// pressroom's search page: plain JavaScript over the HTTP API, no build step.
// The whole state lives in the page URL (shareable; back and forward work). Document text
// is only ever set with textContent; the API's `title_html` and `fragments` are HTML it has
// escaped itself, with matches in <mark>.
"use strict";

const PAGE_SIZE = 10;
const FILTERS = ["region", "country", "mentioned", "topic", "main_org", "org", "lang"];
const $ = (id) => document.getElementById(id);
let state = readState();
let countries = null; // [{iso3, name, latitude, longitude}]
let typingTimer = null;
let lastResponse = null;

function readState() {
  const params = new URLSearchParams(location.search);
  const s = { q: params.get("q") || "", sort: params.get("sort") || "relevance", page: Math.max(1, parseInt(params.get("page") || "1", 10) || 1),
    from: params.get("from") || "", to: params.get("to") || "", open: params.getAll("open"), doc: params.get("doc") || "",
    map: params.get("map") === "mentioned" ? "mentioned" : "country" };
  for (const name of FILTERS) s[name] = params.getAll(name);
  return s;
}

function stateParams(s) {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  if (s.sort && s.sort !== "relevance") params.set("sort", s.sort);
  for (const name of FILTERS) for (const value of s[name]) params.append(name, value);
  if (s.from) params.set("from", s.from);
  if (s.to) params.set("to", s.to);
  for (const path of s.open) params.append("open", path);
  if (s.map !== "country") params.set("map", s.map);
  if (s.page > 1) params.set("page", String(s.page));
  if (s.doc) params.set("doc", s.doc);
  return params;
}

function navigate(changes, { replace = false } = {}) {
  state = { ...state, ...changes };
  const url = "?" + stateParams(state).toString();
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}

window.addEventListener("popstate", () => { state = readState(); render(); });

function apiSearchParams(extra = {}) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const name of FILTERS) for (const value of state[name]) params.append(name, value);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error((body.error && body.error.message) || response.statusText);
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function leaf(path) {
  const parts = path.split(/(?<!\\)\//);
  return parts[parts.length - 1].replace(/\\\//g, "/");
}

function toggleValue(name, value) {
  const values = state[name].includes(value) ? state[name].filter((v) => v !== value) : [...state[name], value];
  navigate({ [name]: values, page: 1, doc: "" });
}

// ---------- rendering ----------

async function render() {
  $("q").value = document.activeElement === $("q") ? $("q").value : state.q;
  $("sort").value = state.sort;
  $("from").value = state.from;
  $("to").value = state.to;
  for (const radio of document.querySelectorAll('input[name="map-mode"]')) radio.checked = radio.value === state.map;
  renderActiveFilters();
  await search();
  if (state.doc) await showDocument(state.doc); else { $("document").hidden = true; $("results").hidden = false; }
}

function renderActiveFilters() {
  const box = $("active-filters");
  box.replaceChildren();
  for (const name of FILTERS) {
    for (const value of state[name]) {
      const label = name === "region" || name === "topic" ? leaf(value) : value;
      box.append(el("button", { type: "button", class: "chip active", "aria-label": `Remove filter ${name} ${label}`,
        onclick: () => toggleValue(name, value), text: `${name}: ${label}` }));
    }
  }
  if (state.from || state.to) {
    box.append(el("button", { type: "button", class: "chip active", onclick: () => navigate({ from: "", to: "", page: 1 }),
      text: `years: ${state.from || "…"}–${state.to || "…"}` }));
  }
}

async function search() {
  const params = apiSearchParams({ sort: state.sort, limit: String(PAGE_SIZE), offset: String((state.page - 1) * PAGE_SIZE),
    facets: "region,country,mentioned,topic,main_org,org,lang,year", facet_limit: "100", fragments: "2" });
  if (state.q && typingTimer !== null) params.set("prefix", "true");
  for (const path of state.open) params.append("facet_expand", path);
  let response;
  try {
    response = await getJson("/api/search?" + params.toString());
  } catch (error) {
    $("summary").textContent = "Search failed: " + error.message;
    $("hits").replaceChildren();
    return;
  }
  lastResponse = response;
  renderHits(response);
  renderTree($("region-tree"), response.facets.region, "region");
  renderTree($("topic-tree"), response.facets.topic, "topic");
  renderFlat($("lang-list"), response.facets.lang.values, "lang", 20);
  renderFlat($("main-org-list"), response.facets.main_org.values, "main_org", 8);
  renderFlat($("org-list"), response.facets.org.values, "org", 12);
  renderYears(response.facets.year.values);
  renderMap(response.facets[state.map]);
}

function renderHits(response) {
  const pages = Math.max(1, Math.ceil(response.total / PAGE_SIZE));
  $("summary").textContent = `${response.total.toLocaleString("en")} release${response.total === 1 ? "" : "s"} · ${(response.took_us / 1000).toFixed(1)} ms`;
  const list = $("hits");
  list.replaceChildren();
  for (const hit of response.hits) {
    const link = el("a", { href: "?" + stateParams({ ...state, doc: hit.id }).toString(), "data-id": hit.id });
    link.innerHTML = hit.title_html; // escaped by the server
    link.addEventListener("click", (event) => { event.preventDefault(); navigate({ doc: hit.id }); });
    const meta = el("div", { class: "meta", text: [hit.date || "undated", hit.lang, hit.source].join(" · ") });
    const item = el("li", { class: "hit" }, el("h3", {}, link), meta);
    for (const fragment of hit.fragments) {
      const p = el("p", { class: "fragment" });
      p.innerHTML = fragment; // escaped by the server
      item.append(p);
    }
    item.append(chips(hit));
    if (hit.duplicates && hit.duplicates.length) item.append(duplicatesNote(hit.duplicates));
    list.append(item);
  }
  const pager = $("pager");
  pager.replaceChildren();
  if (response.total > PAGE_SIZE) {
    pager.append(el("button", { type: "button", id: "prev", disabled: "", onclick: () => navigate({ page: state.page - 1 }), text: "← Previous" }));
    if (state.page > 1) pager.lastChild.removeAttribute("disabled");
    pager.append(el("span", { text: `Page ${state.page} of ${pages}` }));
    const next = el("button", { type: "button", id: "next", onclick: () => navigate({ page: state.page + 1 }), text: "Next →" });
    if (state.page >= pages) next.setAttribute("disabled", "");
    pager.append(next);
  }
}

// Releases with the same (or nearly the same) text, collapsed into this hit by the server.
function duplicatesNote(ids) {
  const note = el("details", { class: "duplicates" },
    el("summary", { text: `Also published as ${ids.length} other release${ids.length === 1 ? "" : "s"}` }));
  const list = el("div", { class: "duplicate-ids" });
  for (const id of ids) {
    const link = el("a", { href: "?" + stateParams({ ...state, doc: id }).toString(), text: id });
    link.addEventListener("click", (event) => { event.preventDefault(); navigate({ doc: id }); });
    list.append(link);
  }
  note.append(list);
  return note;
}

function chips(item) {
  const box = el("div", { class: "chips" });
  const add = (name, value, label) => box.append(el("button", { type: "button", class: "chip" + (state[name].includes(value) ? " active" : ""),
    title: `Filter by ${name}`, onclick: () => toggleValue(name, value), text: label }));
  for (const path of item.regions || []) add("region", path, leaf(path));
  for (const path of item.topics || []) add("topic", path, leaf(path));
  for (const org of item.organizations || []) add("org", org, org);
  return box;
}

function renderTree(container, level, name) {
  container.replaceChildren();
  if (!level) return;
  for (const value of level.values) container.append(treeNode(value, name));
  if (level.other_values > 0) container.append(el("li", { class: "more", text: `${level.other_values} more` }));
}

function treeNode(value, name) {
  const id = `${name}-${value.path}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const checkbox = el("input", { type: "checkbox", id, "data-path": value.path, onchange: () => toggleValue(name, value.path) });
  checkbox.checked = state[name].includes(value.path);
  const row = el("div", { class: "value" });
  if (value.expandable) {
    const open = !!value.children;
    row.append(el("button", { type: "button", class: "toggle", "aria-expanded": String(open), "aria-label": `${open ? "Collapse" : "Expand"} ${value.value}`,
      onclick: () => navigate({ open: open ? state.open.filter((p) => p !== value.path && !p.startsWith(value.path + "/")) : [...state.open, value.path] }, { replace: true }),
      text: open ? "▾" : "▸" }));
  } else {
    row.append(el("span", { class: "toggle-spacer" }));
  }
  row.append(checkbox, el("label", { for: id, text: value.value }), el("span", { class: "count", text: value.count.toLocaleString("en") }));
  const item = el("li", {}, row);
  if (value.children) {
    const sub = el("ul", { class: "tree" });
    renderTree(sub, value.children, name);
    item.append(sub);
  }
  return item;
}

function renderFlat(container, values, name, shown, labels = {}) {
  container.replaceChildren();
  for (const value of values.slice(0, shown)) {
    const id = `${name}-${value.value}`.replace(/[^A-Za-z0-9_-]/g, "_");
    const checkbox = el("input", { type: "checkbox", id, onchange: () => toggleValue(name, value.value) });
    checkbox.checked = state[name].includes(value.value);
    container.append(el("li", {}, el("div", { class: "value" }, checkbox,
      el("label", { for: id, text: labels[value.value] || value.label || value.value }), el("span", { class: "count", text: value.count.toLocaleString("en") }))));
  }
  // Ticked values stay visible even when they are not among the most frequent.
  for (const ticked of state[name].filter((v) => !values.slice(0, shown).some((value) => value.value === v))) {
    const id = `${name}-${ticked}`.replace(/[^A-Za-z0-9_-]/g, "_");
    const checkbox = el("input", { type: "checkbox", id, onchange: () => toggleValue(name, ticked) });
    checkbox.checked = true;
    container.append(el("li", {}, el("div", { class: "value" }, checkbox, el("label", { for: id, text: ticked }))));
  }
  if (values.length > shown) container.append(el("li", { class: "more", text: `${values.length - shown} more: search above` }));
}

// ---------- organizations: facet value search ----------

$("org-search").addEventListener("input", () => {
  clearTimeout($("org-search").timer);
  $("org-search").timer = setTimeout(async () => {
    const text = $("org-search").value.trim();
    if (!text) { if (lastResponse) renderFlat($("org-list"), lastResponse.facets.org.values, "org", 12); return; }
    const params = apiSearchParams({ facet_limit: "20" });
    params.delete("q");
    params.delete("org");
    if (state.q) params.set("query", state.q);
    params.set("q", text);
    try {
      const found = await getJson("/api/facets/org?" + params.toString());
      renderFlat($("org-list"), found.values.map((v) => ({ value: v.value, label: v.label ? `${v.value} — ${v.label}` : v.value, count: v.count })), "org", 20);
    } catch (error) { /* keep the list */ }
  }, 200);
});

// ---------- years: histogram with a brush ----------

function renderYears(years) {
  const box = $("year-chart");
  box.replaceChildren();
  if (!years.length) { box.textContent = "No dated releases."; return; }
  const first = +years[0].value, last = +years[years.length - 1].value;
  const span = last - first + 1, max = Math.max(...years.map((y) => y.count));
  const width = 300, height = 80;
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height + 10}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Releases per year, ${first} to ${last}; drag to choose years`);
  const barWidth = width / span;
  const from = +state.from || -Infinity, to = +state.to || Infinity;
  for (const year of years) {
    const bar = document.createElementNS(svgNs, "rect");
    const h = Math.max(1, (year.count / max) * height);
    bar.setAttribute("x", String((+year.value - first) * barWidth));
    bar.setAttribute("y", String(height - h));
    bar.setAttribute("width", String(Math.max(1, barWidth - 0.5)));
    bar.setAttribute("height", String(h));
    bar.setAttribute("class", "bar" + (+year.value >= from && +year.value <= to ? " in" : ""));
    bar.setAttribute("data-year", year.value);
    const title = document.createElementNS(svgNs, "title");
    title.textContent = `${year.value}: ${year.count}`;
    bar.append(title);
    svg.append(bar);
  }
  const brush = document.createElementNS(svgNs, "rect");
  brush.setAttribute("class", "brush");
  brush.setAttribute("y", "0");
  brush.setAttribute("height", String(height));
  brush.setAttribute("width", "0");
  svg.append(brush);
  const yearAt = (event) => {
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * width;
    return Math.min(last, Math.max(first, first + Math.floor(x / barWidth)));
  };
  let start = null;
  svg.addEventListener("pointerdown", (event) => { start = yearAt(event); svg.setPointerCapture(event.pointerId); });
  svg.addEventListener("pointermove", (event) => {
    if (start === null) return;
    const now = yearAt(event), lo = Math.min(start, now), hi = Math.max(start, now);
    brush.setAttribute("x", String((lo - first) * barWidth));
    brush.setAttribute("width", String((hi - lo + 1) * barWidth));
  });
  svg.addEventListener("pointerup", (event) => {
    if (start === null) return;
    const end = yearAt(event), lo = Math.min(start, end), hi = Math.max(start, end);
    start = null;
    navigate({ from: String(lo), to: String(hi), page: 1, doc: "" });
  });
  box.append(svg);
}

for (const id of ["from", "to"]) {
  $(id).addEventListener("change", () => navigate({ [id]: $(id).value.trim(), page: 1, doc: "" }));
}
$("year-clear").addEventListener("click", () => navigate({ from: "", to: "", page: 1 }));

// ---------- map: one dot per country, shaded by its count ----------

async function renderMap(level) {
  const box = $("map");
  if (!countries) {
    try { countries = await getJson("/api/countries"); } catch (error) { box.textContent = "Map unavailable."; return; }
  }
  const counts = new Map(((level && level.values) || []).map((v) => [v.value, v.count]));
  const max = Math.max(1, ...counts.values());
  const svgNs = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 -10 360 170");
  svg.setAttribute("aria-label", `Releases per country (${state.map === "country" ? "main" : "mentioned"}); select a country to filter`);
  for (const country of countries) {
    const count = counts.get(country.iso3) || 0;
    const dot = document.createElementNS(svgNs, "circle");
    dot.setAttribute("cx", String(country.longitude + 180));
    dot.setAttribute("cy", String(90 - country.latitude));
    dot.setAttribute("r", String(count ? 1.6 + 4 * Math.sqrt(count / max) : 1.3));
    dot.setAttribute("data-iso3", country.iso3);
    const selected = state[state.map].includes(country.iso3);
    dot.setAttribute("class", (count ? "" : "zero") + (selected ? " selected" : ""));
    if (count) {
      const shade = Math.round(200 - 150 * Math.log(1 + count) / Math.log(1 + max));
      dot.setAttribute("fill", `rgb(${shade * 0.3 | 0}, ${shade * 0.6 | 0}, ${Math.min(255, shade + 60)})`);
      dot.setAttribute("tabindex", "0");
      dot.setAttribute("role", "button");
      dot.setAttribute("aria-label", `${country.name}: ${count}`);
      const choose = () => toggleValue(state.map, country.iso3);
      dot.addEventListener("click", choose);
      dot.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose(); } });
    }
    const title = document.createElementNS(svgNs, "title");
    title.textContent = `${country.name}: ${count}`;
    dot.append(title);
    svg.append(dot);
  }
  box.replaceChildren(svg);
}

for (const radio of document.querySelectorAll('input[name="map-mode"]')) {
  radio.addEventListener("change", () => navigate({ map: radio.value }, { replace: true }));
}

// ---------- one document ----------

async function showDocument(id) {
  const view = $("document");
  let doc;
  try {
    doc = await getJson("/api/documents/" + encodeURIComponent(id));
  } catch (error) {
    view.replaceChildren(el("p", { text: "Document not found: " + id }));
    view.hidden = false;
    $("results").hidden = true;
    return;
  }
  const meta = [doc.date || "undated", doc.lang, doc.source].join(" · ");
  const parts = [
    el("button", { type: "button", class: "back", onclick: () => (history.length > 1 ? history.back() : navigate({ doc: "" })), text: "← Back to results" }),
    el("h2", { text: doc.title }),
    el("div", { class: "meta", text: meta }),
  ];
  if (doc.url && /^https?:\/\//.test(doc.url)) parts.push(el("p", {}, el("a", { href: doc.url, rel: "noopener noreferrer", text: doc.url })));
  parts.push(chips(doc));
  const countriesLine = (doc.main_countries || []).length ? `Main countries: ${doc.main_countries.join(", ")}; mentioned: ${(doc.mentioned_countries || []).join(", ")}` : "";
  if (countriesLine) parts.push(el("p", { class: "meta", text: countriesLine }));
  parts.push(el("div", { class: "body", text: doc.body }));
  if (doc.contact) parts.push(el("h3", { text: "Contact" }), el("div", { class: "contact", text: doc.contact }));
  const similar = el("ol", { id: "similar" });
  parts.push(el("h3", { text: "Similar releases" }), similar);
  view.replaceChildren(...parts);
  view.hidden = false;
  $("results").hidden = true;
  view.focus();
  try {
    const found = await getJson(`/api/documents/${encodeURIComponent(id)}/similar?limit=5`);
    for (const hit of found.hits) {
      const link = el("a", { href: "?" + stateParams({ ...state, doc: hit.id }).toString(), text: hit.title });
      link.addEventListener("click", (event) => { event.preventDefault(); navigate({ doc: hit.id }); });
      similar.append(el("li", {}, link, el("span", { class: "meta", text: " · " + (hit.date || "undated") })));
    }
  } catch (error) { similar.append(el("li", { text: "None found." })); }
}

// ---------- search box ----------

$("search-form").addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typingTimer);
  typingTimer = null;
  navigate({ q: $("q").value.trim(), sort: $("sort").value, page: 1, doc: "" });
});
$("q").addEventListener("input", () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => { navigate({ q: $("q").value.trim(), page: 1, doc: "" }, { replace: true }); typingTimer = null; }, 250);
});
$("sort").addEventListener("change", () => navigate({ sort: $("sort").value, page: 1 }));
$("home").addEventListener("click", (event) => {
  event.preventDefault();
  navigate({ q: "", page: 1, doc: "", from: "", to: "", open: [], region: [], country: [], mentioned: [], topic: [], main_org: [], org: [], lang: [] });
});

render();

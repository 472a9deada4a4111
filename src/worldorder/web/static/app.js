// worldorder page: talks only to the JSON API under /api; charts with D3, map with TopoJSON.
// The URL holds the whole view (tab, filters, pair, interval, open event): every view can be
// bookmarked, reloaded and reached again with Back and Forward.
"use strict";

const state = {
  vocabulary: null,
  names: new Map(), // key -> name (countries of the vocabulary, then the store's actors)
  lookup: new Map(), // lower-case name or code -> key, for reading what people type
  numeric: new Map(),
  limit: 50,
  total: 0,
  drawn: {}, // view -> the URL parameters it was last drawn for
  opener: null, // the element that opened the event panel, to give focus back
};
const QUAD_COLOURS = { 1: "#66bd63", 2: "#1a9850", 3: "#f46d43", 4: "#d73027" };
const FILTERS = ["actor", "pair", "sector", "event_type", "quad_class", "modality", "start", "end", "place", "q"];
const TABS = ["explorer", "timeline", "network", "map"];
const MAX_IDS = 200;

class InputError extends Error {
  constructor(field, message) {
    super(message);
    this.field = field;
  }
}

// "pair: String should match pattern ..." instead of FastAPI's JSON list
function apiMessage(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) return detail.map((d) => `${(d.loc || []).slice(-1)[0] || "value"}: ${d.msg}`).join("; ");
  return JSON.stringify(detail);
}

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`);
  const body = await response.json();
  if (!response.ok) throw new Error(apiMessage(body.detail));
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "tabindex") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child ?? "");
  return node;
}

// Enter or Space on a focusable element does what a click does
function operable(node, action, label) {
  node.setAttribute("tabindex", "0");
  if (!node.getAttribute("role") && node.tagName !== "TR") node.setAttribute("role", "button");
  if (label) node.setAttribute("aria-label", label);
  node.addEventListener("click", (event) => action(event));
  node.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      action(event);
    }
  });
  return node;
}

// the same for the elements of a D3 selection
function operableAll(selection, action, label) {
  selection.each(function (datum) {
    operable(this, () => action(datum), label(datum));
  });
  return selection;
}

const GUESSED_BASES = new Set(["place", "dateline", "article"]); // a country inferred, not named in the text

// "Russia"; "police (COP, country unknown)" for an actor with no country or group
function actorName(actor) {
  if (!actor) return "—";
  if (!actor.key) {
    const what = [actor.sector, "country unknown"].filter(Boolean).join(", ");
    return `${actor.text || "unnamed actor"} (${what})`;
  }
  const name = state.names.get(actor.key) || actor.name || actor.key;
  const guessed = GUESSED_BASES.has(actor.country_basis) && actor.key === actor.country;
  return guessed ? `${name} (country from ${actor.country_basis})` : name;
}
const keyName = (key) => (key ? state.names.get(key) || key : "—");
const named = (key) => (state.names.get(key) && state.names.get(key) !== key ? `${state.names.get(key)} (${key})` : key);

function showError(target, error) {
  target.replaceChildren(el("span", { class: "error", role: "alert" }, `Error: ${error.message}`));
}

// ---- reading actors typed by people: names or codes, one or two ----
const JOINING_WORDS = new Set(["and", "vs", "v", "versus", "with", "&", "-", "–"]);

// "Russia Iran", "RUS IRN", "RUS, IRN", "United Kingdom / Iran" -> ["RUS", "IRN"]
function readActors(text) {
  const keys = [];
  for (const chunk of text.split(/[,;/|–—]+/)) {
    const words = chunk.trim().split(/\s+/).filter(Boolean);
    let i = 0;
    while (i < words.length) {
      // "and" between two names joins them; "AND" in capitals is Andorra's code
      if (JOINING_WORDS.has(words[i].toLowerCase()) && words[i] !== words[i].toUpperCase()) {
        i++;
        continue;
      }
      let j = words.length;
      while (j > i && !state.lookup.has(words.slice(i, j).join(" ").toLowerCase())) j--;
      if (j > i) {
        keys.push(state.lookup.get(words.slice(i, j).join(" ").toLowerCase()));
        i = j;
      } else if (JOINING_WORDS.has(words[i].toLowerCase())) i++;
      else throw new Error(`“${words.slice(i).join(" ")}” is no actor or country we know: type a name or a code (Russia or RUS)`);
    }
  }
  return keys;
}

function readOne(field, text) {
  if (!text.trim()) return "";
  let keys;
  try {
    keys = readActors(text);
  } catch (error) {
    throw new InputError(field, error.message);
  }
  if (keys.length !== 1) throw new InputError(field, `one actor here (${keys.join(", ")} is ${keys.length}); two go in Pair`);
  return keys[0];
}

function readPair(field, text) {
  if (!text.trim()) return "";
  let keys;
  try {
    keys = readActors(text);
  } catch (error) {
    throw new InputError(field, error.message);
  }
  if (keys.length !== 2) throw new InputError(field, `a pair is two actors, e.g. Russia Iran or RUS IRN (read: ${keys.join(", ") || "none"})`);
  return keys.join(",");
}

function clearFieldErrors(form) {
  for (const span of form.querySelectorAll(".field-error")) span.textContent = "";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

function showFieldError(form, error) {
  const input = form.elements[error.field];
  document.getElementById(`${error.field}-error`).textContent = error.message;
  input.setAttribute("aria-invalid", "true");
  input.focus();
}

// ---- the URL: one place for the state of every view ----
function readUrl() {
  const params = new URLSearchParams(location.search);
  const tab = TABS.includes(params.get("tab")) ? params.get("tab") : "explorer";
  return { tab, params };
}

function filtersOf(params) {
  return Object.fromEntries(FILTERS.filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
}

function go(changes, replace = false) {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === "" || value == null) params.delete(key);
    else params.set(key, value);
  }
  const url = `${location.pathname}${params.size ? "?" + params : ""}`;
  if (url !== location.pathname + location.search) (replace ? history.replaceState : history.pushState).call(history, null, "", url);
  render();
}

// draw what the URL says: each view only when its own parameters changed
async function render() {
  const { tab, params } = readUrl();
  showTab(tab);
  const views = { explorer: renderExplorer, timeline: renderTimeline, network: renderNetwork, map: renderMap };
  await views[tab](params);
  const event = params.get("event");
  if (event) await openEvent(event);
  else closeEvent(false);
  document.body.dataset.view = location.search; // what is drawn, for readers and tests waiting on it
}

function once(view, key) {
  if (state.drawn[view] === key) return false;
  state.drawn[view] = key;
  return true;
}

function showTab(name) {
  for (const button of document.querySelectorAll("nav button")) {
    const active = button.dataset.tab === name;
    button.classList.toggle("active", active);
    button.setAttribute("aria-pressed", String(active));
  }
  for (const section of document.querySelectorAll(".tab")) section.classList.toggle("active", section.id === name);
}

// ---- vocabulary, actors and overview ----
function fillSelect(select, entries) {
  for (const [value, label] of entries) select.append(el("option", { value }, label));
}

async function loadVocabulary() {
  const [vocabulary, actors] = await Promise.all([api("vocabulary"), api("actors")]);
  state.vocabulary = vocabulary;
  for (const country of vocabulary.countries) {
    state.names.set(country.iso3, country.name);
    state.numeric.set(country.iso3, String(country.numeric).padStart(3, "0"));
    state.lookup.set(country.name.toLowerCase(), country.iso3);
  }
  for (const actor of actors.items) {
    if (!state.names.has(actor.key) && actor.name) state.names.set(actor.key, actor.name);
    if (actor.name && !state.lookup.has(actor.name.toLowerCase())) state.lookup.set(actor.name.toLowerCase(), actor.key);
  }
  for (const key of [...vocabulary.countries.map((c) => c.iso3), ...actors.items.map((a) => a.key)]) state.lookup.set(key.toLowerCase(), key);
  const known = new Set(actors.items.map((a) => a.key));
  const options = [
    ...actors.items.map((a) => el("option", { value: keyName(a.key) }, `${a.key} · ${a.events} events`)),
    ...vocabulary.countries.filter((c) => !known.has(c.iso3)).map((c) => el("option", { value: c.name }, `${c.iso3} · no events`)),
  ];
  document.getElementById("actor-names").replaceChildren(...options);
  const form = document.getElementById("filters");
  fillSelect(form.event_type, vocabulary.event_types.map((t) => [t, t]));
  fillSelect(form.quad_class, Object.entries(vocabulary.quad_classes));
  fillSelect(form.modality, vocabulary.modalities.map((m) => [m, m]));
  fillSelect(document.getElementById("pair-form").interval, vocabulary.intervals.map((i) => [i, i]));
  state.actors = known;
}

async function loadOverview() {
  const overview = await api("overview");
  // each pair links to its relations: a URL, so it opens with a click, Enter, or in a new tab
  const pairs = overview.top_pairs.slice(0, 3).flatMap((p, i) => [
    i ? ", " : "",
    el("a", { href: `/?tab=timeline&a=${p.a}&b=${p.b}`, class: "pair-link", "data-a": p.a, "data-b": p.b,
      onclick: (e) => { if (!e.ctrlKey && !e.metaKey) { e.preventDefault(); go({ tab: "timeline", a: p.a, b: p.b, event: "" }); } } },
      `${keyName(p.a)}–${keyName(p.b)} ${p.events}`),
  ]);
  document.getElementById("overview").replaceChildren(
    `${overview.articles} articles, ${overview.events} events (${overview.undated} undated). Most active pairs: `, ...pairs);
}

// ---- event explorer ----
function eventRow(event) {
  const label = `${event.date || "undated"} ${event.event_type}: ${actorName(event.source)} → ${actorName(event.target)}`;
  const row = el(
    "tr",
    { "data-event-id": event.event_id, class: event.modality === "negated" ? "negated" : "" },
    el("td", {}, event.date || "undated"),
    el("td", { class: `quad-${event.quad_class}` }, event.event_type + (event.modality === "negated" ? " (negated)" : "")),
    el("td", {}, actorName(event.source)),
    el("td", {}, actorName(event.target)),
    el("td", {}, event.place || "unlocated"),
    el("td", {}, String(event.articles)),
    el("td", { class: "sentence" }, event.sentence || ""),
  );
  return operable(row, () => go({ event: event.event_id }), `Open event: ${label}`);
}

function renderEvents(tbody, items) {
  tbody.replaceChildren(...items.map(eventRow));
}

function fillForm(form, values) {
  for (const element of form.elements) {
    if (element.name && element.name in values) element.value = values[element.name] ?? "";
  }
}

async function renderExplorer(params) {
  const filters = filtersOf(params);
  const offset = Number(params.get("offset") || 0);
  const form = document.getElementById("filters");
  fillForm(form, Object.fromEntries(FILTERS.map((name) => [name, filters[name] ? shown(name, filters[name]) : ""])));
  if (!once("explorer", JSON.stringify([filters, offset]))) return;
  await searchEvents(filters, offset);
}

// a stored filter as the form shows it: "RUS,IRN" -> "RUS, IRN"
const shown = (name, value) => (name === "pair" ? value.split(",").join(", ") : value);

let searching = null; // the latest search asked: an earlier answer arriving late is dropped

async function searchEvents(filters, offset) {
  const count = document.getElementById("result-count");
  const asked = Symbol("search");
  searching = asked;
  try {
    const page = await api("events", { ...filters, limit: state.limit, offset });
    if (searching !== asked) return;
    state.total = page.total;
    const missing = [page.undated ? `${page.undated} undated, listed last` : "", page.unlocated ? `${page.unlocated} without a place` : ""].filter(Boolean);
    count.textContent = `${page.total} events` + (page.total > page.limit ? `, showing ${offset + 1}–${offset + page.items.length}` : "") +
      (missing.length ? ` (${missing.join("; ")})` : "");
    renderEvents(document.querySelector("#events tbody"), page.items);
    const query = new URLSearchParams(filters).toString();
    document.getElementById("csv-link").href = `/api/events.csv${query ? "?" + query : ""}`;
    // what the table now shows, for readers and tests waiting on a search
    document.getElementById("events").dataset.query = query;
  } catch (error) {
    if (searching !== asked) return;
    showError(count, error);
    document.querySelector("#events tbody").replaceChildren();
    document.getElementById("events").dataset.query = "error";
  }
}

function submitFilters() {
  const form = document.getElementById("filters");
  clearFieldErrors(form);
  const values = Object.fromEntries(new FormData(form));
  try {
    values.actor = readOne("actor", values.actor);
    values.pair = readPair("pair", values.pair);
  } catch (error) {
    if (error instanceof InputError) return showFieldError(form, error);
    throw error;
  }
  go({ ...Object.fromEntries(FILTERS.map((name) => [name, values[name]])), offset: "", tab: "explorer", event: "" });
}

// ---- the event panel: a dialog beside the views, which stay reachable ----
async function openEvent(id) {
  const panel = document.getElementById("event-view");
  if (panel.dataset.eventId === String(id) && !panel.hidden) return;
  if (panel.hidden) state.opener = document.activeElement;
  panel.dataset.eventId = id;
  panel.style.top = `${document.querySelector("header").getBoundingClientRect().bottom}px`;
  panel.hidden = false;
  panel.replaceChildren(el("p", {}, "Loading…"));
  try {
    const view = await api(`events/${id}`);
    if (panel.dataset.eventId !== String(id)) return; // another event was opened meanwhile
    const e = view.event;
    panel.replaceChildren(
      el("button", { class: "close", type: "button", onclick: () => closeEvent(true), "aria-label": "Close the event (Escape)" }, "Close"),
      el("h2", { id: "event-title", tabindex: "-1" }, `${e.event_type}${e.mode ? " (" + e.mode + ")" : ""}: ${actorName(e.source)} → ${actorName(e.target)}`),
      el("p", {}, `${e.date || "undated"}${e.date_precision && e.date_precision !== "day" ? " (known to the " + e.date_precision + ")" : ""} · ${e.place || "no place"} · CAMEO ${e.cameo} · Goldstein ${e.goldstein} · ${e.modality} · ${e.articles} article(s), ${e.sources} source(s)`),
      el("h3", {}, `${view.mentions.length} mention(s)`),
      ...view.mentions.map(mentionBlock),
    );
  } catch (error) {
    if (panel.dataset.eventId !== String(id)) return;
    panel.replaceChildren(
      el("button", { class: "close", type: "button", onclick: () => closeEvent(true) }, "Close"),
      el("h2", { id: "event-title", tabindex: "-1" }, `Event ${id}`),
    );
    panel.append(el("p", { class: "error", role: "alert" }, `Error: ${error.message}`));
  }
  document.getElementById("event-title").focus();
}

// close the panel; `navigate` drops the event from the URL (Escape, Close), a popstate has already
function closeEvent(navigate) {
  const panel = document.getElementById("event-view");
  if (panel.hidden) return;
  panel.hidden = true;
  delete panel.dataset.eventId;
  const opener = state.opener;
  state.opener = null;
  if (opener && opener.isConnected && opener.offsetParent !== null) opener.focus();
  else document.querySelector("nav button.active")?.focus();
  if (navigate) go({ event: "" });
}

function highlighted(mention) {
  const m = mention.mention;
  const sentence = m.sentence || "";
  const from = (m.trigger_start ?? -1) - (m.sentence_start ?? 0);
  const to = (m.trigger_end ?? -1) - (m.sentence_start ?? 0);
  const mark = el("mark", { class: "sentence", "data-start": m.sentence_start, "data-end": m.sentence_end });
  if (from >= 0 && to <= sentence.length && from < to) {
    mark.append(sentence.slice(0, from), el("b", { class: "trigger" }, sentence.slice(from, to)), sentence.slice(to));
  } else mark.append(sentence);
  return el("p", { class: "context" }, mention.before ? "…" + mention.before : "", mark, mention.after ? mention.after + "…" : "");
}

function mentionBlock(mention) {
  const m = mention.mention;
  const title = m.url ? el("a", { href: m.url, target: "_blank", rel: "noopener" }, m.title || m.url) : m.title || m.article_id;
  return el(
    "div",
    { class: "mention" },
    el("div", { class: "source" }, title, ` · ${m.source} · ${m.published || "undated"} · offsets ${m.sentence_start}–${m.sentence_end} · rule ${m.rule} · ${m.merged_by}`),
    highlighted(mention),
  );
}

// the events `ids` in a table, 200 at most (the API's page of ids), saying how many there are
// the latest list asked of each table: an earlier answer arriving late must not replace it
const listing = new WeakMap();

async function listIds(tbody, countLine, ids, what) {
  const asked = Symbol(what);
  listing.set(tbody, asked);
  countLine.textContent = `${ids.length} ${what}` + (ids.length > MAX_IDS ? `; the first ${MAX_IDS} listed` : "");
  if (!ids.length) return tbody.replaceChildren();
  const page = await api("events/by-id", { ids: ids.slice(0, MAX_IDS).join(",") });
  if (listing.get(tbody) !== asked) return; // a period was picked while the whole list loaded
  renderEvents(tbody, page.items);
}

// ---- relation timeline ----
const PERIODS = { day: d3.utcDay, week: d3.utcMonday, month: d3.utcMonth };

async function renderTimeline(params) {
  const form = document.getElementById("pair-form");
  const wanted = { a: params.get("a") || "RUS", b: params.get("b") || "IRN", interval: params.get("interval") || "month", start: params.get("rel_start") || "", end: params.get("rel_end") || "" };
  fillForm(form, wanted);
  if (!once("timeline", JSON.stringify(wanted))) return;
  const summary = document.getElementById("timeline-summary");
  const chart = document.getElementById("timeline-chart");
  for (const side of ["a", "b"]) {
    if (!state.names.has(wanted[side]) && !state.actors.has(wanted[side])) {
      chart.replaceChildren();
      document.querySelector("#timeline-events tbody").replaceChildren();
      document.getElementById("timeline-events-count").textContent = "";
      summary.replaceChildren(el("span", { class: "error", role: "alert" }, `No actor “${wanted[side]}” in the store: type a name or a code (Russia or RUS).`));
      return;
    }
  }
  try {
    const timeline = await api("relations", wanted);
    drawTimeline(timeline);
  } catch (error) {
    chart.replaceChildren();
    showError(summary, error);
  }
}

function describeTimeline(t) {
  const onBars = t.points.reduce((sum, p) => sum + p.events, 0);
  const parts = [`${onBars} on the bars`];
  if (t.coarse.length) parts.push(`${t.coarse.length} dated only to the month or year (band under the axis)`);
  parts.push(`${t.undated.length} undated events not on the chart`);
  if (t.negated.length) parts.push(`${t.negated.length} negated (“did not …”: listed, not scored)`);
  return `${named(t.a)} – ${named(t.b)}: ${t.events} events: ${parts.join("; ")}. Relation score ${t.score.toFixed(2)} (−1 hostile … +1 cooperative).`;
}

function drawTimeline(timeline) {
  const summary = document.getElementById("timeline-summary");
  const chart = document.getElementById("timeline-chart");
  const allIds = [...timeline.points.flatMap((p) => p.event_ids), ...timeline.coarse.map((e) => e.event_id), ...timeline.undated, ...timeline.negated];
  summary.dataset.events = timeline.events;
  if (!timeline.events) {
    summary.textContent = `No events between ${named(timeline.a)} and ${named(timeline.b)} in the store — no relation to score.`;
    chart.replaceChildren();
  } else {
    summary.textContent = describeTimeline(timeline);
    if (timeline.points.length || timeline.coarse.length) timelineChart(timeline);
    else chart.replaceChildren(el("p", { class: "note" }, "None of these events is dated: nothing to draw on a time axis."));
  }
  const tbody = document.querySelector("#timeline-events tbody");
  document.getElementById("timeline-events-title").textContent = "Events behind the timeline";
  listIds(tbody, document.getElementById("timeline-events-count"), allIds, "events between them (bars, band, undated and negated)");
}

const utc = (iso) => new Date(iso + "T00:00:00Z");
const isoDay = (date) => date.toISOString().slice(0, 10);

function timelineChart(timeline) {
  const period = PERIODS[timeline.interval];
  const band = timeline.coarse.length ? 46 : 0; // room for the month-or-year-known band, when there is one
  const width = 960, height = 334 + band;
  const margin = { top: 40, right: 64, bottom: 64 + band, left: 64 };
  const points = timeline.points.map((p) => ({ ...p, start: utc(p.period) }));
  const dates = [...points.map((p) => p.start), ...timeline.coarse.flatMap((e) => [utc(e.date_start), utc(e.date_end)])];
  const first = period.floor(d3.min(dates)), last = period.offset(period.floor(d3.max(dates)), 1);
  const slots = period.range(first, last); // every period, empty ones too
  const byStart = new Map(points.map((p) => [+p.start, p]));
  const x = d3.scaleUtc([first, last], [margin.left, width - margin.right]);
  const plotBottom = height - margin.bottom;
  const peak = d3.max(points, (p) => Math.max(p.cooperation, p.conflict)) || 1;
  const y = d3.scaleLinear([-peak, peak], [plotBottom, margin.top]).nice();
  const score = d3.scaleLinear([-1, 1], [plotBottom, margin.top]);
  const slotWidth = (d) => Math.max(1, x(period.offset(d, 1)) - x(d) - 1);
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("role", "img")
    .attr("aria-label", `Relation of ${keyName(timeline.a)} and ${keyName(timeline.b)} by ${timeline.interval}`);

  // every period gets a slot, drawn faintly when empty: time runs evenly
  svg.append("g").attr("class", "slots").selectAll("rect").data(slots).join("rect").attr("class", "slot")
    .attr("data-period", (d) => isoDay(d)).attr("data-events", (d) => byStart.get(+d)?.events || 0)
    .attr("x", (d) => x(d)).attr("width", slotWidth).attr("y", margin.top).attr("height", plotBottom - margin.top)
    .attr("fill", (d) => (byStart.has(+d) ? "none" : "#f6f6f6"));

  const ticks = slots.length <= 120 ? slots : x.ticks(12); // a tick for every period, labelled sparsely
  const every = Math.ceil(ticks.length / 14);
  const format = timeline.interval === "month" ? d3.utcFormat("%Y-%m") : d3.utcFormat("%Y-%m-%d");
  svg.append("g").attr("class", "x-axis").attr("transform", `translate(0,${plotBottom})`)
    .call(d3.axisBottom(x).tickValues(ticks).tickFormat((d, i) => (i % every ? "" : format(d))).tickSizeOuter(0))
    .call((g) => g.selectAll(".tick").attr("data-tick", (d) => isoDay(d)));
  svg.append("line").attr("x1", margin.left).attr("x2", width - margin.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#444");
  svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat((d) => Math.abs(d)));
  svg.append("g").attr("transform", `translate(${width - margin.right},0)`).call(d3.axisRight(score).ticks(4));
  axisTitles(svg, { width, height, margin, plotBottom, interval: timeline.interval });

  const bars = svg.append("g").selectAll("g").data(points).join("g").attr("class", "point").attr("data-period", (p) => p.period)
    .attr("data-events", (p) => p.event_ids.length).style("cursor", "pointer");
  operableAll(bars, (p) => showPeriod(p.event_ids, `Events of ${p.period}`), (p) => `${p.period}: ${p.cooperation} cooperative, ${p.conflict} conflictual events; list them`);
  bars.append("rect").attr("class", "coop").attr("fill", "var(--coop)").attr("x", (p) => x(p.start)).attr("width", (p) => slotWidth(p.start))
    .attr("y", (p) => y(p.cooperation)).attr("height", (p) => y(0) - y(p.cooperation));
  bars.append("rect").attr("class", "conflict").attr("fill", "var(--conflict)").attr("x", (p) => x(p.start)).attr("width", (p) => slotWidth(p.start))
    .attr("y", y(0)).attr("height", (p) => y(-p.conflict) - y(0));
  bars.append("title").text((p) => `${p.period}: ${p.cooperation} cooperative, ${p.conflict} conflictual, score ${p.score.toFixed(2)}`);

  // the score line breaks over empty periods instead of running straight across them
  const line = d3.line().defined((d) => byStart.has(+d)).x((d) => x(d) + slotWidth(d) / 2).y((d) => score(byStart.get(+d)?.score ?? 0));
  svg.append("path").datum(slots).attr("class", "score-line").attr("fill", "none").attr("stroke", "var(--score)").attr("stroke-width", 2).attr("d", line);
  svg.append("g").selectAll("circle").data(points).join("circle").attr("r", 3.5).attr("fill", "var(--score)")
    .attr("cx", (p) => x(p.start) + slotWidth(p.start) / 2).attr("cy", (p) => score(p.score));
  coarseBand(svg, timeline.coarse, x, plotBottom + 34, band - 12);
  timelineLegend(svg, margin.left, 14, timeline.coarse.length > 0);
  document.getElementById("timeline-chart").replaceChildren(svg.node());
}

function axisTitles(svg, { width, height, margin, plotBottom, interval }) {
  const title = (text, attrs) => {
    const node = svg.append("text").attr("class", "axis-title").text(text);
    for (const [k, v] of Object.entries(attrs)) node.attr(k, v);
  };
  title(`events per ${interval}: cooperation ↑, conflict ↓`, { transform: `translate(16,${(margin.top + plotBottom) / 2}) rotate(-90)`, "text-anchor": "middle" });
  title("relation score (−1 … +1)", { transform: `translate(${width - 14},${(margin.top + plotBottom) / 2}) rotate(90)`, "text-anchor": "middle" });
  title(`${interval} (each bar spans its ${interval})`, { x: (margin.left + width - margin.right) / 2, y: height - 6, "text-anchor": "middle" });
}

// events dated only to a month or a year, drawn as spans over the time they may fall in
function coarseBand(svg, coarse, x, top, height) {
  if (!coarse.length) return;
  const rows = Math.max(1, Math.floor(height / 7));
  const band = svg.append("g").attr("class", "coarse-band");
  band.append("text").attr("class", "band-title").attr("x", x.range()[0]).attr("y", top - 4).text("dated only to the month or year:");
  const spans = band.selectAll("rect").data(coarse).join("rect").attr("class", "span").attr("data-event-id", (e) => e.event_id)
    .attr("data-precision", (e) => e.date_precision)
    .attr("x", (e) => x(utc(e.date_start))).attr("width", (e) => Math.max(2, x(d3.utcDay.offset(utc(e.date_end), 1)) - x(utc(e.date_start))))
    .attr("y", (_e, i) => top + (i % rows) * 7).attr("height", 5).attr("fill", (e) => QUAD_COLOURS[e.quad_class]).attr("opacity", 0.8);
  operableAll(spans, (e) => go({ event: e.event_id }), (e) => `Event known only to the ${e.date_precision}: ${e.date_start} to ${e.date_end}`);
  spans.append("title").text((e) => `known only to the ${e.date_precision}: ${e.date_start} – ${e.date_end}`);
}

function timelineLegend(svg, left, top, withBand) {
  const items = [
    ["rect", "var(--coop)", "cooperation (events)"],
    ["rect", "var(--conflict)", "conflict (events)"],
    ["line", "var(--score)", "relation score of the period"],
    ["rect", "#f6f6f6", "period without events"],
    ["span", "#999", "event dated only to a month or year"],
  ].slice(0, withBand ? 5 : 4);
  const legend = svg.append("g").attr("class", "legend").attr("transform", `translate(${left},${top})`);
  let offset = 0;
  for (const [kind, colour, label] of items) {
    const g = legend.append("g").attr("transform", `translate(${offset},0)`);
    if (kind === "line") g.append("line").attr("x1", 0).attr("x2", 14).attr("y1", -4).attr("y2", -4).attr("stroke", colour).attr("stroke-width", 2);
    else g.append("rect").attr("y", kind === "span" ? -6 : -10).attr("width", 14).attr("height", kind === "span" ? 5 : 10).attr("fill", colour).attr("stroke", "#ccc");
    g.append("text").attr("x", 18).attr("y", 0).text(label);
    offset += 30 + label.length * 6.2;
  }
}

function showPeriod(ids, title) {
  document.getElementById("timeline-events-title").textContent = title;
  listIds(document.querySelector("#timeline-events tbody"), document.getElementById("timeline-events-count"), ids, "events in this period");
}

function submitPair() {
  const form = document.getElementById("pair-form");
  clearFieldErrors(form);
  const values = Object.fromEntries(new FormData(form));
  try {
    for (const side of ["a", "b"]) {
      values[side] = readOne(side, values[side]);
      if (!values[side]) throw new InputError(side, "type an actor: a name or a code (Russia or RUS)");
    }
  } catch (error) {
    if (error instanceof InputError) return showFieldError(form, error);
    throw error;
  }
  go({ tab: "timeline", a: values.a, b: values.b, interval: values.interval, rel_start: values.start, rel_end: values.end, event: "" });
}

// ---- network and blocs ----
async function renderNetwork(params) {
  const wanted = { start: params.get("net_start") || "", end: params.get("net_end") || "", min_events: params.get("min_events") || "1" };
  fillForm(document.getElementById("network-form"), wanted);
  if (!once("network", JSON.stringify(wanted))) return;
  const summary = document.getElementById("network-summary");
  try {
    const network = await api("network", wanted);
    summary.textContent = `${network.nodes.length} actors, ${network.edges.length} ties, ${network.blocs.length} blocs; signed modularity ${network.modularity.toFixed(2)} (${network.method}). Negated and undated events are left out.`;
    const colour = d3.scaleOrdinal(network.blocs.map((b) => b.id), d3.schemeTableau10);
    blocList(network.blocs, network.evidence, colour);
    tieTable(network.edges);
    networkChart(network, colour);
    networkLegend(colour, network.blocs);
  } catch (error) {
    showError(summary, error);
  }
}

function blocList(blocs, evidence, colour) {
  document.getElementById("bloc-list").replaceChildren(
    ...blocs.map((b, i) => {
      const e = evidence[i];
      const held = b.members.length < 2 ? "a lone actor" :
        `${e.events} event(s) on ${e.ties} tie(s) inside; ${Math.round(e.cohesion * 100)} % of its members' tie weight is cooperation between them` +
        (e.events < 3 ? " — weak: few events hold it" : "");
      return el("li", { "data-bloc": b.id, "data-members": b.members.join(" "), "data-events": e.events },
        el("span", { class: "swatch", style: `background:${colour(b.id)}` }), b.members.map(named).join(", "),
        el("div", { class: "evidence" + (e.events < 3 && b.members.length > 1 ? " weak" : "") }, held));
    }),
  );
}

async function listNetworkEvents(filter, title) {
  document.getElementById("network-events-title").textContent = title;
  const tbody = document.querySelector("#network-events tbody");
  try {
    const page = await api("events", { ...filter, limit: state.limit });
    document.getElementById("network-events-title").textContent = `${title}: ${page.total} events` + (page.total > page.limit ? ` (newest ${page.limit} listed)` : "");
    renderEvents(tbody, page.items);
    tbody.dataset.filter = new URLSearchParams(filter).toString();
  } catch (error) {
    showError(document.getElementById("network-events-title"), error);
  }
}

const showTie = (a, b) => listNetworkEvents({ pair: `${a},${b}` }, `${named(a)} – ${named(b)}`);

function tieTable(edges) {
  const sorted = [...edges].sort((p, q) => q.events - p.events);
  document.querySelector("#tie-table tbody").replaceChildren(
    ...sorted.map((e) =>
      operable(el("tr", { "data-a": e.a, "data-b": e.b, "data-sign": e.weight >= 0 ? "+" : "-" },
        el("td", {}, `${keyName(e.a)} – ${keyName(e.b)}`), el("td", {}, String(e.events)),
        el("td", { class: "quad-1" }, String(e.cooperation)), el("td", { class: "quad-4" }, String(e.conflict)),
        el("td", { class: e.score >= 0 ? "quad-1" : "quad-4" }, e.score.toFixed(2))),
      () => showTie(e.a, e.b), `Tie ${keyName(e.a)} – ${keyName(e.b)}: ${e.events} events; list them`),
    ),
  );
}

function networkChart(network, colour) {
  const width = 800, height = 600;
  const blocOf = new Map(network.blocs.flatMap((b) => b.members.map((m) => [m, b.id])));
  const nodes = network.nodes.map((n) => ({ ...n, id: n.key, bloc: blocOf.get(n.key) }));
  const links = network.edges.map((e) => ({ ...e, source: e.a, target: e.b }));
  const radius = d3.scaleSqrt([0, d3.max(nodes, (n) => n.events) || 1], [4, 18]);
  // a node's room holds its circle and its label (about 7 px a character at 11 px), so labels do not overlap
  const room = (n) => Math.max(radius(n.events), (n.key.length * 7) / 2 + 2) + 6;
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance((l) => (l.weight >= 0 ? 70 : 200)).strength((l) => (l.weight >= 0 ? 0.5 : 0.1)))
    .force("charge", d3.forceManyBody().strength(-160))
    .force("x", d3.forceX().strength(0.05)).force("y", d3.forceY().strength(0.07))
    .force("collide", d3.forceCollide(room).iterations(3))
    .stop();
  simulation.tick(400); // laid out once, before drawing: a settled picture, the same on every load
  for (const n of nodes) {
    n.x = Math.max(-width / 2 + 24, Math.min(width / 2 - 24, n.x));
    n.y = Math.max(-height / 2 + 24, Math.min(height / 2 - 24, n.y));
  }
  const svg = d3.create("svg").attr("viewBox", [-width / 2, -height / 2, width, height]).attr("role", "img").attr("aria-label", "Signed network of actors");
  const link = svg.append("g").selectAll("line").data(links).join("line").attr("class", "tie")
    .attr("data-a", (l) => l.a).attr("data-b", (l) => l.b).attr("data-sign", (l) => (l.weight >= 0 ? "+" : "-"))
    .attr("stroke", (l) => (l.weight >= 0 ? "var(--coop)" : "var(--conflict)")).attr("stroke-opacity", 0.7)
    .attr("stroke-dasharray", (l) => (l.weight >= 0 ? null : "5,3"))
    .attr("stroke-width", (l) => 1 + Math.min(6, Math.abs(l.weight))).style("cursor", "pointer")
    .attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y).attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y);
  operableAll(link, (l) => showTie(l.a, l.b), (l) => `Tie ${keyName(l.a)} – ${keyName(l.b)}: ${l.events} events, score ${l.score.toFixed(2)}; list them`);
  link.append("title").text((l) => `${named(l.a)} – ${named(l.b)}: ${l.cooperation} cooperative, ${l.conflict} conflictual events, score ${l.score.toFixed(2)}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "actor").attr("data-key", (n) => n.key)
    .attr("transform", (n) => `translate(${n.x},${n.y})`).style("cursor", "pointer");
  operableAll(node, (n) => listNetworkEvents({ actor: n.key }, named(n.key)), (n) => `${named(n.key)}: ${n.events} events, bloc ${n.bloc + 1}; list them`);
  node.append("circle").attr("r", (n) => radius(n.events)).attr("fill", (n) => colour(n.bloc)).attr("stroke", "white");
  node.append("text").attr("class", "node-label").text((n) => n.key).attr("y", (n) => -radius(n.events) - 3).attr("text-anchor", "middle").attr("font-size", 11);
  node.append("title").text((n) => `${named(n.key)}: bloc ${n.bloc + 1}, ${n.events} events with ${n.partners} partners`);
  document.getElementById("network-chart").replaceChildren(svg.node());
}

function networkLegend(colour, blocs) {
  const swatch = (style, label) => el("span", { class: "legend-item" }, el("span", { class: "swatch", style }), label);
  const line = (style, label) => el("span", { class: "legend-item" }, el("span", { class: "legend-line", style }), label);
  document.getElementById("network-legend").replaceChildren(
    ...blocs.slice(0, 10).map((b) => swatch(`background:${colour(b.id)}`, `bloc ${b.id + 1}`)),
    line("border-top: 3px solid var(--coop)", "cooperation tie"),
    line("border-top: 3px dashed var(--conflict)", "conflict tie"),
    el("span", { class: "legend-item" }, "line width: |Goldstein sum| (volume × intensity); circle size: events; label: code, name on hover"),
  );
}

function submitNetwork() {
  const values = Object.fromEntries(new FormData(document.getElementById("network-form")));
  go({ tab: "network", net_start: values.start, net_end: values.end, min_events: values.min_events === "1" ? "" : values.min_events, event: "" });
}

// ---- map ----
let world = null;
const PRECISION = {
  city: "point", landmark: "point", region: "region", country: "country",
};
const precisionOf = (e) => PRECISION[e.place_kind] || "point";
const STACK_PIXELS = 10; // dots closer than this on screen are one stack with a count

async function renderMap(params) {
  const filters = filtersOf(params);
  if (!once("map", JSON.stringify(filters))) return;
  const summary = document.getElementById("map-summary");
  try {
    world = world || (await d3.json("/static/vendor/countries-110m.json"));
    const page = await api("events/map", filters);
    const unlocated = page.matching - page.located;
    const which = Object.keys(filters).length ? `the Events tab's filters (${new URLSearchParams(filters).toString().replaceAll("&", ", ")})` : "all events (no filter in the Events tab)";
    summary.textContent = `${page.matching} events match ${which}: ${page.located} located, ${unlocated} unlocated and not on the map` +
      (page.items.length < page.located ? `; the newest ${page.items.length} drawn.` : ".");
    summary.dataset.matching = page.matching;
    mapChart(page.items);
    mapLegend();
  } catch (error) {
    showError(summary, error);
  }
}

function stacks(events, projection, transform) {
  const groups = new Map();
  for (const e of events) {
    const [px, py] = projection([e.lon, e.lat]);
    const [sx, sy] = transform.apply([px, py]);
    const key = `${precisionOf(e)}|${Math.round(sx / STACK_PIXELS)}|${Math.round(sy / STACK_PIXELS)}`;
    if (!groups.has(key)) groups.set(key, { key, x: px, y: py, events: [], precision: precisionOf(e) });
    groups.get(key).events.push(e);
  }
  return [...groups.values()];
}

function mapChart(events) {
  const width = 960, height = 500;
  const countries = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const active = new Set(events.map((e) => state.numeric.get(e.place_country)).filter(Boolean));
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]).attr("role", "img").attr("aria-label", "Map of located events");
  const layer = svg.append("g");
  layer.append("path").datum({ type: "Sphere" }).attr("fill", "#f4f8fc").attr("stroke", "#ccd").attr("d", path);
  layer.append("g").selectAll("path").data(countries.features).join("path").attr("d", path)
    .attr("class", (f) => (active.has(f.id) ? "country active" : "country")).append("title").text((f) => f.properties.name);
  const dots = layer.append("g").attr("class", "dots");
  const draw = (transform) => drawStacks(dots, stacks(events, projection, transform), transform.k);
  const zoom = d3.zoom().scaleExtent([1, 12]).translateExtent([[0, 0], [width, height]])
    .on("zoom", (e) => layer.attr("transform", e.transform))
    .on("end", (e) => draw(e.transform));
  svg.call(zoom);
  draw(d3.zoomIdentity);
  document.getElementById("zoom-in").onclick = () => svg.transition().duration(200).call(zoom.scaleBy, 2);
  document.getElementById("zoom-out").onclick = () => svg.transition().duration(200).call(zoom.scaleBy, 0.5);
  document.getElementById("zoom-reset").onclick = () => svg.transition().duration(200).call(zoom.transform, d3.zoomIdentity);
  document.getElementById("map-chart").replaceChildren(svg.node());
}

function drawStacks(layer, groups, k) {
  layer.selectAll("g.stack").remove(); // stacks change with the zoom: drawn anew, each with one handler
  const stack = layer.selectAll("g.stack").data(groups).join("g")
    .attr("class", (g) => `stack ${g.precision}`).attr("data-count", (g) => g.events.length)
    .attr("data-event-id", (g) => (g.events.length === 1 ? g.events[0].event_id : null))
    .attr("transform", (g) => `translate(${g.x},${g.y}) scale(${1 / k})`).style("cursor", "pointer");
  operableAll(stack, openStack, (g) => `${g.events.length} event(s) at ${g.events[0].place || "?"}${g.precision === "point" ? "" : ` (placed at the ${g.precision}'s centre)`}`);
  const r = (g) => (g.events.length > 1 ? 7 + Math.sqrt(g.events.length) * 2 : 3 + Math.sqrt(g.events[0].articles) * 2);
  const fill = (g) => QUAD_COLOURS[d3.mode(g.events, (e) => e.quad_class)];
  stack.filter((g) => g.precision === "point").append("circle").attr("class", "event-dot").attr("r", r).attr("fill", fill).attr("fill-opacity", 0.8).attr("stroke", "white");
  stack.filter((g) => g.precision === "region").append("circle").attr("class", "event-dot region").attr("r", r).attr("fill", fill).attr("fill-opacity", 0.35)
    .attr("stroke", fill).attr("stroke-width", 2).attr("stroke-dasharray", "3,2");
  stack.filter((g) => g.precision === "country").append("rect").attr("class", "event-dot country-level")
    .attr("x", (g) => -r(g)).attr("y", (g) => -r(g)).attr("width", (g) => 2 * r(g)).attr("height", (g) => 2 * r(g))
    .attr("fill", fill).attr("fill-opacity", 0.35).attr("stroke", fill).attr("stroke-width", 2).attr("stroke-dasharray", "3,2");
  stack.filter((g) => g.events.length > 1).append("text").attr("class", "stack-count").attr("text-anchor", "middle").attr("dy", "0.35em")
    .text((g) => g.events.length);
  stack.append("title").text((g) => g.events.length > 1
    ? `${g.events.length} events at ${[...new Set(g.events.map((e) => e.place))].join(", ")}: choose for the list`
    : `${g.events[0].date || "undated"} ${g.events[0].event_type}: ${keyName(g.events[0].source_key)} → ${keyName(g.events[0].target_key)} at ${g.events[0].place}`);
}

function openStack(group) {
  if (group.events.length === 1) return go({ event: group.events[0].event_id });
  const places = [...new Set(group.events.map((e) => e.place))].join(", ");
  const where = group.precision === "point" ? places : `${places} (known only to the ${group.precision})`;
  document.getElementById("map-events-title").textContent = `${group.events.length} events at ${where}`;
  const tbody = document.querySelector("#map-events tbody");
  api("events/by-id", { ids: group.events.slice(0, MAX_IDS).map((e) => e.event_id).join(",") }).then((page) => {
    renderEvents(tbody, page.items);
    tbody.querySelector("tr")?.focus();
  });
}

function mapLegend() {
  const item = (shape, label) => el("span", { class: "legend-item" }, el("span", { class: `legend-shape ${shape}` }), label);
  document.getElementById("map-legend").replaceChildren(
    ...Object.entries(state.vocabulary.quad_classes).map(([quad, label]) => el("span", { class: "legend-item" }, el("span", { class: "swatch", style: `background:${QUAD_COLOURS[quad]}` }), label)),
    item("point", "a city or a landmark"),
    item("region", "a region: placed at its centre"),
    item("country", "a country only: placed at its centre"),
    item("stack", "a number: events stacked at one spot"),
  );
}

// ---- wiring ----
function wire() {
  for (const button of document.querySelectorAll("nav button")) button.addEventListener("click", () => go({ tab: button.dataset.tab, event: "" }));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); submitFilters(); });
  document.getElementById("pair-form").addEventListener("submit", (e) => { e.preventDefault(); submitPair(); });
  document.getElementById("network-form").addEventListener("submit", (e) => { e.preventDefault(); submitNetwork(); });
  const offset = () => Number(new URLSearchParams(location.search).get("offset") || 0);
  document.getElementById("prev").addEventListener("click", () => go({ offset: Math.max(0, offset() - state.limit) || "" }));
  document.getElementById("next").addEventListener("click", () => {
    if (offset() + state.limit < state.total) go({ offset: offset() + state.limit });
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !document.getElementById("event-view").hidden) {
      e.preventDefault();
      closeEvent(true);
    }
  });
  window.addEventListener("popstate", () => render());
}

async function start() {
  wire();
  await loadVocabulary();
  await Promise.all([loadOverview(), render()]);
  document.body.dataset.ready = "true";
}

start();

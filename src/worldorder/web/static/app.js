// worldorder page: talks only to the JSON API under /api; charts with D3, map with TopoJSON.
"use strict";

const state = { vocabulary: null, names: new Map(), numeric: new Map(), offset: 0, limit: 50, total: 0 };
const QUAD_COLOURS = { 1: "#66bd63", 2: "#1a9850", 3: "#f46d43", 4: "#d73027" };

async function api(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`);
  const body = await response.json();
  if (!response.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("data-")) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) node.append(child ?? "");
  return node;
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
const keyName = (key) => state.names.get(key) || key;

function showError(target, error) {
  target.replaceChildren(el("span", { class: "error" }, `Error: ${error.message}`));
}

// ---- tabs ----
function showTab(name) {
  for (const button of document.querySelectorAll("nav button")) button.classList.toggle("active", button.dataset.tab === name);
  for (const section of document.querySelectorAll(".tab")) section.classList.toggle("active", section.id === name);
  if (name === "network" && !document.querySelector("#network-chart svg")) drawNetwork();
  if (name === "timeline" && !document.querySelector("#timeline-chart svg")) drawTimeline();
  if (name === "map") drawMap();
}

// ---- vocabulary and overview ----
function fillSelect(select, entries) {
  for (const [value, label] of entries) select.append(el("option", { value }, label));
}

async function loadVocabulary() {
  const vocabulary = await api("vocabulary");
  state.vocabulary = vocabulary;
  for (const country of vocabulary.countries) {
    state.names.set(country.iso3, country.name);
    state.numeric.set(country.iso3, String(country.numeric).padStart(3, "0"));
  }
  const form = document.getElementById("filters");
  fillSelect(form.event_type, vocabulary.event_types.map((t) => [t, t]));
  fillSelect(form.quad_class, Object.entries(vocabulary.quad_classes));
  fillSelect(form.modality, vocabulary.modalities.map((m) => [m, m]));
  fillSelect(document.getElementById("pair-form").interval, vocabulary.intervals.map((i) => [i, i]));
  document.getElementById("pair-form").interval.value = "month";
}

async function loadOverview() {
  const overview = await api("overview");
  const pairs = overview.top_pairs.slice(0, 3).map((p) => `${p.a}–${p.b} (${p.events})`).join(", ");
  document.getElementById("overview").textContent =
    `${overview.articles} articles, ${overview.events} events. Most active pairs: ${pairs}`;
}

// ---- event explorer ----
function filterParams() {
  return Object.fromEntries(new FormData(document.getElementById("filters")));
}

function eventRow(event) {
  return el(
    "tr",
    { "data-event-id": event.event_id, onclick: () => openEvent(event.event_id) },
    el("td", {}, event.date || "undated"),
    el("td", { class: `quad-${event.quad_class}` }, event.event_type),
    el("td", {}, actorName(event.source)),
    el("td", {}, actorName(event.target)),
    el("td", {}, event.place || ""),
    el("td", {}, String(event.articles)),
    el("td", { class: "sentence" }, event.sentence || ""),
  );
}

function renderEvents(tbody, items) {
  tbody.replaceChildren(...items.map(eventRow));
}

async function searchEvents(offset = 0) {
  const count = document.getElementById("result-count");
  try {
    const params = filterParams();
    const page = await api("events", { ...params, limit: state.limit, offset });
    state.offset = offset;
    state.total = page.total;
    count.textContent = `${page.total} events` + (page.total > page.limit ? `, showing ${offset + 1}–${offset + page.items.length}` : "");
    renderEvents(document.querySelector("#events tbody"), page.items);
    // what the table now shows, for readers and tests waiting on a search
    document.getElementById("events").dataset.query = new URLSearchParams(params).toString();
  } catch (error) {
    showError(count, error);
  }
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

async function openEvent(id) {
  const panel = document.getElementById("event-view");
  panel.hidden = false;
  panel.replaceChildren(el("p", {}, "Loading…"));
  try {
    const view = await api(`events/${id}`);
    const e = view.event;
    panel.replaceChildren(
      el("button", { class: "close", type: "button", onclick: () => (panel.hidden = true) }, "Close"),
      el("h2", {}, `${e.event_type}${e.mode ? " (" + e.mode + ")" : ""}: ${actorName(e.source)} → ${actorName(e.target)}`),
      el("p", {}, `${e.date || "undated"} · ${e.place || "no place"} · CAMEO ${e.cameo} · Goldstein ${e.goldstein} · ${e.modality} · ${e.articles} article(s), ${e.sources} source(s)`),
      el("h3", {}, `${view.mentions.length} mention(s)`),
      ...view.mentions.map(mentionBlock),
    );
  } catch (error) {
    showError(panel, error);
  }
}

// ---- relation timeline ----
async function drawTimeline() {
  const form = document.getElementById("pair-form");
  const params = Object.fromEntries(new FormData(form));
  const summary = document.getElementById("timeline-summary");
  try {
    const timeline = await api("relations", params);
    summary.textContent = `${keyName(timeline.a)} – ${keyName(timeline.b)}: ${timeline.events} events, relation score ${timeline.score.toFixed(2)} (−1 hostile … +1 cooperative)`;
    timelineChart(timeline);
    showPointEvents(timeline.points.flatMap((p) => p.event_ids), "Events behind the timeline");
  } catch (error) {
    showError(summary, error);
  }
}

function timelineChart(timeline) {
  const width = 900, height = 320, margin = { top: 16, right: 48, bottom: 36, left: 40 };
  const points = timeline.points;
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]);
  const x = d3.scaleBand(points.map((p) => p.period), [margin.left, width - margin.right]).padding(0.2);
  const peak = d3.max(points, (p) => Math.max(p.cooperation, p.conflict)) || 1;
  const y = d3.scaleLinear([-peak, peak], [height - margin.bottom, margin.top]).nice();
  const score = d3.scaleLinear([-1, 1], [height - margin.bottom, margin.top]);
  svg.append("g").attr("transform", `translate(0,${height - margin.bottom})`).call(d3.axisBottom(x).tickSizeOuter(0));
  svg.append("line").attr("x1", margin.left).attr("x2", width - margin.right).attr("y1", y(0)).attr("y2", y(0)).attr("stroke", "#444");
  svg.append("g").attr("transform", `translate(${margin.left},0)`).call(d3.axisLeft(y).ticks(5).tickFormat((d) => Math.abs(d)));
  svg.append("g").attr("transform", `translate(${width - margin.right},0)`).call(d3.axisRight(score).ticks(4));
  const bars = svg.append("g").selectAll("g").data(points).join("g").attr("class", "point").attr("data-period", (p) => p.period)
    .attr("data-events", (p) => p.event_ids.length)
    .style("cursor", "pointer").on("click", (_e, p) => showPointEvents(p.event_ids, `Events of ${p.period}`));
  bars.append("rect").attr("class", "coop").attr("fill", "var(--coop)").attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
    .attr("y", (p) => y(p.cooperation)).attr("height", (p) => y(0) - y(p.cooperation));
  bars.append("rect").attr("class", "conflict").attr("fill", "var(--conflict)").attr("x", (p) => x(p.period)).attr("width", x.bandwidth())
    .attr("y", y(0)).attr("height", (p) => y(-p.conflict) - y(0));
  bars.append("title").text((p) => `${p.period}: ${p.cooperation} cooperative, ${p.conflict} conflictual, score ${p.score.toFixed(2)}`);
  const line = d3.line().x((p) => x(p.period) + x.bandwidth() / 2).y((p) => score(p.score));
  svg.append("path").datum(points).attr("fill", "none").attr("stroke", "#3366aa").attr("stroke-width", 2).attr("d", line);
  svg.append("g").selectAll("circle").data(points).join("circle").attr("r", 4).attr("fill", "#3366aa")
    .attr("cx", (p) => x(p.period) + x.bandwidth() / 2).attr("cy", (p) => score(p.score));
  document.getElementById("timeline-chart").replaceChildren(svg.node());
}

async function showPointEvents(ids, title) {
  document.getElementById("timeline-events-title").textContent = title;
  const tbody = document.querySelector("#timeline-events tbody");
  if (!ids.length) return tbody.replaceChildren();
  const page = await api("events/by-id", { ids: ids.slice(0, 200).join(",") });
  renderEvents(tbody, page.items);
}

// ---- network and blocs ----
async function drawNetwork() {
  const params = Object.fromEntries(new FormData(document.getElementById("network-form")));
  const summary = document.getElementById("network-summary");
  try {
    const network = await api("network", params);
    summary.textContent = `${network.nodes.length} actors, ${network.edges.length} ties, ${network.blocs.length} blocs; signed modularity ${network.modularity.toFixed(2)} (${network.method})`;
    const colour = d3.scaleOrdinal(network.blocs.map((b) => b.id), d3.schemeTableau10);
    blocList(network.blocs, colour);
    tieTable(network.edges);
    networkChart(network, colour);
  } catch (error) {
    showError(summary, error);
  }
}

function blocList(blocs, colour) {
  document.getElementById("bloc-list").replaceChildren(
    ...blocs.map((b) =>
      el("li", { "data-bloc": b.id, "data-members": b.members.join(" ") },
        el("span", { class: "swatch", style: `background:${colour(b.id)}` }), b.members.map(keyName).join(", ")),
    ),
  );
}

function showPairEvents(a, b) {
  const form = document.getElementById("filters");
  form.reset();
  form.pair.value = `${a},${b}`;
  showTab("explorer");
  searchEvents(0);
}

function tieTable(edges) {
  const sorted = [...edges].sort((p, q) => q.events - p.events);
  document.querySelector("#tie-table tbody").replaceChildren(
    ...sorted.map((e) =>
      el("tr", { "data-a": e.a, "data-b": e.b, "data-sign": e.weight >= 0 ? "+" : "-", onclick: () => showPairEvents(e.a, e.b) },
        el("td", {}, `${keyName(e.a)} – ${keyName(e.b)}`), el("td", {}, String(e.events)),
        el("td", { class: "quad-1" }, String(e.cooperation)), el("td", { class: "quad-4" }, String(e.conflict)),
        el("td", { class: e.score >= 0 ? "quad-1" : "quad-4" }, e.score.toFixed(2))),
    ),
  );
}

function networkChart(network, colour) {
  const width = 800, height = 600;
  const blocOf = new Map(network.blocs.flatMap((b) => b.members.map((m) => [m, b.id])));
  const nodes = network.nodes.map((n) => ({ ...n, id: n.key, bloc: blocOf.get(n.key) }));
  const links = network.edges.map((e) => ({ ...e, source: e.a, target: e.b }));
  const svg = d3.create("svg").attr("viewBox", [-width / 2, -height / 2, width, height]);
  const radius = d3.scaleSqrt([0, d3.max(nodes, (n) => n.events) || 1], [4, 18]);
  const simulation = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((n) => n.id).distance((l) => (l.weight >= 0 ? 60 : 180)).strength((l) => (l.weight >= 0 ? 0.6 : 0.15)))
    .force("charge", d3.forceManyBody().strength(-120))
    .force("x", d3.forceX().strength(0.06)).force("y", d3.forceY().strength(0.08))
    .force("collide", d3.forceCollide((n) => radius(n.events) + 3));
  const link = svg.append("g").selectAll("line").data(links).join("line").attr("class", "tie")
    .attr("data-a", (l) => l.a).attr("data-b", (l) => l.b).attr("data-sign", (l) => (l.weight >= 0 ? "+" : "-"))
    .attr("stroke", (l) => (l.weight >= 0 ? "var(--coop)" : "var(--conflict)")).attr("stroke-opacity", 0.7)
    .attr("stroke-dasharray", (l) => (l.weight >= 0 ? null : "5,3"))
    .attr("stroke-width", (l) => 1 + Math.min(6, Math.abs(l.weight))).style("cursor", "pointer")
    .on("click", (_e, l) => showPairEvents(l.a, l.b));
  link.append("title").text((l) => `${keyName(l.a)} – ${keyName(l.b)}: ${l.cooperation} cooperative, ${l.conflict} conflictual events, score ${l.score.toFixed(2)}`);
  const node = svg.append("g").selectAll("g").data(nodes).join("g").attr("class", "actor").attr("data-key", (n) => n.key)
    .call(d3.drag().on("start", (e) => { if (!e.active) simulation.alphaTarget(0.3).restart(); e.subject.fx = e.subject.x; e.subject.fy = e.subject.y; })
      .on("drag", (e) => { e.subject.fx = e.x; e.subject.fy = e.y; })
      .on("end", (e) => { if (!e.active) simulation.alphaTarget(0); e.subject.fx = null; e.subject.fy = null; }));
  node.append("circle").attr("r", (n) => radius(n.events)).attr("fill", (n) => colour(n.bloc)).attr("stroke", "white");
  node.append("text").text((n) => n.key).attr("x", (n) => radius(n.events) + 2).attr("y", 4).attr("font-size", 11);
  node.append("title").text((n) => `${keyName(n.key)}: bloc ${n.bloc}, ${n.events} events with ${n.partners} partners`);
  simulation.on("tick", () => {
    link.attr("x1", (l) => l.source.x).attr("y1", (l) => l.source.y).attr("x2", (l) => l.target.x).attr("y2", (l) => l.target.y);
    node.attr("transform", (n) => `translate(${n.x},${n.y})`);
  });
  document.getElementById("network-chart").replaceChildren(svg.node());
}

// ---- map ----
let world = null;

async function drawMap() {
  const summary = document.getElementById("map-summary");
  try {
    world = world || (await d3.json("/static/vendor/countries-110m.json"));
    const page = await api("events/map", filterParams());
    summary.textContent = `${page.items.length} located events of the current filters (Events tab); circle colour: quad class.`;
    mapChart(page.items);
  } catch (error) {
    showError(summary, error);
  }
}

function mapChart(events) {
  const width = 960, height = 500;
  const countries = topojson.feature(world, world.objects.countries);
  const projection = d3.geoNaturalEarth1().fitSize([width, height], { type: "Sphere" });
  const path = d3.geoPath(projection);
  const active = new Set(events.map((e) => state.numeric.get(e.place_country)).filter(Boolean));
  const svg = d3.create("svg").attr("viewBox", [0, 0, width, height]);
  svg.append("path").datum({ type: "Sphere" }).attr("fill", "#f4f8fc").attr("stroke", "#ccd").attr("d", path);
  svg.append("g").selectAll("path").data(countries.features).join("path").attr("d", path)
    .attr("class", (f) => (active.has(f.id) ? "country active" : "country")).append("title").text((f) => f.properties.name);
  svg.append("g").selectAll("circle").data(events).join("circle").attr("class", "event-dot").attr("data-event-id", (e) => e.event_id)
    .attr("cx", (e) => projection([e.lon, e.lat])[0]).attr("cy", (e) => projection([e.lon, e.lat])[1])
    .attr("r", (e) => 3 + Math.sqrt(e.articles) * 2).attr("fill", (e) => QUAD_COLOURS[e.quad_class]).attr("fill-opacity", 0.75)
    .attr("stroke", "white").style("cursor", "pointer")
    .on("click", (_e, e) => { showTab("explorer"); openEvent(e.event_id); })
    .append("title").text((e) => `${e.date || "undated"} ${e.event_type}: ${keyName(e.source_key) ?? "—"} → ${keyName(e.target_key) ?? "—"} at ${e.place}`);
  document.getElementById("map-chart").replaceChildren(svg.node());
}

// ---- wiring ----
function wire() {
  for (const button of document.querySelectorAll("nav button")) button.addEventListener("click", () => showTab(button.dataset.tab));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); searchEvents(0); });
  document.getElementById("pair-form").addEventListener("submit", (e) => { e.preventDefault(); drawTimeline(); });
  document.getElementById("network-form").addEventListener("submit", (e) => { e.preventDefault(); drawNetwork(); });
  document.getElementById("prev").addEventListener("click", () => searchEvents(Math.max(0, state.offset - state.limit)));
  document.getElementById("next").addEventListener("click", () => {
    if (state.offset + state.limit < state.total) searchEvents(state.offset + state.limit);
  });
}

async function start() {
  wire();
  await loadVocabulary();
  await Promise.all([loadOverview(), searchEvents(0)]);
  document.body.dataset.ready = "true";
}

start();

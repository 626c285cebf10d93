// geokg dashboard. Reads only the public REST API (same origin) and writes every value it gets from it with
// textContent or setAttribute, never as markup: article titles and sentences are untrusted text.

const SVG_NS = "http://www.w3.org/2000/svg";
// The API root: the page is served at <root>/dashboard, so a proxy's path prefix is kept.
const ROOT = location.pathname.replace(/\/dashboard\/?$/, "");
const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// The network's drawing area in SVG units: 800 x 520 on a wide screen; on a narrow one, the size it is shown at, so
// that labels stay at their real font size (app.js sizeNetwork).
let WIDTH = 800;
let HEIGHT = 520;
const MARGIN = 30;
const PARTNER_LIMIT = 15;
const EVENTS_PAGE = 50;
// Relationship-layer edge type -> the PLOVER event type behind it (cypher/README.md, "Relationship layer").
const EDGE_EVENT_TYPE = {
  MET_WITH: "CONSULT", AGREED_WITH: "AGREE", COOPERATES_WITH: "COOPERATE", SUPPORTS: "SUPPORT",
  CONCEDES_TO: "CONCEDE", AIDS: "AID", DEPLOYS_TROOPS_TO: "MOBILIZE", SHOWS_FORCE_TO: "MOBILIZE",
  ATTACKS: "ASSAULT", SANCTIONS: "SANCTION", ACCUSES: "ACCUSE", THREATENS: "THREATEN", REQUESTS: "REQUEST",
  REJECTS: "REJECT", COERCES: "COERCE", PROTESTS_AGAINST: "PROTEST", RETREATS_FROM: "RETREAT",
};

// PLOVER's event types by quad class (service/shared/plover.py; tests/test_palette.py compares them).
const QUAD_CLASSES = {
  verbal_cooperation: ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"],
  material_cooperation: ["COOPERATE", "AID", "RETREAT"],
  verbal_conflict: ["REQUEST", "ACCUSE", "REJECT", "THREATEN"],
  material_conflict: ["PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "SANCTION"],
};
const EVENT_TYPES = Object.values(QUAD_CLASSES).flat();

const state = {
  countries: [],
  actor: null,
  type: "", // filters: one PLOVER type, one quad class, a minimum event confidence ("" for none)
  quad: "",
  confidence: "",
  actorName: "",
  since: "",
  until: "",
  generation: 0, // bumped on every reload, so that a slow, older response never overwrites a newer one
  events: [],
  cursor: null,
  simulation: null,
  pairRequest: 0, // bumped on every pair shown, so that a slow answer for an older pair is dropped
};

const byId = (id) => document.getElementById(id);

// --------------------------------------------------------------------------- DOM helpers (text only)

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  return node;
}

function el(tag, attrs = {}, ...children) {
  const node = setAttrs(document.createElement(tag), attrs);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === "number" ? String(child) : child); // strings become text nodes
  }
  return node;
}

function svg(tag, attrs = {}) {
  return setAttrs(document.createElementNS(SVG_NS, tag), attrs);
}

// Only http(s) links are made clickable: a stored URL could be `javascript:...`.
function safeUrl(value) {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// Troops sent to an ally (MOBILIZE with mode "troops", the DEPLOYS_TROOPS_TO edge) are a deployment: drawn purple and
// counted as cooperation, as GET /countries/{id}/partners counts them.
function edgeClass(edge) {
  return edge.type === "DEPLOYS_TROOPS_TO" ? "deployment" : edge.quad_class || "unknown";
}

function eventClass(event) {
  return event.type === "MOBILIZE" && event.mode === "troops" ? "deployment" : event.quad_class || "unknown";
}

function edgeStance(edge) {
  const cls = edgeClass(edge);
  return cls === "deployment" || cls.endsWith("_cooperation") ? "cooperation" : "conflict";
}

function dateSpan(first, last) {
  if (!first && !last) return "undated";
  if (!first || !last || first === last) return first || last;
  return `${first} – ${last}`;
}

function setStatus(text, isError = false, retry = null) {
  const status = byId("status");
  status.textContent = text;
  status.classList.toggle("is-error", isError);
  const button = byId("retry");
  button.hidden = !retry;
  button.onclick = retry;
}

// Up/Down arrows move the focus between the buttons of a list (Tab still leaves it).
function arrowKeys(container, selector) {
  container.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const items = [...container.querySelectorAll(selector)];
    const index = items.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    const step = event.key === "ArrowDown" ? 1 : -1;
    items[Math.max(0, Math.min(items.length - 1, index + step))].focus();
  });
}

function markSelected(node) {
  for (const old of document.querySelectorAll(".is-selected")) old.classList.remove("is-selected");
  if (node) node.classList.add("is-selected");
}

// --------------------------------------------------------------------------- API

function describeError(status, body) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  if (detail && typeof detail.message === "string") {
    const hints = Array.isArray(detail.suggestions) && detail.suggestions.length;
    return hints ? `${detail.message} (did you mean ${detail.suggestions.join(", ")}?)` : detail.message;
  }
  if (Array.isArray(detail)) return detail.map((issue) => issue.msg).join("; ");
  return `the API answered HTTP ${status}`;
}

class ApiError extends Error {
  constructor(message, status, body) {
    super(message);
    this.status = status; // 0: the API did not answer
    this.body = body;
  }
}

const UNREACHABLE = "The geokg API does not answer (is it running?)";

function apiUrl(path, params = {}) {
  const url = new URL(ROOT + path, location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") url.searchParams.set(name, value);
  }
  return url;
}

async function api(path, params = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { Accept: "application/json" } });
  } catch {
    throw new ApiError(UNREACHABLE, 0, null); // a network error: one clear message, not "Failed to fetch"
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(describeError(response.status, body), response.status, body);
  return body;
}

const range = () => ({ since: state.since, until: state.until });
// The minimum-confidence filter, applied by the API (in Cypher) to the events, partners and network it returns.
const leastConfidence = () => ({ min_confidence: state.confidence || null });
// The event types the type and quad-class filters leave (null: all).
function filterTypes() {
  let types = state.type ? [state.type] : EVENT_TYPES;
  if (state.quad) types = types.filter((t) => QUAD_CLASSES[state.quad].includes(t));
  return state.type || state.quad ? types : null;
}
const typesParam = () => {
  const types = filterTypes();
  return types ? types.join(",") : null;
};
const isStale = (generation) => generation !== state.generation;

// --------------------------------------------------------------------------- country chooser and date range

function renderCountryOptions() {
  const select = byId("country-select");
  const wanted = byId("country-search").value.trim().toLowerCase();
  const shown = state.countries.filter(
    (c) => !wanted || c.id.toLowerCase().includes(wanted) || (c.name || "").toLowerCase().includes(wanted),
  );
  select.replaceChildren(
    ...shown.map((c) =>
      el("option", { value: c.id, selected: c.id === state.actor }, `${c.name || c.id} (${c.id}) · ${c.event_count}`),
    ),
  );
}

function stateHash() {
  const params = new URLSearchParams();
  if (state.actor) params.set("country", state.actor);
  if (state.since) params.set("since", state.since);
  if (state.until) params.set("until", state.until);
  if (state.type) params.set("type", state.type);
  if (state.quad) params.set("quad", state.quad);
  if (state.confidence) params.set("confidence", state.confidence);
  return `#${params}`;
}

// Every choice is a history entry, so Back returns to the previous view; `replace` for the first one.
function writeHash(replace = false) {
  const hash = stateHash();
  if (location.hash === hash || (!location.hash && hash === "#")) return;
  if (replace) history.replaceState(null, "", hash);
  else history.pushState(null, "", hash);
}

// The view the hash names (edited by hand, or reached with Back/Forward); invalid parts are left out.
function readHash() {
  const wanted = new URLSearchParams(location.hash.slice(1));
  const date = (name) => (validDate(wanted.get(name) || "") ? wanted.get(name) : "");
  const type = (wanted.get("type") || "").toUpperCase();
  const quad = wanted.get("quad") || "";
  const confidence = wanted.get("confidence") || "";
  return {
    actor: wanted.get("country") || "",
    since: date("since"),
    until: date("until"),
    type: EVENT_TYPES.includes(type) ? type : "",
    quad: quad in QUAD_CLASSES ? quad : "",
    confidence: validConfidence(confidence) ? confidence : "",
  };
}

function validConfidence(value) {
  return /^(0(\.\d+)?|1(\.0+)?)$/.test(value);
}

function showFilters() {
  byId("since").value = state.since;
  byId("until").value = state.until;
  byId("filter-type").value = state.type;
  byId("filter-quad").value = state.quad;
  byId("filter-confidence").value = state.confidence;
}

function followHash() {
  const wanted = readHash();
  const same = ["since", "until", "type", "quad", "confidence"].every((key) => state[key] === wanted[key]);
  if (same && (!wanted.actor || wanted.actor === state.actor)) return;
  Object.assign(state, { since: wanted.since, until: wanted.until, type: wanted.type, quad: wanted.quad,
    confidence: wanted.confidence });
  showFilters();
  byId("range-error").textContent = "";
  const actor = wanted.actor || state.actor || (state.countries[0] && state.countries[0].id);
  if (actor) chooseCountry(actor, null, { fromHash: true });
}

function chooseCountry(id, name, { fromHash = false, replace = false } = {}) {
  const known = state.countries.find((c) => c.id === id);
  state.actor = id;
  state.actorName = (known && known.name) || name || id;
  const select = byId("country-select");
  if (select.value !== id) select.value = id; // no option (filtered out, or an organisation): nothing selected
  if (!fromHash) writeHash(replace);
  refresh();
}

// A valid calendar date of year, month or day precision, as the API accepts.
function validDate(value) {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month && (Number(month) < 1 || Number(month) > 12)) return false;
  if (day) {
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    return date.getUTCDate() === Number(day);
  }
  return true;
}

function applyRange(event) {
  event.preventDefault();
  const since = byId("since").value.trim();
  const until = byId("until").value.trim();
  const confidence = byId("filter-confidence").value.trim();
  const error = byId("range-error");
  if (confidence && !validConfidence(confidence)) {
    error.textContent = "Minimum confidence: a number from 0 to 1.";
    return;
  }
  const bad = [["Since", since], ["Until", until]].find(([, value]) => value && !validDate(value));
  if (bad) {
    error.textContent = `${bad[0]}: write YYYY, YYYY-MM or YYYY-MM-DD.`;
    return;
  }
  if (since && until && since > until && !since.startsWith(until)) {
    error.textContent = "Since is after until.";
    return;
  }
  error.textContent = "";
  Object.assign(state, { since, until, type: byId("filter-type").value, quad: byId("filter-quad").value, confidence });
  writeHash();
  refresh();
}

function clearRange() {
  // The reset event fires before the inputs are emptied.
  setTimeout(() => {
    byId("range-error").textContent = "";
    Object.assign(state, { since: "", until: "", type: "", quad: "", confidence: "" });
    showFilters();
    writeHash();
    refresh();
  });
}

// --------------------------------------------------------------------------- partners

async function loadPartners(generation) {
  const lists = { cooperation: byId("partners-cooperation"), conflict: byId("partners-conflict") };
  const types = filterTypes();
  if (types && !types.length) {
    for (const list of Object.values(lists)) list.replaceChildren(el("li", { class: "empty" }, "no type passes the filters"));
    return;
  }
  try {
    const path = `/countries/${encodeURIComponent(state.actor)}/partners`;
    const answers = await Promise.all(
      Object.keys(lists).map((stance) => api(path, { ...range(), ...leastConfidence(), types: typesParam(), stance, limit: PARTNER_LIMIT })),
    );
    if (isStale(generation)) return;
    for (const answer of answers) renderPartners(lists[answer.stance], answer);
  } catch (error) {
    if (isStale(generation)) return;
    for (const list of Object.values(lists)) list.replaceChildren(); // the message is shown once, in the status
    throw error;
  }
}

function renderPartners(list, answer) {
  if (!answer.partners.length) {
    list.replaceChildren(el("li", { class: "empty" }, "none in this range"));
    return;
  }
  list.replaceChildren(
    ...answer.partners.map((partner, index) => {
      const types = partner.types.map((t) => (t.count > 1 ? `${t.type} ×${t.count}` : t.type)).join(", ");
      const name = partner.name || partner.id;
      const button = el(
        "button",
        {
          type: "button",
          class: "partner",
          "data-testid": "partner",
          "data-id": partner.id,
          "data-stance": answer.stance,
          "data-events": partner.event_count,
          "data-first": partner.first_date || "",
          "data-last": partner.last_date || "",
          "aria-label": `${index + 1}. ${name}, score ${partner.score.toFixed(1)}, ${plural(partner.event_count, "event")}`,
        },
        el("span", { class: "rank" }, `${index + 1}.`),
        el("span", { class: "name" }, name),
        el("span", { class: "score", title: "score: confidence × weight (material 2, verbal 1)" },
          partner.score.toFixed(1)),
        el("span", { class: "meta" },
          `${plural(partner.event_count, "event")} · ${types} · ${dateSpan(partner.first_date, partner.last_date)}`),
      );
      button.addEventListener("click", () => {
        markSelected(button);
        showPartner(answer.actor, answer.stance, partner);
      });
      return el("li", {}, button);
    }),
  );
}

function showPartner(actor, stance, partner) {
  // The partner's strongest sentences come with the ranking; group them by event.
  const events = new Map();
  for (const item of partner.evidence) {
    if (!events.has(item.event_id)) {
      events.set(item.event_id, { id: item.event_id, type: item.type, date: item.date, evidence: [] });
    }
    events.get(item.event_id).evidence.push(item);
  }
  const all = el("button", { type: "button", "data-testid": "show-relations" }, "All events between them");
  all.addEventListener("click", () => showRelations(actor.id, partner.id, null));
  renderEvidence(
    `${actor.name || actor.id} – ${partner.name || partner.id}: ${stance}`,
    el("p", { class: "hint" }, `The strongest reporting sentences of ${plural(partner.event_count, "event")}. `, all),
    [...events.values()],
  );
}

// --------------------------------------------------------------------------- evidence panel

function eventHeading(event, extra) {
  return el(
    "h3",
    {},
    el("span", { class: `badge quad-${eventClass(event)}` }, event.type),
    el("span", {}, event.date || "undated"),
    event.status && event.status !== "occurred" ? el("span", { class: "hint" }, event.status) : null,
    extra ? el("span", { class: "hint" }, extra) : null,
  );
}

// The article: its title, then its URL as a link where it has one, else where it came from (a host, a feed's or a
// file's name: the API never gives a server path).
function evidenceItem(item) {
  const href = safeUrl(item.url);
  const title = el("cite", { class: "article-title", "data-testid": "evidence-article" },
    item.title || `article ${item.article_id}`);
  const when = item.published ? ` · published ${item.published}` : "";
  const where = href
    ? [" · ", el("a", { href, target: "_blank", rel: "noopener noreferrer", "data-testid": "evidence-link" }, href)]
    : item.source ? [` · ${item.source}`] : [];
  return el(
    "li",
    {},
    el("p", { class: "sentence", "data-testid": "evidence-sentence" }, item.sentence || "(sentence not kept)"),
    el("span", { class: "source", "data-testid": "evidence-source" }, title, when, ...where),
  );
}

// events: [{type, quad_class?, date, status?, evidence: [...], note?}]
function renderEvidence(title, intro, events) {
  const panel = byId("evidence");
  const blocks = events.map((event) =>
    el(
      "article",
      { class: "evidence-event", "data-testid": "evidence-event", "data-id": event.id },
      eventHeading(event, event.note),
      el("ol", { class: "evidence-list" }, ...event.evidence.map(evidenceItem)),
    ),
  );
  panel.replaceChildren(
    el("p", { "data-testid": "evidence-title" }, el("strong", {}, title)),
    ...(intro ? [intro] : []), // replaceChildren would write a null as the text "null"
    ...(blocks.length ? blocks : [el("p", { class: "empty" }, "No events in this range.")]),
  );
}

async function showRelations(a, b, edge) {
  setStatus("Loading evidence…");
  state.pairRequest += 1;
  const request = state.pairRequest;
  // The pair's trend is fetched alongside; if it fails, the evidence still shows, with the error in its place.
  const trend = loadTrend(a, b).then(trendChart, (error) =>
    el("p", { class: "error", "data-testid": "pair-trend-error" }, `Trend: ${error.message}`),
  );
  try {
    const answer = await api("/relations", { a, b, ...range(), ...leastConfidence() });
    const wanted = edge ? EDGE_EVENT_TYPE[edge.type] : null;
    // The clicked edge's own events first, then the pair's other events.
    const events = answer.events
      .map((event) => ({ ...event, note: wanted && event.type === wanted ? "this edge" : null }))
      .sort((x, y) => (y.note ? 1 : 0) - (x.note ? 1 : 0));
    const intro = edge
      ? el("p", { class: "hint" }, `Edge ${edge.type} (${plural(edge.event_count, "event")}, `,
        `${dateSpan(edge.first_date, edge.last_date)}); every event between the two below.`)
      : null;
    const chart = await trend;
    if (request !== state.pairRequest) return;
    const title = `${answer.a.name || answer.a.id} – ${answer.b.name || answer.b.id}`;
    renderEvidence(title, el("div", {}, intro, chart), events);
    setStatus(`${state.actorName}: evidence loaded`);
  } catch (error) {
    if (request === state.pairRequest) setStatus(error.message, true);
  }
}

// --------------------------------------------------------------------------- a pair's trend (GET /relations/timeline)

const TREND_WIDTH = 360;
const TREND_NET_TOP = 16; // net score per period: a line around its zero
const TREND_NET_HALF = 30;
const TREND_BARS_TOP = 96; // events per stance: cooperation up from the middle line, conflict down
const TREND_BARS_HALF = 34;
const TREND_HEIGHT = 186;

// The interval that gives a readable number of bars: months over up to 2 years, quarters up to 8, else years.
async function loadTrend(a, b) {
  const params = { a, b, ...range() };
  const yearly = await api("/relations/timeline", { ...params, interval: "year" });
  const years = yearly.periods.length;
  if (years === 0 || years > 8) return yearly;
  return api("/relations/timeline", { ...params, interval: years <= 2 ? "month" : "quarter" });
}

function signed(value) {
  return `${value > 0 ? "+" : ""}${value.toFixed(1)}`;
}

function trendText(node, text, attrs) {
  const label = svg("text", { class: "trend-label", ...attrs });
  label.textContent = text;
  node.append(label);
}

// A small chart of answer.periods: the net score (cooperation − conflict score) as a line with a dot per period,
// and below it a bar per period of cooperation events (up) and conflict events (down). Hover a period for numbers.
function trendChart(answer) {
  const periods = answer.periods;
  const figure = el("figure", {
    class: "trend",
    "data-testid": "pair-trend",
    "data-pair": [answer.a.id, answer.b.id].sort().join("|"),
    "data-interval": answer.interval,
    "data-periods": periods.length,
  });
  const caption = `Trend by ${answer.interval}: net score (cooperation − conflict), events per stance`;
  figure.append(el("figcaption", {}, caption));
  if (periods.length) {
    const slot = TREND_WIDTH / periods.length;
    const maxNet = Math.max(0.1, ...periods.map((p) => Math.abs(p.net)));
    const maxCount = Math.max(1, ...periods.map((p) => Math.max(p.cooperation, p.conflict)));
    const netMid = TREND_NET_TOP + TREND_NET_HALF;
    const barsMid = TREND_BARS_TOP + TREND_BARS_HALF;
    const netY = (value) => netMid - (value / maxNet) * TREND_NET_HALF;
    const chart = svg("svg", {
      class: "trend-svg",
      viewBox: `0 0 ${TREND_WIDTH} ${TREND_HEIGHT}`,
      role: "img",
      "aria-label": `Net score and events per ${answer.interval}, ${periods[0].period} to `
        + periods[periods.length - 1].period,
    });
    chart.append(
      svg("line", { class: "trend-zero", x1: 0, x2: TREND_WIDTH, y1: netMid, y2: netMid }),
      svg("line", { class: "trend-zero", x1: 0, x2: TREND_WIDTH, y1: barsMid, y2: barsMid }),
      svg("polyline", {
        class: "trend-net-line",
        points: periods.map((p, i) => `${((i + 0.5) * slot).toFixed(1)},${netY(p.net).toFixed(1)}`).join(" "),
      }),
    );
    periods.forEach((p, i) => {
      const group = svg("g", {
        class: "trend-period",
        "data-testid": "trend-period",
        "data-period": p.period,
        "data-net": p.net,
        "data-cooperation": p.cooperation,
        "data-conflict": p.conflict,
      });
      const title = svg("title");
      title.textContent = `${p.period}: net ${signed(p.net)}; ${plural(p.cooperation, "cooperation event")}, `
        + `${plural(p.conflict, "conflict event")}`;
      const x = i * slot + Math.min(1, slot * 0.1);
      const width = Math.max(1, slot - 2 * Math.min(1, slot * 0.1));
      const up = (p.cooperation / maxCount) * TREND_BARS_HALF;
      const down = (p.conflict / maxCount) * TREND_BARS_HALF;
      // An invisible full-height slot, so that hovering anywhere over the period shows its numbers.
      const hit = svg("rect", { class: "trend-hit", x: i * slot, y: 0, width: slot, height: TREND_HEIGHT - 14 });
      group.append(title, hit);
      if (up) group.append(svg("rect", { class: "trend-bar-cooperation", x, y: barsMid - up, width, height: up }));
      if (down) group.append(svg("rect", { class: "trend-bar-conflict", x, y: barsMid, width, height: down }));
      const tone = p.net > 0 ? "is-positive" : p.net < 0 ? "is-negative" : "is-zero";
      const cx = (i + 0.5) * slot;
      group.append(svg("circle", { class: `trend-net-point ${tone}`, cx, cy: netY(p.net), r: 2.5 }));
      chart.append(group);
    });
    trendText(chart, `net ±${maxNet.toFixed(1)}`, { x: 2, y: 10 });
    trendText(chart, `events ≤${maxCount}`, { x: 2, y: TREND_BARS_TOP - 4 });
    trendText(chart, periods[0].period, { x: 0, y: TREND_HEIGHT - 2 });
    if (periods.length > 1) {
      const last = periods[periods.length - 1].period;
      trendText(chart, last, { x: TREND_WIDTH, y: TREND_HEIGHT - 2, "text-anchor": "end" });
    }
    figure.append(
      chart,
      el(
        "p",
        { class: "trend-legend" },
        el("span", { class: "trend-key trend-key-net" }, "net score"),
        el("span", { class: "trend-key trend-key-cooperation" }, "cooperation"),
        el("span", { class: "trend-key trend-key-conflict" }, "conflict"),
      ),
    );
  } else {
    figure.append(el("p", { class: "empty" }, `No events dated to the ${answer.interval} in this range.`));
  }
  // Events too coarse for a period are named, not spread over the chart (see the API's description).
  const apart = [
    ...answer.year_only.map(
      (y) => `${y.period}: ${plural(y.events, "event")} dated only to the year (net ${signed(y.net)})`,
    ),
    answer.undated ? `${plural(answer.undated.events, "undated event")} (net ${signed(answer.undated.net)})` : null,
  ].filter(Boolean);
  if (apart.length) {
    figure.append(el("p", { class: "hint", "data-testid": "pair-trend-apart" }, `Not drawn: ${apart.join("; ")}.`));
  }
  return figure;
}

async function showEvent(id) {
  setStatus("Loading evidence…");
  try {
    const event = await api(`/events/${encodeURIComponent(id)}`);
    const places = event.places.map((place) => place.name || place.id).join(", ");
    const intro = el(
      "p",
      { class: "hint" },
      `${participantsText(event.participants)}${places ? ` · in ${places}` : ""} · ${plural(event.mentions || 0, "mention")}`,
    );
    renderEvidence(`${event.type} (${(event.quad_class || "").replace("_", " ")})`, intro, [event]);
    setStatus(`${state.actorName}: evidence loaded`);
  } catch (error) {
    setStatus(error.message, true);
  }
}

function participantsText(participants) {
  const states = participants.filter((p) => p.kind !== "person");
  const shown = states.length ? states : participants;
  const names = (role) => shown.filter((p) => p.role === role).map((p) => p.name || p.id).join(", ");
  const sources = names("source");
  const targets = names("target");
  if (sources || targets) return `${sources || "?"} → ${targets || "?"}`;
  return names("participant");
}

// --------------------------------------------------------------------------- network (force-directed SVG)

async function loadNetwork(generation) {
  const surface = byId("network-svg");
  try {
    const graph = await api("/graph", { center: state.actor, depth: 1, ...range(), ...leastConfidence() });
    if (isStale(generation)) return;
    const types = filterTypes();
    const kept = types ? graph.edges.filter((e) => types.includes(EDGE_EVENT_TYPE[e.type])) : graph.edges;
    drawNetwork({ ...graph, edges: kept });
  } catch (error) {
    if (isStale(generation)) return;
    stopSimulation();
    surface.replaceChildren();
    surface.dataset.state = "error";
    byId("network-note").textContent = "";
    throw error;
  }
}

function stopSimulation() {
  if (state.simulation) cancelAnimationFrame(state.simulation.frame);
  state.simulation = null;
}

// On a narrow screen the drawing area is the size it is shown at (labels keep their font size); else 800 x 520.
function sizeNetwork(surface) {
  const shown = surface.getBoundingClientRect().width || 800;
  WIDTH = shown < 600 ? Math.max(300, Math.round(shown)) : 800;
  HEIGHT = shown < 600 ? Math.round(WIDTH * 1.15) : 520;
  surface.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
}

function drawNetwork(graph) {
  stopSimulation();
  const surface = byId("network-svg");
  surface.replaceChildren();
  sizeNetwork(surface);
  const note = byId("network-note");
  note.textContent = graph.truncated ? "Only the strongest relations are drawn (node limit reached)." : "";
  if (!graph.edges.length) {
    surface.dataset.state = "settled";
    note.textContent = "No relations in this range.";
    return;
  }
  surface.dataset.state = "layout";

  const nodes = graph.nodes.map((node, index) => {
    // Deterministic start: the centre in the middle, the others on a golden-angle spiral around it.
    const angle = index * 2.39996;
    const radius = index === 0 ? 0 : (60 + 12 * Math.sqrt(index) * 6) * (WIDTH / 800);
    return {
      ...node,
      x: WIDTH / 2 + radius * Math.cos(angle),
      y: HEIGHT / 2 + radius * Math.sin(angle),
      vx: 0,
      vy: 0,
      fixed: node.id === state.actor,
      degree: 0,
    };
  });
  const nodeOf = new Map(nodes.map((node) => [node.id, node]));
  const edges = graph.edges
    .filter((edge) => nodeOf.has(edge.source) && nodeOf.has(edge.target))
    .map((edge) => ({ ...edge, from: nodeOf.get(edge.source), to: nodeOf.get(edge.target) }));
  // Several edges between one pair (MET_WITH and AIDS, ...) are drawn side by side.
  const pairs = new Map();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join("\u0000");
    if (!pairs.has(key)) pairs.set(key, []);
    pairs.get(key).push(edge);
    edge.from.degree += 1;
    edge.to.degree += 1;
  }
  for (const group of pairs.values()) {
    group.forEach((edge, index) => {
      edge.offset = (index - (group.length - 1) / 2) * 7;
      edge.flip = edge.source > edge.target; // offsets measured along one direction per pair
    });
  }

  const edgeLayer = svg("g", { class: "edges" });
  const nodeLayer = svg("g", { class: "nodes" });
  surface.append(edgeLayer, nodeLayer);
  for (const edge of edges) edgeLayer.append(edgeElement(edge));
  for (const node of nodes) nodeLayer.append(nodeElement(node, surface));

  // k: the ideal distance between nodes, from the room each one gets.
  const k = clamp(Math.sqrt((WIDTH * HEIGHT) / nodes.length) * 0.75, 25, 170);
  const simulation = { nodes, edges, k, temperature: WIDTH / 8, ticksLeft: 300, frame: 0 };
  state.simulation = simulation;
  runSimulation(simulation, surface);
}

function edgeElement(edge) {
  const from = edge.from.label || edge.source;
  const to = edge.to.label || edge.target;
  const cls = edgeClass(edge);
  const label = `${from} – ${to}: ${edge.type} (${cls.replace("_", " ")}, ${edgeStance(edge)}), `
    + plural(edge.event_count, "event");
  const group = svg("g", {
    class: "edge",
    tabindex: 0,
    role: "button",
    "aria-label": label,
    "data-testid": "edge",
    "data-source": edge.source,
    "data-target": edge.target,
    "data-type": edge.type,
    "data-quad": edge.quad_class || "",
    "data-class": cls,
    "data-stance": edgeStance(edge),
    "data-count": edge.event_count,
    "data-first": edge.first_date || "",
    "data-last": edge.last_date || "",
  });
  const title = svg("title");
  title.textContent = `${label} (${dateSpan(edge.first_date, edge.last_date)})`;
  // Width grows with the number of events: 1.5 for one, about 6 for a hundred.
  const width = Math.min(7, 1.5 + Math.log2(Math.max(1, edge.event_count)) * 0.7);
  edge.line = svg("line", { class: `edge-line quad-${cls}`, "stroke-width": width.toFixed(2) });
  edge.hit = svg("line", { class: "edge-hit" });
  group.append(title, edge.line, edge.hit);
  const open = () => {
    markSelected(group);
    showRelations(edge.source, edge.target, edge);
  };
  group.addEventListener("click", open);
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open();
    }
  });
  return group;
}

function nodeElement(node, surface) {
  const isCenter = node.id === state.actor;
  const group = svg("g", {
    class: `node kind-${node.kind}${isCenter ? " is-center" : ""}`,
    tabindex: 0,
    role: "button",
    "aria-label": isCenter ? `${node.label || node.id} (shown)` : `Show ${node.label || node.id}`,
    "data-testid": "node",
    "data-id": node.id,
  });
  const radius = Math.min(18, 7 + 2 * Math.sqrt(node.degree));
  const text = svg("text", { x: radius + 3, y: 4 });
  text.textContent = node.label || node.id;
  group.append(svg("circle", { r: radius }), text);
  node.element = group;
  node.text = text;
  node.radius = radius;

  const centre = () => {
    if (!isCenter && node.kind !== "person") chooseCountry(node.id, node.label);
  };
  group.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      centre();
    }
  });
  // Drag to move (the node stays where it is dropped); a press without a move is a click.
  let drag = null;
  group.addEventListener("pointerdown", (event) => {
    drag = { startX: event.clientX, startY: event.clientY, moved: false, wasFixed: node.fixed };
    group.setPointerCapture(event.pointerId);
  });
  group.addEventListener("pointermove", (event) => {
    if (!drag) return;
    if (Math.hypot(event.clientX - drag.startX, event.clientY - drag.startY) > 3) drag.moved = true;
    if (!drag.moved) return;
    const point = toSvgPoint(surface, event.clientX, event.clientY);
    node.x = clamp(point.x, MARGIN, WIDTH - MARGIN);
    node.y = clamp(point.y, MARGIN, HEIGHT - MARGIN);
    node.fixed = true;
    render(state.simulation);
  });
  group.addEventListener("pointerup", () => {
    if (!drag) return;
    const moved = drag.moved;
    drag = null;
    if (!moved) {
      centre();
    } else if (state.simulation) {
      state.simulation.temperature = Math.max(state.simulation.temperature, 15); // let the neighbours follow
      state.simulation.ticksLeft = Math.max(state.simulation.ticksLeft, 80);
      runSimulation(state.simulation, surface);
    }
  });
  group.addEventListener("pointercancel", () => {
    drag = null;
  });
  return group;
}

function toSvgPoint(surface, clientX, clientY) {
  const matrix = surface.getScreenCTM();
  return matrix ? new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse()) : { x: clientX, y: clientY };
}

function clamp(value, low, high) {
  return Math.max(low, Math.min(high, value));
}

function runSimulation(simulation, surface) {
  cancelAnimationFrame(simulation.frame);
  surface.dataset.state = "layout";
  const step = () => {
    if (state.simulation !== simulation) return;
    for (let i = 0; i < 10 && simulation.ticksLeft > 0; i += 1) {
      tick(simulation);
      simulation.ticksLeft -= 1;
    }
    render(simulation);
    if (simulation.ticksLeft > 0) {
      simulation.frame = requestAnimationFrame(step);
    } else {
      surface.dataset.state = "settled";
    }
  };
  simulation.frame = requestAnimationFrame(step);
}

// One Fruchterman-Reingold step: every pair repels (k²/d), every edge attracts (d²/k), a weak pull keeps the
// graph near the centre, and no node moves further than the temperature, which cools step by step.
// O(n²) per step is fine for the at most 300 nodes /graph returns.
function tick(simulation) {
  const { nodes, edges, k, temperature } = simulation;
  for (const node of nodes) {
    node.dx = (WIDTH / 2 - node.x) * 0.03;
    node.dy = (HEIGHT / 2 - node.y) * 0.03;
  }
  for (let i = 0; i < nodes.length; i += 1) {
    const a = nodes[i];
    for (let j = i + 1; j < nodes.length; j += 1) {
      const b = nodes[j];
      let dx = b.x - a.x;
      let dy = b.y - a.y;
      let distance = Math.sqrt(dx * dx + dy * dy);
      if (distance < 0.1) {
        dx = 0.1 * (j - i); // same place: push apart along a fixed direction
        dy = 0.1;
        distance = Math.sqrt(dx * dx + dy * dy);
      }
      const push = (k * k) / distance / distance;
      a.dx -= dx * push;
      a.dy -= dy * push;
      b.dx += dx * push;
      b.dy += dy * push;
    }
  }
  for (const edge of edges) {
    const dx = edge.to.x - edge.from.x;
    const dy = edge.to.y - edge.from.y;
    const pull = Math.sqrt(dx * dx + dy * dy) / k;
    edge.from.dx += dx * pull;
    edge.from.dy += dy * pull;
    edge.to.dx -= dx * pull;
    edge.to.dy -= dy * pull;
  }
  for (const node of nodes) {
    if (node.fixed) continue;
    const length = Math.sqrt(node.dx * node.dx + node.dy * node.dy) || 1;
    const step = Math.min(length, temperature) / length;
    node.x = clamp(node.x + node.dx * step, MARGIN, WIDTH - MARGIN);
    node.y = clamp(node.y + node.dy * step, MARGIN, HEIGHT - MARGIN);
  }
  simulation.temperature *= 0.97;
}

function render(simulation) {
  if (!simulation) return;
  for (const edge of simulation.edges) {
    const [a, b] = edge.flip ? [edge.to, edge.from] : [edge.from, edge.to];
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ox = (-(b.y - a.y) / length) * edge.offset;
    const oy = ((b.x - a.x) / length) * edge.offset;
    const ends = { x1: a.x + ox, y1: a.y + oy, x2: b.x + ox, y2: b.y + oy };
    setAttrs(edge.line, ends);
    setAttrs(edge.hit, ends);
  }
  for (const node of simulation.nodes) {
    node.element.setAttribute("transform", `translate(${node.x.toFixed(1)} ${node.y.toFixed(1)})`);
    // Labels on the right half go to the left of their node, so that none runs off the drawing.
    const left = node.x > WIDTH * 0.6;
    node.text.setAttribute("x", left ? -(node.radius + 3) : node.radius + 3);
    node.text.setAttribute("text-anchor", left ? "end" : "start");
  }
}

// --------------------------------------------------------------------------- timeline

async function loadTimeline(generation, fromStart) {
  const more = byId("timeline-more");
  try {
    const page = await api("/events", {
      actor: state.actor,
      ...range(),
      ...leastConfidence(),
      type: state.type || null,
      quad_class: state.quad || null,
      limit: EVENTS_PAGE,
      cursor: fromStart ? null : state.cursor,
    });
    if (isStale(generation)) return;
    state.events = fromStart ? page.events : state.events.concat(page.events);
    state.cursor = page.next_cursor;
    more.hidden = !state.cursor;
    renderTimeline();
  } catch (error) {
    if (isStale(generation)) return;
    byId("timeline").replaceChildren();
    byId("timeline-axis").replaceChildren();
    more.hidden = true;
    throw error;
  }
}

function monthKey(date) {
  return date ? date.slice(0, 7) : "";
}

function monthTitle(key) {
  if (!key) return "Undated";
  const [year, month] = key.split("-");
  if (!month) return `${year} (month not known)`;
  const first = new Date(Date.UTC(Number(year), Number(month) - 1, 1));
  return first.toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });
}

// The loaded events: GET /events already left out those below the minimum confidence.
const shownEvents = () => state.events;

function renderTimeline() {
  const container = byId("timeline");
  const events = shownEvents();
  if (!events.length) {
    container.replaceChildren(el("p", { class: "empty" }, "No events in this range."));
    renderAxis();
    return;
  }
  // Newest first, as the API returns them; consecutive events of one month share a heading.
  const groups = [];
  for (const event of events) {
    const key = monthKey(event.date);
    if (!groups.length || groups[groups.length - 1].key !== key) groups.push({ key, events: [] });
    groups[groups.length - 1].events.push(event);
  }
  container.replaceChildren(
    ...groups.flatMap((group) => {
      const headingId = `month-${group.key || "undated"}-${groups.indexOf(group)}`;
      return [
        el("h3", { class: "month", id: headingId }, monthTitle(group.key)),
        el("ul", { class: "event-list", "aria-labelledby": headingId }, ...group.events.map(timelineItem)),
      ];
    }),
  );
  renderAxis();
}

function timelineItem(event) {
  const button = el(
    "button",
    { type: "button", class: "event", "data-testid": "timeline-event", "data-id": event.id },
    el("span", { class: "date" }, event.date || "undated"),
    el("span", { class: `badge quad-${eventClass(event)}`, "data-testid": "timeline-badge" }, event.type),
    el("span", {}, participantsText(event.participants)),
  );
  button.addEventListener("click", () => {
    markSelected(button);
    showEvent(event.id);
  });
  return el("li", {}, button);
}

// A bar per month over the loaded events (month or day precision): where the activity is.
function renderAxis() {
  const axis = byId("timeline-axis");
  const counts = new Map();
  for (const event of shownEvents()) {
    if (event.date && event.date.length >= 7) {
      const key = event.date.slice(0, 7);
      counts.set(key, (counts.get(key) || 0) + 1);
    }
  }
  if (!counts.size) {
    axis.replaceChildren();
    return;
  }
  const keys = [...counts.keys()].sort();
  const index = (key) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  const first = index(keys[0]);
  const span = index(keys[keys.length - 1]) - first + 1;
  const most = Math.max(...counts.values());
  const width = 800;
  const slot = width / span;
  const chart = svg("svg", { viewBox: `0 0 ${width} 70`, role: "img", "aria-label": "Events per month" });
  for (const [key, count] of counts) {
    const height = Math.max(3, (count / most) * 45);
    const bar = svg("rect", {
      class: "axis-bar",
      x: (index(key) - first) * slot + 1,
      y: 50 - height,
      width: Math.max(2, slot - 2),
      height,
    });
    const title = svg("title");
    title.textContent = `${monthTitle(key)}: ${plural(count, "event")}`;
    bar.append(title);
    chart.append(bar);
  }
  const label = (text, x, anchor) => {
    const node = svg("text", { class: "axis-label", x, y: 65, "text-anchor": anchor });
    node.textContent = text;
    return node;
  };
  chart.append(label(keys[0], 0, "start"));
  if (keys.length > 1) chart.append(label(keys[keys.length - 1], width, "end"));
  axis.replaceChildren(chart);
}

// --------------------------------------------------------------------------- wiring

// While a country loads, nothing of the previous one stays on screen under the new heading.
function showLoading() {
  const loading = () => el("li", { class: "hint", "data-testid": "partners-loading" }, "Loading…");
  byId("partners-cooperation").replaceChildren(loading());
  byId("partners-conflict").replaceChildren(loading());
  stopSimulation();
  const surface = byId("network-svg");
  surface.replaceChildren();
  surface.dataset.state = "loading";
  byId("network-note").textContent = "Loading…";
  byId("timeline").replaceChildren(el("p", { class: "hint" }, "Loading…"));
  byId("timeline-axis").replaceChildren();
  byId("timeline-more").hidden = true;
}

function clearPanels() {
  byId("partners-cooperation").replaceChildren();
  byId("partners-conflict").replaceChildren();
  const surface = byId("network-svg");
  surface.replaceChildren();
  surface.dataset.state = "error";
  byId("network-note").textContent = "";
  byId("timeline").replaceChildren();
  byId("timeline-axis").replaceChildren();
}

// The export links of the current view: the country, the date range and the type/class filters (and, for the
// events, the minimum confidence: the relations exports have no confidence filter).
function updateExports() {
  const types = typesParam();
  const events = {
    actor: state.actor,
    ...range(),
    ...leastConfidence(),
    type: state.type || null,
    quad_class: state.quad || null,
  };
  const relations = { actor: state.actor, ...range(), types };
  byId("export-events-csv").href = apiUrl("/export/events.csv", events);
  byId("export-events-json").href = apiUrl("/export/events.json", events);
  byId("export-relations-csv").href = apiUrl("/export/relations.csv", relations);
  byId("export-graphml").href = apiUrl("/export/graph.graphml", relations);
}

async function refresh() {
  if (!state.actor) return;
  state.generation += 1;
  const generation = state.generation;
  byId("country-name").textContent = state.actorName;
  byId("evidence").replaceChildren(el("p", { class: "hint" }, "Choose an edge, a partner or an event."));
  setStatus(`Loading ${state.actorName}…`);
  showLoading();
  updateExports();
  if (!state.countries.some((c) => c.id === state.actor)) {
    // Not in the country list (an organisation, or a hash edited by hand): one request says whether it exists,
    // so that an unknown name gets one message instead of one per panel.
    try {
      const found = await api(`/countries/${encodeURIComponent(state.actor)}`);
      if (isStale(generation)) return;
      state.actorName = found.name || found.id;
      byId("country-name").textContent = state.actorName;
    } catch (error) {
      if (isStale(generation)) return;
      clearPanels();
      setStatus(error.message, true, error.status === 0 || error.status === 503 ? () => refresh() : null);
      return;
    }
  }
  const results = await Promise.allSettled([
    loadPartners(generation),
    loadNetwork(generation),
    loadTimeline(generation, true),
  ]);
  if (isStale(generation)) return;
  const errors = results.filter((result) => result.status === "rejected").map((result) => result.reason);
  if (errors.length) {
    const messages = [...new Set(errors.map((error) => error.message))]; // one bad country: one message
    const unreachable = errors.some((error) => error.status === 0 || error.status === 503);
    const retry = unreachable ? () => refresh() : null;
    setStatus(messages.join("; "), true, retry);
  } else {
    const period = state.since || state.until ? ` · ${state.since || "…"} to ${state.until || "…"}` : "";
    setStatus(`${state.actorName}${period}`);
  }
}

// The search box: the countries of the list that match; when none does, the API is asked for the name (an
// organisation such as NATO, or a near miss such as "Rusia", which gets the API's suggestions).
let searchRequest = 0;
let searchTimer = 0;
function searchSoon() {
  clearTimeout(searchTimer);
  searchRequest += 1; // an answer still on its way is for an older text
  const wanted = byId("country-search").value.trim();
  if (!wanted || byId("country-select").options.length) {
    byId("search-help").replaceChildren();
    return;
  }
  searchTimer = setTimeout(() => searchElsewhere(wanted), 350); // one request when typing stops
}

async function searchElsewhere(wanted) {
  const help = byId("search-help");
  const request = searchRequest;
  const offer = (id, name, kind) => {
    const button = el("button", { type: "button", "data-testid": "search-choice", "data-id": id },
      `${name || id}${kind && kind !== "country" ? ` (${kind === "org" ? "organisation" : kind})` : ""}`);
    button.addEventListener("click", async () => {
      try {
        const found = kind ? { id, name } : await api(`/countries/${encodeURIComponent(id)}`); // a suggested name
        help.replaceChildren();
        byId("country-search").value = "";
        renderCountryOptions();
        chooseCountry(found.id, found.name);
      } catch (error) {
        help.replaceChildren(el("span", { class: "error", "data-testid": "search-error" }, error.message));
      }
    });
    return button;
  };
  try {
    const found = await api(`/countries/${encodeURIComponent(wanted)}`);
    if (request !== searchRequest) return;
    help.replaceChildren(offer(found.id, found.name, found.kind));
  } catch (error) {
    if (request !== searchRequest) return;
    const suggestions = (error.body && error.body.detail && error.body.detail.suggestions) || [];
    if (error.status === 404 && suggestions.length) {
      help.replaceChildren(
        el("span", { "data-testid": "did-you-mean" }, `No “${wanted}”. Did you mean `),
        ...suggestions.map((name) => offer(name, name, null)),
      );
    } else {
      help.replaceChildren(el("span", { class: "error", "data-testid": "search-error" }, error.message));
    }
  }
}

async function loadCountries() {
  setStatus("Loading countries…");
  try {
    state.countries = await api("/countries");
  } catch (error) {
    const message = error.status === 0 ? UNREACHABLE : `Countries could not be loaded: ${error.message}`;
    setStatus(message, true, loadCountries);
    return;
  }
  renderCountryOptions();
  if (!state.countries.length) {
    setStatus("The graph holds no country yet: ingest some articles.");
    return;
  }
  const wanted = readHash();
  Object.assign(state, { since: wanted.since, until: wanted.until, type: wanted.type, quad: wanted.quad,
    confidence: wanted.confidence });
  showFilters();
  chooseCountry(wanted.actor || state.countries[0].id, null, { replace: true });
}

function start() {
  byId("country-search").addEventListener("input", () => {
    renderCountryOptions();
    searchSoon();
  });
  byId("country-search").addEventListener("keydown", (event) => {
    const select = byId("country-select");
    if (event.key === "Enter" && select.options.length) {
      event.preventDefault();
      chooseCountry(select.options[0].value);
    } else if (event.key === "ArrowDown" && select.options.length) {
      event.preventDefault();
      select.focus();
    }
  });
  byId("country-select").addEventListener("change", (event) => chooseCountry(event.target.value));
  byId("range-form").addEventListener("submit", applyRange);
  byId("range-form").addEventListener("reset", clearRange);
  byId("timeline-more").addEventListener("click", () => {
    loadTimeline(state.generation, false).catch((error) => setStatus(error.message, true));
  });
  arrowKeys(byId("partners-cooperation"), ".partner");
  arrowKeys(byId("partners-conflict"), ".partner");
  arrowKeys(byId("timeline"), ".event");
  byId("filter-type").append(...EVENT_TYPES.map((type) => el("option", { value: type }, type)));
  // Editing the hash, Back and Forward show the view the hash names.
  window.addEventListener("hashchange", followHash);
  window.addEventListener("popstate", followHash);
  // On a phone the chooser stays short: the range, filters and exports open on demand.
  if (window.matchMedia("(max-width: 600px)").matches) byId("filters-box").open = false;
  loadCountries();
}

start();

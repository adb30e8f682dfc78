// The review page: a queue of flagged facts on the left, the selected one on the right.
// Every text from a reply goes into the DOM as text (textContent, createTextNode), never as
// HTML: replies are hostile input.
'use strict';

const TOKEN = new URLSearchParams(location.search).get('token') || '';

const state = {
  queue: null,        // the last /api/queue answer
  names: null,        // the last /api/names answer
  selected: null,     // id of the item shown on the right
  visible: [],        // items shown in the queue, in order
  busy: false,        // an action is being sent
};

const $ = (id) => document.getElementById(id);

// ---- talking to the server -------------------------------------------------------------

async function api(path, body) {
  const init = {headers: {'X-Foicode-Token': TOKEN}, cache: 'no-store'};
  if (body !== undefined) {
    init.method = 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  if (!res.ok) {
    const message = data && typeof data.error === 'string' ? data.error : res.status + ' ' + res.statusText;
    throw new Error(message);
  }
  return data;
}

function withToken(path, params) {
  const query = new URLSearchParams(params);
  query.set('token', TOKEN);
  return path + '?' + query.toString();
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}

// ---- small DOM helpers -----------------------------------------------------------------

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function fillOptions(select, values, blank) {
  clear(select);
  if (blank !== undefined) select.appendChild(el('option', {value: '', text: blank}));
  for (const v of values || []) select.appendChild(el('option', {value: v, text: v}));
}

function fillDatalist(list, values) {
  clear(list);
  for (const v of values || []) list.appendChild(el('option', {value: v}));
}

// ---- how facts read ---------------------------------------------------------------------

function respondentName(item) {
  return item.respondent || item.record || '(unknown respondent)';
}

function describeUsage(u) {
  if (!u) return '';
  let figure = u.low === u.high || u.high === null || u.high === undefined ? String(u.low) : u.low + '–' + u.high;
  if (u.approximate) figure = '~' + figure;
  let text = figure + (u.unit ? ' ' + u.unit : '') + (u.per ? ' per ' + u.per : '');
  if (u.period && (u.period.start || u.period.end)) {
    text += ' (' + (u.period.start || '?') + '..' + (u.period.end || '?') + ')';
  }
  return text;
}

function itemTitle(item) {
  const s = item.system;
  if (item.target === 'usage' && item.usage) return describeUsage(item.usage);
  if (s) return [s.vendor, s.product].filter(Boolean).join(' · ') || '(system)';
  return item.target === 'record' ? 'Record: ' + (item.record_status || '') : item.code;
}

// ---- the queue ---------------------------------------------------------------------------

function filteredItems() {
  const code = $('filter-code').value;
  const record = $('filter-respondent').value;
  const showDecided = $('show-decided').checked;
  return (state.queue.items || []).filter((item) =>
    (!code || item.code === code) &&
    (!record || item.record === record) &&
    (showDecided || item.state === 'open' || item.id === state.selected));
}

function renderFilters() {
  const q = state.queue;
  const code = $('filter-code');
  const keepCode = code.value;
  fillOptions(code, q.codes || [], 'all');
  code.value = (q.codes || []).includes(keepCode) ? keepCode : '';

  const resp = $('filter-respondent');
  const keepResp = resp.value;
  clear(resp);
  resp.appendChild(el('option', {value: '', text: 'all'}));
  const records = (q.respondents || []).map((r) => r.record);
  for (const r of q.respondents || []) {
    resp.appendChild(el('option', {value: r.record, text: r.respondent || r.record}));
  }
  resp.value = records.includes(keepResp) ? keepResp : '';
}

function renderQueue() {
  const q = state.queue;
  const done = q.progress ? q.progress.done : 0;
  const total = q.progress ? q.progress.total : (q.items || []).length;
  $('progress').textContent = done + ' of ' + total + ' reviewed';

  const nav = $('queue');
  clear(nav);
  state.visible = filteredItems();
  if (state.visible.length === 0) {
    nav.appendChild(el('p', {class: 'empty', text: 'Nothing to show with these filters.'}));
    return;
  }
  // Grouped by respondent, then by flag code, in the order the server gave.
  const groups = new Map();
  for (const item of state.visible) {
    const key = item.record || '';
    if (!groups.has(key)) groups.set(key, {name: respondentName(item), codes: new Map()});
    const g = groups.get(key);
    if (!g.codes.has(item.code)) g.codes.set(item.code, []);
    g.codes.get(item.code).push(item);
  }
  for (const g of groups.values()) {
    const section = el('section', {class: 'group'}, el('h2', {text: g.name}));
    for (const [code, items] of g.codes) {
      section.appendChild(el('h3', {text: code}));
      const list = el('ul');
      for (const item of items) {
        const button = el('button', {
          type: 'button',
          class: 'queue-item state-' + item.state + (item.id === state.selected ? ' selected' : ''),
          'data-id': item.id,
          'data-state': item.state,
          'data-target': item.target || '',
          'data-testid': 'queue-item',
        }, el('span', {class: 'mark', text: item.state === 'decided' ? '✓' : (item.state === 'open' ? '•' : '!')}),
        el('span', {class: 'title', text: itemTitle(item)}),
        item.decision ? el('span', {class: 'action', text: item.decision.action}) : null);
        button.addEventListener('click', () => select(item.id));
        list.appendChild(el('li', {}, button));
      }
      section.appendChild(list);
    }
    nav.appendChild(section);
  }
}

async function loadQueue() {
  state.queue = await api('/api/queue');
  renderFilters();
  renderQueue();
}

// ---- the selected item ---------------------------------------------------------------------

function currentItem() {
  if (!state.queue) return null;
  return (state.queue.items || []).find((i) => i.id === state.selected) || null;
}

function addFact(dl, term, value) {
  if (value === null || value === undefined || value === '') return;
  dl.appendChild(el('dt', {text: term}));
  dl.appendChild(el('dd', {text: String(value)}));
}

function renderItem() {
  const item = currentItem();
  $('item-empty').hidden = !!item;
  $('item-body').hidden = !item;
  for (const b of document.querySelectorAll('.queue-item')) {
    b.classList.toggle('selected', b.getAttribute('data-id') === state.selected);
  }
  if (!item) return;

  $('item-respondent').textContent = respondentName(item);
  $('item-code').textContent = item.code;
  $('item-state').textContent = item.state;
  $('item-state').className = 'state state-' + item.state;
  $('item-message').textContent = item.message || '';

  const dl = $('item-facts');
  clear(dl);
  addFact(dl, 'Record status', item.record_status);
  const s = item.system;
  if (s) {
    addFact(dl, 'Vendor', s.vendor);
    addFact(dl, 'Product', s.product);
    addFact(dl, 'Subspecialty', s.subspecialty);
    addFact(dl, 'Deployment', s.deployment);
    for (const u of s.usage || []) addFact(dl, 'Usage', describeUsage(u));
  }
  if (item.usage && item.target === 'usage') addFact(dl, 'This figure', describeUsage(item.usage));

  const decision = $('item-decision');
  clear(decision);
  decision.hidden = !item.decision;
  if (item.decision) {
    const d = item.decision;
    decision.appendChild(el('strong', {text: 'Decision: ' + d.action}));
    const parts = [];
    if (d.value && Object.keys(d.value).length) parts.push(JSON.stringify(d.value));
    if (d.reviewer) parts.push('by ' + d.reviewer);
    if (d.created_at) parts.push(d.created_at);
    if (d.reason) parts.push('reason: ' + d.reason);
    if (parts.length) decision.appendChild(el('span', {text: ' ' + parts.join(' · ')}));
  }

  $('correct-form').hidden = true;
  $('add-form').hidden = true;
  $('add-for').textContent = respondentName(item);
  renderEvidence(item);
}

function renderEvidence(item) {
  const ev = item.evidence;
  const where = $('evidence-where');
  const download = $('download');
  const context = $('context');
  clear(context);
  $('page-view').hidden = true;
  if (!ev) {
    where.textContent = '(none)';
    download.hidden = true;
    return;
  }
  const bits = [ev.source];
  if (ev.part) bits.push(ev.part);
  if (ev.page) bits.push('page ' + ev.page);
  where.textContent = bits.join(' › ');
  if (ev.source_id !== null && ev.source_id !== undefined) {
    download.href = withToken('/api/source', {id: ev.source_id});
    download.setAttribute('download', '');
    download.hidden = false;
  } else {
    download.hidden = true;
  }
  context.appendChild(el('mark', {text: ev.quote || ''}));
  const id = item.id;
  api('/api/context?' + new URLSearchParams({item: id})).then((c) => {
    if (state.selected !== id) return;
    showContext(c);
  }).catch(() => { /* the quote alone stays shown */ });

  if (ev.kind === 'pdf' && !ev.part && ev.page && ev.source_id !== null && ev.source_id !== undefined) {
    showPage(item);
  }
}

// A window of the page's text around [start, end), which count code points.
function showContext(c) {
  if (!c || typeof c.text !== 'string') return;
  const chars = Array.from(c.text);
  const start = Math.max(0, Math.min(chars.length, c.start | 0));
  const end = Math.max(start, Math.min(chars.length, c.end | 0));
  const from = Math.max(0, start - 400);
  const to = Math.min(chars.length, end + 400);
  const context = $('context');
  clear(context);
  context.appendChild(document.createTextNode((from > 0 ? '…' : '') + chars.slice(from, start).join('')));
  context.appendChild(el('mark', {text: chars.slice(start, end).join('')}));
  context.appendChild(document.createTextNode(chars.slice(end, to).join('') + (to < chars.length ? '…' : '')));
}

function showPage(item) {
  const ev = item.evidence;
  const view = $('page-view');
  const frame = $('page-frame');
  const img = $('page-image');
  const note = $('page-note');
  for (const box of frame.querySelectorAll('.hl')) box.remove();
  note.textContent = '';
  view.hidden = false;
  img.onerror = () => { note.textContent = 'The page image could not be shown.'; };
  img.src = withToken('/api/page.png', {source: ev.source_id, page: ev.page});
  const id = item.id;
  const params = new URLSearchParams({source: ev.source_id, page: ev.page, item: id});
  api('/api/page-words?' + params).then((w) => {
    if (state.selected !== id) return;
    if (!w.boxes || w.boxes.length === 0) {
      note.textContent = 'The quote could not be found in this page\'s text layer (a scanned page?): see the text above.';
      return;
    }
    let first = null;
    for (const b of w.boxes) {
      // Percentages of the image, so the boxes follow it at any displayed size.
      const box = el('div', {class: 'hl', 'data-testid': 'highlight'});
      box.style.left = (100 * b.x / w.width) + '%';
      box.style.top = (100 * b.y / w.height) + '%';
      box.style.width = (100 * b.w / w.width) + '%';
      box.style.height = (100 * b.h / w.height) + '%';
      frame.appendChild(box);
      if (!first) first = box;
    }
    // Scroll only the page view, not the whole item: the facts above stay in sight.
    const scroll = () => {
      view.scrollTop = Math.max(0, frame.offsetTop + first.offsetTop - view.clientHeight / 3);
      view.scrollLeft = Math.max(0, frame.offsetLeft + first.offsetLeft - view.clientWidth / 3);
    };
    if (img.complete) scroll(); else img.addEventListener('load', scroll, {once: true});
  }).catch((e) => { note.textContent = e.message; });
}

function select(id) {
  state.selected = id;
  if (id) history.replaceState(null, '', location.pathname + location.search + '#' + encodeURIComponent(id));
  renderItem();
}

// The next (or previous) item in the queue as shown; `openOnly` skips decided ones.
function step(direction, openOnly) {
  const items = state.visible;
  if (items.length === 0) return false;
  let at = items.findIndex((i) => i.id === state.selected);
  for (let n = 0; n < items.length; ++n) {
    at = at < 0 ? (direction > 0 ? 0 : items.length - 1) : (at + direction + items.length) % items.length;
    if (!openOnly || items[at].state === 'open') {
      select(items[at].id);
      scrollQueueToSelected();
      return true;
    }
  }
  return false;
}

function scrollQueueToSelected() {
  for (const b of document.querySelectorAll('.queue-item')) {
    if (b.getAttribute('data-id') === state.selected) b.scrollIntoView({block: 'nearest'});
  }
}

// ---- decisions ----------------------------------------------------------------------------

async function decide(request) {
  if (state.busy) return;
  state.busy = true;
  showError('');
  const reason = $('reason').value.trim();
  if (reason) request.reason = reason;
  const id = state.selected;
  try {
    await api('/api/decide', request);
    $('reason').value = '';
    await loadQueue();
    const item = currentItem();
    if (request.item && item && item.id === id) {
      // The item shows its decision; the view moves on to the next open one.
      renderItem();
      step(1, true);
    } else {
      renderItem();
    }
  } catch (e) {
    showError(e.message);
  } finally {
    state.busy = false;
  }
}

function accept() {
  const item = currentItem();
  if (item) decide({item: item.id, action: 'accept'});
}

function reject() {
  const item = currentItem();
  if (item) decide({item: item.id, action: 'reject'});
}

// The value a correction field starts from, from the item as the machine coded it.
function initialValue(item, field) {
  const s = item.system || {};
  const u = item.usage || {};
  const period = u.period || {};
  switch (field) {
    case 'vendor': case 'product': case 'subspecialty': case 'deployment':
      return s[field];
    case 'status': return item.record_status;
    case 'respondent': return item.respondent;
    case 'low': case 'high': case 'per': case 'unit':
      return u[field];
    case 'period.start': return period.start;
    case 'period.end': return period.end;
  }
  return '';
}

function fieldsetFor(item) {
  if (item.target === 'usage') return 'correct-usage';
  if (item.target === 'record') return 'correct-record';
  return 'correct-system';
}

function openCorrect() {
  const item = currentItem();
  if (!item) return;
  $('add-form').hidden = true;
  const form = $('correct-form');
  const shown = fieldsetFor(item);
  for (const fs of form.querySelectorAll('fieldset')) fs.hidden = fs.id !== shown;
  for (const input of form.querySelectorAll('[data-field]')) {
    const v = initialValue(item, input.getAttribute('data-field'));
    const text = v === null || v === undefined ? '' : String(v);
    if (input.tagName === 'SELECT' && text && !Array.from(input.options).some((o) => o.value === text)) {
      input.appendChild(el('option', {value: text, text: text}));
    }
    input.value = text;
    input.setAttribute('data-initial', text);
  }
  form.hidden = false;
  const first = $(shown).querySelector('input, select');
  if (first) first.focus();
}

function saveCorrection(event) {
  event.preventDefault();
  const item = currentItem();
  if (!item) return;
  const value = {};
  const fieldset = $(fieldsetFor(item));
  for (const input of fieldset.querySelectorAll('[data-field]')) {
    if (input.value === input.getAttribute('data-initial')) continue;
    const field = input.getAttribute('data-field');
    let v = input.value.trim();
    if (field === 'low' || field === 'high') v = v === '' ? null : Number(v);
    if (field.startsWith('period.')) {
      value.period = value.period || {
        start: $('correct-period-start').value || null,
        end: $('correct-period-end').value || null,
      };
      continue;
    }
    value[field] = v === '' ? null : v;
  }
  if (Object.keys(value).length === 0) {
    showError('Nothing was changed: edit a field, or press Accept.');
    return;
  }
  decide({item: item.id, action: 'correct', value: value});
}

function openAdd() {
  const item = currentItem();
  if (!item) return;
  $('correct-form').hidden = true;
  for (const id of ['add-vendor', 'add-product', 'add-subspecialty']) $(id).value = '';
  $('add-deployment').value = '';
  $('add-form').hidden = false;
  $('add-vendor').focus();
}

function saveAdd(event) {
  event.preventDefault();
  const item = currentItem();
  if (!item) return;
  const value = {};
  for (const field of ['vendor', 'product', 'subspecialty', 'deployment']) {
    const v = $('add-' + field).value.trim();
    if (v) value[field] = v;
  }
  decide({record: item.record, action: 'add', value: value});
}

// ---- set-up ---------------------------------------------------------------------------------

function onKey(event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const t = event.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) {
    if (event.key === 'Escape') {
      $('correct-form').hidden = true;
      $('add-form').hidden = true;
      t.blur();
    }
    return;
  }
  const actions = {
    a: accept, c: openCorrect, r: reject,
    n: () => step(1, false), j: () => step(1, false),
    p: () => step(-1, false), k: () => step(-1, false),
  };
  const action = actions[event.key];
  if (action) {
    event.preventDefault();
    action();
  }
}

function renderNames() {
  const n = state.names || {};
  fillDatalist($('names-vendors'), n.vendors);
  fillDatalist($('names-products'), (n.products || []).map((p) => (typeof p === 'string' ? p : p.name)));
  fillDatalist($('names-subspecialties'), n.subspecialties);
  fillDatalist($('names-organisations'), n.organisations);
  fillOptions($('correct-deployment'), n.deployments, '(none)');
  fillOptions($('add-deployment'), n.deployments, '(none)');
  fillOptions($('correct-status'), n.statuses, '(none)');
}

async function start() {
  $('accept').addEventListener('click', accept);
  $('reject').addEventListener('click', reject);
  $('correct').addEventListener('click', openCorrect);
  $('add-system').addEventListener('click', openAdd);
  $('correct-form').addEventListener('submit', saveCorrection);
  $('add-form').addEventListener('submit', saveAdd);
  $('cancel-correction').addEventListener('click', () => { $('correct-form').hidden = true; });
  $('cancel-add').addEventListener('click', () => { $('add-form').hidden = true; });
  for (const id of ['filter-code', 'filter-respondent', 'show-decided']) {
    $(id).addEventListener('change', () => { renderQueue(); renderItem(); });
  }
  document.addEventListener('keydown', onKey);
  try {
    const [names] = await Promise.all([api('/api/names'), loadQueue()]);
    state.names = names;
    renderNames();
    const wanted = decodeURIComponent(location.hash.slice(1));
    const items = state.queue.items || [];
    if (items.some((i) => i.id === wanted)) {
      select(wanted);
      scrollQueueToSelected();
    } else if (!step(1, true) && state.visible.length) {
      select(state.visible[0].id);
    }
    document.body.setAttribute('data-ready', 'true');
  } catch (e) {
    showError('Could not load the review queue: ' + e.message);
  }
}

document.addEventListener('DOMContentLoaded', start);

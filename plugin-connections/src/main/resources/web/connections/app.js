// The Connections page. Talks only to the public REST API under /api.
//
// Authentication: the API token lives in sessionStorage (this tab only, gone when it closes) and is
// sent as "Authorization: Bearer ..." on each call. No cookie is ever set, so the browser never
// attaches credentials on its own and there is no CSRF surface. All text from the API is put into
// the page as text (textContent, text nodes), never parsed as HTML; the CSP forbids inline scripts besides.
'use strict';

const TOKEN_KEY = 'keyway.token';
const ENV_KEY = 'keyway.environment';
const PICKER = '/api/node-types/connections.http-request/properties/connection/options';

const state = {
  connections: [],
  providers: [],
  providerFilter: null,
  tagFilter: null,
  chosen: null,
  editing: null,
};

const $ = (id) => document.getElementById(id);

function token() { return sessionStorage.getItem(TOKEN_KEY); }
function environment() { return $('environment').value; }

/** Plain-words messages for what the API or the network says. */
class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function api(method, path, body) {
  const headers = { 'X-Keyway-Environment': environment() };
  if (token()) headers.Authorization = 'Bearer ' + token();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'network', 'Cannot reach the Keyway server. Is "keyway serve" still running?');
  }
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) {
    const error = (json && json.error) || {};
    throw new ApiError(response.status, error.code || 'http_' + response.status, plainWords(response.status, error));
  }
  return json;
}

function plainWords(status, error) {
  if (status === 401) return 'Your API token was not accepted. Sign in again with a token from "keyway users add".';
  if (status === 404 && error.code === 'not_found') return 'That connection no longer exists, or it is not yours.';
  if (status === 503) return 'The connections service is not available right now. Try again in a moment.';
  if (error.message) return error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.';
  return 'The server answered with an error (HTTP ' + status + ').';
}

// ---- messages --------------------------------------------------------------------------------

function show(id, text) {
  const element = $(id);
  element.textContent = text || '';
  element.hidden = !text;
}

function failed(error, where) {
  if (error.status === 401) {
    signOut();
  }
  show(where || 'error', error.message);
}

function notify(text) {
  show('notice', text);
}

// ---- sign in ---------------------------------------------------------------------------------

function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  document.querySelectorAll('dialog[open]').forEach((d) => d.close());
  show('notice', '');
  $('app').hidden = true;
  $('top-actions').hidden = true;
  $('signin').hidden = false;
  $('token').focus();
}

async function signIn(event) {
  event.preventDefault();
  show('error', '');
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  try {
    await start();
  } catch (error) {
    failed(error);
  }
}

async function start() {
  const data = await api('GET', '/api/providers');
  state.providers = data.providers;
  $('signin').hidden = true;
  $('app').hidden = false;
  $('top-actions').hidden = false;
  await refresh();
}

// ---- the list --------------------------------------------------------------------------------

async function refresh() {
  const data = await api('GET', '/api/connections?environment=' + encodeURIComponent(environment()));
  state.connections = data.connections;
  if (state.providerFilter && !state.connections.some((c) => c.provider === state.providerFilter)) {
    state.providerFilter = null;
  }
  if (state.tagFilter && !state.connections.some((c) => c.tags.includes(state.tagFilter))) {
    state.tagFilter = null;
  }
  render();
  loadPicker().catch((error) => failed(error));
}

function providerName(id) {
  const provider = state.providers.find((p) => p.id === id);
  return provider ? provider.displayName : id;
}

function icon(providerId, element) {
  const target = element || document.createElement('span');
  target.className = 'icon';
  target.textContent = providerName(providerId).charAt(0).toUpperCase();
  // A steady colour per provider, from a small palette that keeps white text readable.
  const palette = ['#2456d6', '#7b3fa0', '#157347', '#b4531b', '#0e7490', '#a21caf', '#475569'];
  let sum = 0;
  for (const ch of providerId) sum += ch.charCodeAt(0);
  // CSSOM, not a style attribute: the CSP allows the one and refuses the other.
  target.style.backgroundColor = palette[sum % palette.length];
  target.setAttribute('aria-hidden', 'true');
  return target;
}

function render() {
  const env = $('environment');
  $('env-label').textContent = '· ' + env.options[env.selectedIndex].text;
  renderFilters();
  const visible = state.connections.filter((c) =>
    (!state.providerFilter || c.provider === state.providerFilter) &&
    (!state.tagFilter || c.tags.includes(state.tagFilter)));
  const rows = $('connection-rows');
  rows.replaceChildren(...visible.map(row));
  $('connections').hidden = visible.length === 0;
  $('empty').hidden = visible.length !== 0;
  $('empty-text').textContent = state.connections.length === 0
    ? 'No connections in ' + env.options[env.selectedIndex].text + ' yet. Create one to use it in your patterns.'
    : 'No connection matches this filter.';
}

function filterButton(label, active, onClick) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-pressed', String(active));
  button.addEventListener('click', onClick);
  item.append(button);
  return item;
}

function renderFilters() {
  const providers = [...new Set(state.connections.map((c) => c.provider))].sort();
  $('provider-filters').replaceChildren(
    filterButton('All', state.providerFilter === null, () => { state.providerFilter = null; render(); }),
    ...providers.map((id) => filterButton(providerName(id), state.providerFilter === id, () => {
      state.providerFilter = id; render();
    })));
  const tags = [...new Set(state.connections.flatMap((c) => c.tags))].sort();
  $('tag-filters').replaceChildren(...tags.map((tag) => filterButton(tag, state.tagFilter === tag, () => {
    state.tagFilter = state.tagFilter === tag ? null : tag; render();
  })));
  $('no-tags').hidden = tags.length !== 0;
}

function cell(content, label) {
  const td = document.createElement('td');
  td.dataset.label = label;
  if (typeof content === 'string') td.textContent = content; else if (content) td.append(content);
  return td;
}

function statusBadge(connection, element) {
  const badge = element || document.createElement('span');
  const active = connection.status === 'active';
  badge.className = 'status ' + (active ? 'active' : 'inactive');
  badge.textContent = active ? 'ACTIVE' : 'NOT ACTIVE';
  badge.title = active ? 'The credentials work.' : (connection.statusReason || 'The credentials need attention.');
  return badge;
}

function day(iso) { return iso ? iso.slice(0, 10) : ''; }
function moment(iso) { return iso ? iso.slice(0, 16).replace('T', ' ') + ' UTC' : 'never'; }

function row(c) {
  const tr = document.createElement('tr');
  tr.dataset.id = c.id;
  const component = document.createElement('span');
  component.className = 'component';
  component.append(icon(c.provider), document.createTextNode(' ' + providerName(c.provider)));
  const tags = document.createElement('span');
  tags.className = 'tags';
  c.tags.forEach((t) => { const tag = document.createElement('span'); tag.className = 'tag'; tag.textContent = t; tags.append(tag); });
  const edit = document.createElement('button');
  edit.type = 'button';
  edit.className = 'edit';
  edit.textContent = 'Edit';
  edit.setAttribute('aria-label', 'Edit ' + c.displayName);
  edit.addEventListener('click', () => openEdit(c));
  const created = document.createElement('time');
  created.dateTime = c.createdAt;
  created.textContent = day(c.createdAt);
  tr.append(cell(component, 'Component'), cell(c.displayName, 'Name'), cell(c.type.replace('_', ' '), 'Type'),
    cell(statusBadge(c), 'Status'), cell(tags, 'Tags'), cell(created, 'Created'),
    cell(moment(c.lastUsedAt), 'Last used'), cell(edit, ''));
  return tr;
}

// ---- the picker, as a pattern editor's inspector shows it -----------------------------------

async function loadPicker() {
  const data = await api('GET', PICKER);
  const select = $('picker');
  const previous = select.value;
  const none = new Option(data.options.length ? 'Choose a connection…' : 'No connection in this environment', '');
  select.replaceChildren(none, ...data.options.map((o) => {
    const option = new Option(o.label + (o.detail ? ' — ' + o.detail : '') + (o.status === 'not_active' ? ' (NOT ACTIVE)' : ''), o.value);
    return option;
  }));
  // A refresh keeps the choice while it is still offered.
  if (data.options.some((o) => o.value === previous)) select.value = previous;
  showPickerValue();
}

function showPickerValue() {
  $('picker-value').textContent = '"connection": ' + JSON.stringify($('picker').value);
}

// ---- create ----------------------------------------------------------------------------------

function openCreate() {
  show('notice', '');
  show('create-error', '');
  $('create-form').hidden = true;
  $('saved').hidden = true;
  $('choose-step').hidden = false;
  $('provider-search').value = '';
  renderChoices();
  if (!$('create-dialog').open) $('create-dialog').showModal();
  $('provider-search').focus();
}

function renderChoices() {
  const query = $('provider-search').value.trim().toLowerCase();
  const matches = state.providers.filter((p) =>
    p.displayName.toLowerCase().includes(query) || p.id.toLowerCase().includes(query));
  $('provider-choices').replaceChildren(...matches.map((p) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.provider = p.id;
    button.append(icon(p.id), document.createTextNode(' ' + p.displayName));
    button.addEventListener('click', () => choose(p));
    item.append(button);
    return item;
  }));
  $('no-providers').hidden = matches.length !== 0;
}

/** A labelled input for one catalogue field; secret fields are password inputs. */
function fieldInput(prefix, field, required) {
  const wrapper = document.createElement('div');
  const id = prefix + '-field-' + field.name;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = field.label + (required ? '' : ' (optional)');
  const input = document.createElement(field.allowedValues && field.allowedValues.length ? 'select' : 'input');
  input.id = id;
  input.name = field.name;
  input.dataset.field = field.name;
  if (input.tagName === 'SELECT') {
    if (!required) input.append(new Option('', ''));
    field.allowedValues.forEach((v) => input.append(new Option(v, v)));
    if (field.default) input.value = field.default;
  } else {
    input.type = field.secret ? 'password' : (field.name.includes('url') ? 'url' : 'text');
    input.autocomplete = field.secret ? 'new-password' : 'off';
    if (field.default && !field.secret) input.placeholder = field.default;
  }
  input.required = required;
  wrapper.append(label, input);
  return wrapper;
}

function choose(provider) {
  state.chosen = provider;
  $('choose-step').hidden = true;
  $('create-form').hidden = false;
  icon(provider.id, $('chosen-icon'));
  $('chosen-name').textContent = provider.displayName;
  $('create-display-name').value = provider.displayName;
  ['create-tags', 'create-base-url', 'create-allowed-hosts'].forEach((id) => { $(id).value = ''; });
  $('create-fields').replaceChildren(...provider.fields.map((f) =>
    fieldInput('create', f, f.required && !(f.default && !f.secret))));
  $('oauth-note').hidden = !provider.oauth;
  $('create-form').querySelector('details').open = false;
  $('create-display-name').focus();
}

function list(text) {
  return text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function collect(container) {
  const values = {};
  container.querySelectorAll('[data-field]').forEach((input) => {
    if (input.value !== '') values[input.dataset.field] = input.value;
  });
  return values;
}

/** One secret field and nothing else: the API-key endpoint; otherwise the credentials one. */
function usesApiKey(provider) {
  return provider.fields.length === 1 && provider.fields[0].secret &&
    (provider.authKinds.includes('api_key') || provider.authKinds.includes('bearer'));
}

async function saveNew(event) {
  event.preventDefault();
  show('create-error', '');
  const provider = state.chosen;
  const values = collect($('create-fields'));
  const body = { provider: provider.id, displayName: $('create-display-name').value.trim() || undefined,
    environmentId: environment(), tags: list($('create-tags').value) };
  const baseUrl = $('create-base-url').value.trim();
  const hosts = list($('create-allowed-hosts').value);
  if (baseUrl) body.baseUrl = baseUrl;
  if (hosts.length) body.allowedHosts = hosts;
  let path = '/api/connections/credentials';
  if (usesApiKey(provider)) {
    path = '/api/connections/api-key';
    body.apiKey = values[provider.fields[0].name];
  } else {
    body.credentials = values;
  }
  $('create-save').disabled = true;
  try {
    const created = await api('POST', path, body);
    // The key is gone from the page for good: the inputs are removed, not just emptied.
    $('create-fields').replaceChildren();
    $('create-form').hidden = true;
    $('saved-name').textContent = created.displayName;
    const names = created.seedResult ? created.seedResult.secretNames : [];
    $('saved-secrets').textContent = names.length ? names.join(', ') : 'none';
    $('saved').hidden = false;
    $('saved-done').focus();
    await refresh();
  } catch (error) {
    failed(error, 'create-error');
  } finally {
    $('create-save').disabled = false;
  }
}

// ---- edit, test, delete ----------------------------------------------------------------------

function openEdit(connection) {
  show('notice', '');
  state.editing = connection;
  show('edit-error', '');
  show('test-result', '');
  $('confirm-delete').hidden = true;
  const provider = state.providers.find((p) => p.id === connection.provider) || { fields: [] };
  icon(connection.provider, $('edit-icon'));
  $('edit-provider').textContent = providerName(connection.provider) + ' · ' + connection.displayName;
  statusBadge(connection, $('edit-status'));
  $('edit-display-name').value = connection.displayName;
  $('edit-tags').value = connection.tags.join(', ');
  $('edit-fields').replaceChildren(...provider.fields.map((f) => fieldInput('edit', f, false)));
  // An OAuth connection's tokens come from the authorization flow, not from a form.
  $('reconnect-note').hidden = connection.type !== 'oauth';
  $('edit-credentials').hidden = connection.type === 'oauth';
  $('edit-dialog').showModal();
  $('edit-display-name').focus();
}

async function saveEdit(event) {
  event.preventDefault();
  show('edit-error', '');
  const connection = state.editing;
  const provider = state.providers.find((p) => p.id === connection.provider);
  const values = collect($('edit-fields'));
  const body = { displayName: $('edit-display-name').value.trim(), tags: list($('edit-tags').value) };
  if (Object.keys(values).length) {
    if (provider && usesApiKey(provider)) body.apiKey = values[provider.fields[0].name];
    else body.credentials = values;
  }
  try {
    await api('PATCH', '/api/connections/' + encodeURIComponent(connection.id), body);
    $('edit-fields').replaceChildren();
    $('edit-dialog').close();
    notify('Saved ' + body.displayName + '.');
    await refresh();
  } catch (error) {
    failed(error, 'edit-error');
  }
}

async function testConnection() {
  const connection = state.editing;
  show('edit-error', '');
  show('test-result', 'Testing…');
  try {
    const result = await api('POST', '/api/connections/' + encodeURIComponent(connection.id) + '/test');
    const passed = result.status === 'active';
    $('test-result').className = 'banner ' + (passed ? 'notice' : 'error');
    show('test-result', passed ? 'Test passed: the credentials work. Status is ACTIVE.'
      : 'Test failed: ' + (result.message || result.statusReason || 'the provider refused the credentials') + '. Status is NOT ACTIVE.');
    connection.status = result.status;
    connection.statusReason = result.statusReason;
    statusBadge(connection, $('edit-status'));
    await refresh();
  } catch (error) {
    show('test-result', '');
    failed(error, 'edit-error');
  }
}

async function askDelete() {
  const connection = state.editing;
  $('confirm-text').textContent = 'Checking which patterns use "' + connection.displayName + '"…';
  $('confirm-delete').hidden = false;
  $('confirm-no').focus();
  let users;
  try {
    users = await patternsUsing(connection);
  } catch (error) {
    users = null;
  }
  const consequence = ' will fail at the node that needs it until they are pointed at another connection.';
  let text = 'Delete "' + connection.displayName + '"? ';
  if (users === null) text += 'The stored patterns could not be checked; any that use it' + consequence;
  else if (users.length === 0) text += 'No stored pattern names it.';
  else text += 'Patterns that use it: ' + users.join(', ') + '. They' + consequence;
  $('confirm-text').textContent = text;
}

/** Stored patterns whose file names the connection, by id or as "provider/Display Name". */
async function patternsUsing(connection) {
  const data = await api('GET', '/api/patterns');
  const references = [JSON.stringify(connection.id), JSON.stringify(connection.provider + '/' + connection.displayName)];
  const names = [];
  for (const pattern of data.patterns.slice(0, 100)) {
    const source = await api('GET', '/api/patterns/' + encodeURIComponent(pattern.id));
    const text = JSON.stringify(source);
    if (references.some((r) => text.includes(r))) names.push(pattern.name || pattern.id);
  }
  return names;
}

async function confirmDelete() {
  const connection = state.editing;
  try {
    await api('DELETE', '/api/connections/' + encodeURIComponent(connection.id));
    $('edit-dialog').close();
    notify('Deleted ' + connection.displayName + '.');
    await refresh();
  } catch (error) {
    failed(error, 'edit-error');
  }
}

// ---- wiring ----------------------------------------------------------------------------------

function closeDialog(event) {
  const dialog = event.target.closest('dialog');
  $('create-fields').replaceChildren();
  $('edit-fields').replaceChildren();
  dialog.close();
}

document.addEventListener('DOMContentLoaded', () => {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('environment').value = sessionStorage.getItem(ENV_KEY) || 'development';
  $('environment').addEventListener('change', () => {
    sessionStorage.setItem(ENV_KEY, environment());
    state.providerFilter = null;
    state.tagFilter = null;
    show('notice', '');
    refresh().catch((error) => failed(error));
  });
  $('new-connection').addEventListener('click', openCreate);
  $('empty-new').addEventListener('click', openCreate);
  $('provider-search').addEventListener('input', renderChoices);
  $('change-provider').addEventListener('click', () => { $('create-fields').replaceChildren(); openCreate(); });
  $('create-form').addEventListener('submit', saveNew);
  $('edit-form').addEventListener('submit', saveEdit);
  $('edit-test').addEventListener('click', testConnection);
  $('edit-delete').addEventListener('click', askDelete);
  $('confirm-yes').addEventListener('click', confirmDelete);
  $('confirm-no').addEventListener('click', () => { $('confirm-delete').hidden = true; $('edit-delete').focus(); });
  document.querySelectorAll('dialog .cancel').forEach((b) => b.addEventListener('click', closeDialog));
  // Escape closes a dialog natively; the typed secrets go with it.
  document.querySelectorAll('dialog').forEach((d) => d.addEventListener('close', () => {
    $('create-fields').replaceChildren();
    $('edit-fields').replaceChildren();
  }));
  $('picker').addEventListener('change', showPickerValue);
  if (token()) {
    start().catch((error) => failed(error));
  } else {
    signOut();
  }
});

import '../../styles/base.css';
import './admin.css';
import { api, ApiError, type Centre, type Me } from '../../lib/api';
import { byId, guarded, h, replace } from '../../lib/dom';
import { jalaliDay } from '../../lib/format';
import { LANGS, localName } from '../../lib/i18n';
import { param, Screen } from '../../lib/page';
import { currentStaff, signInForm, signOut } from '../../lib/session';

// Administration: the centre (services, desks, opening hours), slot templates, holidays, staff
// accounts and device tokens. Every change goes through the API and is answered there.

interface Staff { username: string; role: string; disabled: boolean }
interface Device { deviceId: string; kind: string; centreId: string; revoked: boolean; issuedAt: string }
interface Holiday { date: string; jalaliDate: string; names: Record<string, string>; source: string }

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const base = `/api/centres/${encodeURIComponent(centreId)}`;
const app = byId('app');
let me: Me | null = null;
let centre: Centre | null = null;
let staff: Staff[] = [];
let devices: Device[] = [];
let holidays: Holiday[] = [];
let issuedToken = '';
const notes: Record<string, { text: string; error: boolean }> = {};

async function load(): Promise<void> {
  [centre, staff, devices, holidays] = await Promise.all([
    api<Centre>(base), api<Staff[]>('/api/admin/staff'), api<Device[]>('/api/admin/devices'), api<Holiday[]>(`${base}/holidays`),
  ]);
  render();
}

/** Runs a change from a button, then reloads; the section shows the server's answer. */
function change(section: string, button: HTMLButtonElement, action: () => Promise<unknown>): void {
  void guarded(button, async () => {
    try {
      await action();
      notes[section] = { text: screen.t('saved'), error: false };
      await load();
    } catch (e) {
      notes[section] = { text: e instanceof ApiError ? e.message : screen.t('retry'), error: true };
      render();
    }
  });
}

function note(section: string): HTMLElement | null {
  const n = notes[section];
  return n ? h('p', { class: n.error ? 'error' : 'notice', role: n.error ? 'alert' : 'status' }, n.text) : null;
}

function field(id: string, label: string, input: HTMLElement): HTMLElement {
  return h('div', {}, h('label', { for: id }, label), input);
}

function staffSection(): HTMLElement {
  const t = screen.t;
  const user = h('input', { id: 'new-username', autocomplete: 'off', dir: 'ltr' });
  const pass = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', dir: 'ltr' });
  const role = h('select', { id: 'new-role' }, ...['DESK', 'SUPERVISOR', 'ADMIN'].map((r) => h('option', { value: r }, r)));
  const create: HTMLButtonElement = h('button', { type: 'submit' }, t('create'));
  return h('section', { class: 'card', id: 'staff', 'aria-labelledby': 'staff-title' }, h('h2', { id: 'staff-title' }, t('staff')),
    h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('username')), h('th', { scope: 'col' }, t('role')), h('th', { scope: 'col' }, ''))),
      h('tbody', {}, ...staff.map((s) => {
        const toggle: HTMLButtonElement = h('button', { type: 'button', class: 'secondary', onclick: () => change('staff', toggle,
          () => api(`/api/admin/staff/${encodeURIComponent(s.username)}`, { method: 'PUT', body: { disabled: !s.disabled } })) },
          s.disabled ? '✓' : '⨯');
        toggle.setAttribute('aria-label', `${s.username} ${s.disabled ? 'enable' : 'disable'}`);
        return h('tr', { 'data-username': s.username, class: s.disabled ? 'disabled' : '' }, h('td', { dir: 'ltr' }, s.username), h('td', {}, s.role), h('td', {}, toggle));
      }))),
    h('form', { class: 'row', onsubmit: (e: Event) => {
      e.preventDefault();
      change('staff', create, () => api('/api/admin/staff', { body: { username: user.value.trim(), password: pass.value, role: role.value } }));
    } }, field('new-username', t('username'), user), field('new-password', t('password'), pass), field('new-role', t('role'), role), create),
    note('staff'));
}

function devicesSection(): HTMLElement {
  const t = screen.t;
  const id = h('input', { id: 'new-device', autocomplete: 'off', dir: 'ltr' });
  const kind = h('select', { id: 'new-kind' }, ...['KIOSK', 'DISPLAY'].map((k) => h('option', { value: k }, k)));
  const issue: HTMLButtonElement = h('button', { type: 'submit' }, t('issue'));
  return h('section', { class: 'card', id: 'devices', 'aria-labelledby': 'devices-title' }, h('h2', { id: 'devices-title' }, t('devices')),
    h('table', {}, h('tbody', {}, ...devices.map((d) => {
      const revoke: HTMLButtonElement = h('button', { type: 'button', class: 'danger', disabled: d.revoked, onclick: () => change('devices', revoke,
        () => api(`/api/admin/devices/${encodeURIComponent(d.deviceId)}`, { method: 'DELETE' })) }, t('revoke'));
      return h('tr', { 'data-device': d.deviceId }, h('td', { dir: 'ltr' }, d.deviceId), h('td', {}, d.kind), h('td', {}, d.centreId),
        h('td', {}, d.revoked ? '—' : revoke));
    }))),
    h('form', { class: 'row', onsubmit: (e: Event) => {
      e.preventDefault();
      change('devices', issue, async () => {
        const issued = await api<{ token: string }>('/api/admin/devices', { body: { deviceId: id.value.trim(), kind: kind.value, centreId } });
        issuedToken = issued.token;
      });
    } }, field('new-device', 'id', id), field('new-kind', t('kind'), kind), issue),
    issuedToken ? h('p', { class: 'token' }, t('tokenOnce'), ' ', h('code', { dir: 'ltr' }, issuedToken)) : null,
    note('devices'));
}

function holidaysSection(): HTMLElement {
  const t = screen.t;
  const date = h('input', { id: 'holiday-date', type: 'date', dir: 'ltr' });
  const names = LANGS.map((l) => h('input', { id: `holiday-${l}`, lang: l, dir: l === 'en' ? 'ltr' : 'rtl' }));
  const declare: HTMLButtonElement = h('button', { type: 'submit' }, t('declare'));
  return h('section', { class: 'card', id: 'holidays', 'aria-labelledby': 'holidays-title' }, h('h2', { id: 'holidays-title' }, t('holidays')),
    h('table', {}, h('tbody', {}, ...holidays.map((x) => {
      const lift: HTMLButtonElement = h('button', { type: 'button', class: 'secondary', onclick: () => change('holidays', lift,
        () => api(`${base}/holidays/${x.date}`, { method: 'DELETE' })) }, t('lift'));
      return h('tr', { 'data-date': x.date }, h('td', {}, jalaliDay(x.date, screen.lang)), h('td', {}, localName(x.names, screen.lang)),
        h('td', {}, x.source), h('td', {}, x.source === 'national' ? '' : lift));
    }))),
    h('form', { class: 'row', onsubmit: (e: Event) => {
      e.preventDefault();
      change('holidays', declare, () => api(`${base}/holidays/${date.value}`, { method: 'PUT',
        body: { names: Object.fromEntries(LANGS.map((l, i) => [l, names[i].value.trim()])) } }));
    } }, field('holiday-date', t('date'), date), ...LANGS.map((l, i) => field(`holiday-${l}`, `${t('holidays')} (${l})`, names[i])), declare),
    note('holidays'));
}

/** A JSON editor for a structured setting, answered by the API's own validation. */
function jsonEditor(section: string, title: string, load: () => Promise<unknown>, save: (value: unknown) => Promise<unknown>): HTMLElement {
  const t = screen.t;
  const area = h('textarea', { id: `${section}-json`, rows: 14, dir: 'ltr', spellcheck: 'false' });
  const saveButton: HTMLButtonElement = h('button', { type: 'submit' }, t('save'));
  void load().then((v) => { area.value = JSON.stringify(v, null, 2); }).catch(() => {});
  return h('section', { class: 'card', id: section, 'aria-labelledby': `${section}-title` }, h('h2', { id: `${section}-title` }, title),
    h('form', { onsubmit: (e: Event) => {
      e.preventDefault();
      let value: unknown;
      try {
        value = JSON.parse(area.value);
      } catch (err) {
        notes[section] = { text: String(err), error: true };
        render();
        return;
      }
      change(section, saveButton, () => save(value));
    } }, h('label', { for: `${section}-json` }, title), area, h('div', { class: 'row' }, saveButton)),
    note(section));
}

let templateService = '';

function render(): void {
  const t = screen.t;
  document.title = `${t('adminTitle')} · ${t('appName')}`;
  const header = h('header', { class: 'bar' }, h('h1', {}, `${t('adminTitle')} · ${centre ? localName(centre.names, screen.lang, centreId) : centreId}`),
    screen.languagePicker(),
    me ? h('button', { type: 'button', class: 'secondary', onclick: async () => { await signOut(); location.reload(); } }, t('signOut')) : null);
  if (!me || !centre) {
    replace(app, header, h('main', {}, me ? h('p', {}, t('loading')) : signInForm(screen, (m) => { me = m; void load(); })));
    return;
  }
  templateService ||= centre.services[0]?.code ?? '';
  const serviceSelect = h('select', { id: 'template-service', onchange: (e: Event) => { templateService = (e.target as HTMLSelectElement).value; render(); } },
    ...centre.services.map((s) => h('option', { value: s.code, selected: s.code === templateService }, localName(s.names, screen.lang, s.code))));
  replace(app, header, h('main', {},
    h('nav', { 'aria-label': t('adminTitle') }, h('ul', { class: 'toc' }, ...[['centre', `${t('services')} · ${t('desks')} · ${t('openingHours')}`],
      ['template', t('slotTemplate')], ['holidays', t('holidays')], ['staff', t('staff')], ['devices', t('devices')]]
      .map(([id, label]) => h('li', {}, h('a', { href: `#${id}` }, label))))),
    jsonEditor('centre', `${t('services')} · ${t('desks')} · ${t('openingHours')}`, () => api(base),
      (value) => api(base, { method: 'PUT', body: value })),
    h('div', { class: 'row' }, h('label', { for: 'template-service' }, t('service')), serviceSelect),
    jsonEditor('template', `${t('slotTemplate')}`, async () => (await api<{ template: unknown }>(`${base}/services/${templateService}/slot-template`)).template,
      (value) => api(`${base}/services/${templateService}/slot-template`, { method: 'PUT', body: value })),
    holidaysSection(), staffSection(), devicesSection()));
}

screen.onLang(render);
render();
currentStaff().then((m) => { me = m; if (me) void load().catch(() => render()); else render(); }).catch(() => render());

import '../../styles/base.css';
import './admin.css';
import {
  api,
  apiVersioned,
  deviceKinds,
  oneOf,
  staffRoles,
  type Centre,
  type DefineResponse,
  type DeviceView as Device,
  type HolidayRequest,
  type HolidayView as Holiday,
  type IssuedDevice,
  type Me,
  type NewDevice,
  type NewStaff,
  type SlotTemplate,
  type StaffChange,
  type StaffView as Staff,
  type TemplateResponse,
} from '../../lib/api';
import { byId, guarded, h, replace } from '../../lib/dom';
import { jalaliDay, number, SEPARATOR } from '../../lib/format';
import { LANG_NAMES, LANGS, localName } from '../../lib/i18n';
import { jalaliDateField } from '../../lib/jalali-picker';
import { holidaySourceLabel, roleLabel } from '../../lib/labels';
import { param, Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { currentStaff, signInForm, signOut } from '../../lib/session';
import { readUntilShown } from '../../lib/settle';
import { AuditLog } from './audit';
import { askFirst } from './confirm';
import { centreForm, formCheckNote, namesFields, submitChecked, templateForm } from './forms';
import { VisitorMessages } from './messages';
import { voiceSection } from './voice';

// Administration: the centre (services, desks, opening hours), slot templates, holidays, staff
// accounts and device tokens. Every change goes through the API and is answered there.

const screen = new Screen();
const centreId = param('centre') ?? 'persian-gulf';
const base = `/api/centres/${encodeURIComponent(centreId)}`;
const app = byId('app');
let me: Me | null = null;
let centre: Centre | null = null;
/** The version of the profile read (its ETag): a save made to it is refused if it changed meanwhile. */
let centreVersion: string | null = null;
let staff: Staff[] = [];
let devices: Device[] = [];
let holidays: Holiday[] = [];
let issuedToken = '';
const notes: Record<string, { text: string; error: boolean }> = {};
/** The audit section, made once: what it has read survives the page's re-renders. */
let audit: AuditLog | null = null;
/** The visitors' SMS texts, made once: drafts being typed survive the page's re-renders. */
let messages: VisitorMessages | null = null;
/** Why the centre's first read failed (said with a way to try again, never an endless "loading"). */
let loadFailure: unknown = null;

async function load(): Promise<void> {
  let read: { data: Centre; version: string | null };
  [read, staff, devices, holidays] = await Promise.all([
    apiVersioned<Centre>(base),
    api<Staff[]>('/api/admin/staff'),
    api<Device[]>('/api/admin/devices'),
    api<Holiday[]>(`${base}/holidays`),
  ]);
  [centre, centreVersion] = [read.data, read.version];
  loadFailure = null;
  render();
}

/** The first read of the centre after a sign-in; a failure is shown with a button to read again. */
function firstLoad(): void {
  void load().catch((e: unknown) => {
    loadFailure = e;
    render();
  });
}

/** Sends the profile back with the version it was made to. */
function saveProfile(profile: Centre): Promise<DefineResponse> {
  return api<DefineResponse>(base, {
    method: 'PUT',
    body: profile satisfies Centre,
    headers: centreVersion ? { 'If-Match': centreVersion } : {},
  });
}

/** Administrators only: anyone else signed in is told so, not shown the sign-in form again. */
const isAdmin = (m: Me | null) => m?.role === 'ADMIN';

/**
 * Runs a change from a button, then reloads until `shown` holds (the calendar and the centre
 * catalog are read models that follow the change a moment later); the section shows the answer.
 */
function change(
  section: string,
  button: HTMLButtonElement,
  action: () => Promise<unknown>,
  shown: () => boolean = () => true,
): void {
  void guarded(button, async () => {
    try {
      await action();
      notes[section] = { text: screen.t('saved'), error: false };
      await readUntilShown(load, shown, 150);
      render(); // a draft dropped by the last read is cloned again from what was read
    } catch (e) {
      notes[section] = { text: refusalMessage(e, screen.lang, { centre, timeZone: centre?.timeZone }), error: true };
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
  const role = h('select', { id: 'new-role' }, ...staffRoles.map((r) => h('option', { value: r }, roleLabel(r, t))));
  const create: HTMLButtonElement = h('button', { type: 'submit' }, t('create'));
  return h(
    'section',
    { class: 'card', id: 'staff', 'aria-labelledby': 'staff-title' },
    h('h2', { id: 'staff-title' }, t('staff')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('username')),
          h('th', { scope: 'col' }, t('role')),
          h('th', { scope: 'col' }, t('actions')),
        ),
      ),
      h(
        'tbody',
        {},
        ...staff.map((s) => {
          const toggle: HTMLButtonElement = h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: () =>
                change('staff', toggle, () =>
                  api(`/api/admin/staff/${encodeURIComponent(s.username)}`, {
                    method: 'PUT',
                    body: { disabled: !s.disabled } satisfies StaffChange,
                  }),
                ),
            },
            s.disabled ? '✓' : '⨯',
          );
          toggle.setAttribute('aria-label', `${s.username}: ${t(s.disabled ? 'enable' : 'disable')}`);
          return h(
            'tr',
            { 'data-username': s.username, class: s.disabled ? 'disabled' : '' },
            h('td', { dir: 'ltr' }, s.username),
            h('td', { 'data-role': s.role }, roleLabel(s.role, t)),
            h('td', {}, toggle),
          );
        }),
      ),
    ),
    h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const chosenRole = oneOf(staffRoles, role.value); // always one: the select offers no other
          if (!chosenRole) return;
          change('staff', create, () =>
            api('/api/admin/staff', {
              body: { username: user.value.trim(), password: pass.value, role: chosenRole } satisfies NewStaff,
            }),
          );
        },
      },
      field('new-username', t('username'), user),
      field('new-password', t('password'), pass),
      field('new-role', t('role'), role),
      create,
    ),
    note('staff'),
  );
}

function devicesSection(): HTMLElement {
  const t = screen.t;
  const id = h('input', { id: 'new-device', autocomplete: 'off', dir: 'ltr' });
  const kind = h('select', { id: 'new-kind' }, ...deviceKinds.map((k) => h('option', { value: k }, roleLabel(k, t))));
  const issue: HTMLButtonElement = h('button', { type: 'submit' }, t('issue'));
  return h(
    'section',
    { class: 'card', id: 'devices', 'aria-labelledby': 'devices-title' },
    h('h2', { id: 'devices-title' }, t('devices')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h('tr', {}, ...[t('deviceId'), t('kind'), t('centre'), t('actions')].map((c) => h('th', { scope: 'col' }, c))),
      ),
      h(
        'tbody',
        {},
        ...devices.map((d) => {
          const revoke: HTMLButtonElement = h(
            'button',
            {
              type: 'button',
              class: 'danger',
              disabled: d.revoked,
              onclick: async () => {
                if (!(await askFirst(screen, t('confirmRevoke', { device: d.deviceId })))) return;
                change('devices', revoke, () =>
                  api(`/api/admin/devices/${encodeURIComponent(d.deviceId)}`, { method: 'DELETE' }),
                );
              },
            },
            t('revoke'),
          );
          return h(
            'tr',
            { 'data-device': d.deviceId },
            h('td', { dir: 'ltr' }, d.deviceId),
            h('td', { 'data-kind': d.kind }, roleLabel(d.kind, t)),
            h('td', {}, d.centreId),
            h('td', {}, d.revoked ? '—' : revoke),
          );
        }),
      ),
    ),
    h(
      'form',
      {
        class: 'row',
        onsubmit: (e: Event) => {
          e.preventDefault();
          const chosenKind = oneOf(deviceKinds, kind.value); // always one: the select offers no other
          if (!chosenKind) return;
          change('devices', issue, async () => {
            const issued = await api<IssuedDevice>('/api/admin/devices', {
              body: { deviceId: id.value.trim(), kind: chosenKind, centreId } satisfies NewDevice,
            });
            issuedToken = issued.token;
          });
        },
      },
      field('new-device', t('deviceId'), id),
      field('new-kind', t('kind'), kind),
      issue,
    ),
    issuedToken ? h('p', { class: 'token' }, t('tokenOnce'), ' ', h('code', { dir: 'ltr' }, issuedToken)) : null,
    note('devices'),
  );
}

function holidaysSection(): HTMLElement {
  const t = screen.t;
  const date = jalaliDateField(screen, 'holiday-date', centre?.timeZone ?? 'Asia/Tehran');
  date.input.required = true;
  const names: Record<string, string> = {};
  const declare: HTMLButtonElement = h('button', { type: 'submit' }, t('declare'));
  return h(
    'section',
    { class: 'card', id: 'holidays', 'aria-labelledby': 'holidays-title' },
    h('h2', { id: 'holidays-title' }, t('holidays')),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...[t('date'), t('holidays'), t('holidaySource'), t('actions')].map((c) => h('th', { scope: 'col' }, c)),
        ),
      ),
      h(
        'tbody',
        {},
        ...holidays.map((x) => {
          const lift: HTMLButtonElement = h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async () => {
                if (!(await askFirst(screen, t('confirmLift', { date: jalaliDay(x.date, screen.lang) })))) return;
                change(
                  'holidays',
                  lift,
                  () => api(`${base}/holidays/${x.date}`, { method: 'DELETE' }),
                  () => !holidays.some((y) => y.date === x.date && y.source === x.source),
                );
              },
            },
            t('lift'),
          );
          return h(
            'tr',
            { 'data-date': x.date, 'data-source': x.source },
            h('td', {}, jalaliDay(x.date, screen.lang)),
            h('td', {}, localName(x.names, screen.lang)),
            h('td', {}, holidaySourceLabel(x.source, t)),
            h('td', {}, lift),
          );
        }),
      ),
    ),
    h(
      'form',
      {
        novalidate: true,
        onsubmit: submitChecked(screen, () => {
          const day = date.value();
          if (!day) return; // a required field, checked before
          change(
            'holidays',
            declare,
            () =>
              api(`${base}/holidays/${day}`, {
                method: 'PUT',
                body: {
                  names: Object.fromEntries(LANGS.map((l) => [l, (names[l] ?? '').trim()]).filter(([, n]) => n !== '')),
                } satisfies HolidayRequest,
              }),
            () => holidays.some((y) => y.date === day && y.source === 'centre'),
          );
        }),
      },
      h('div', { class: 'field' }, h('label', { for: 'holiday-date' }, t('holidayDate')), date.element),
      h(
        'fieldset',
        { class: 'group names' },
        h('legend', {}, t('holidays')),
        h('div', { class: 'item' }, ...namesFields(screen, 'holiday', names, 'holidayNameIn')),
      ),
      formCheckNote(),
      h('div', { class: 'row' }, declare),
    ),
    note('holidays'),
  );
}

let templateService = '';
let profileDraft: Centre | null = null;
let templateDraft: { service: string; template: SlotTemplate } | null = null;

function centreSection(): HTMLElement {
  const t = screen.t;
  const title = `${t('services')}${SEPARATOR}${t('desks')}${SEPARATOR}${t('openingHours')}`;
  profileDraft ??= structuredClone(centre!);
  const saveButton: HTMLButtonElement = h('button', { type: 'submit', id: 'save-centre' }, t('save'));
  const draft = profileDraft;
  return h(
    'section',
    { class: 'card', id: 'centre', 'aria-labelledby': 'centre-title' },
    h('h2', { id: 'centre-title' }, title),
    centreForm(
      screen,
      draft,
      () => {
        const before = JSON.stringify(centre);
        let changed = false;
        change(
          'centre',
          saveButton,
          async () => {
            changed = (await saveProfile(draft)).changed;
            profileDraft = null; // shown again from the catalog
          },
          () => {
            const shown = !changed || JSON.stringify(centre) !== before;
            // a draft cloned from the catalog before it caught up would save the old profile again
            if (!shown) profileDraft = null;
            return shown;
          },
        );
      },
      saveButton,
    ),
    note('centre'),
  );
}

function templateSection(): HTMLElement {
  const t = screen.t;
  const serviceSelect = h(
    'select',
    {
      id: 'template-service',
      onchange: (e: Event) => {
        templateService = (e.target as HTMLSelectElement).value;
        templateDraft = null;
        render();
      },
    },
    ...centre!.services.map((s) =>
      h('option', { value: s.code, selected: s.code === templateService }, localName(s.names, screen.lang, s.code)),
    ),
  );
  const saveButton: HTMLButtonElement = h('button', { type: 'submit', id: 'save-template' }, t('save'));
  const body = h('div', {}, h('p', {}, t('loading')));
  const path = `${base}/services/${encodeURIComponent(templateService)}/slot-template`;
  const show = () => {
    const draft = templateDraft!.template;
    replace(
      body,
      templateForm(
        screen,
        draft,
        () =>
          change('template', saveButton, () =>
            api<TemplateResponse>(path, { method: 'PUT', body: draft satisfies SlotTemplate }),
          ),
        saveButton,
      ),
    );
  };
  if (templateDraft?.service === templateService) {
    show();
  } else {
    const asked = templateService;
    api<TemplateResponse>(path)
      .then((r) => {
        if (asked !== templateService) return; // another service was chosen meanwhile
        templateDraft = { service: asked, template: r.template };
        show();
      })
      .catch((e) =>
        replace(
          body,
          h('p', { class: 'error' }, refusalMessage(e, screen.lang, { centre, timeZone: centre?.timeZone })),
        ),
      );
  }
  return h(
    'section',
    { class: 'card', id: 'template', 'aria-labelledby': 'template-title' },
    h('h2', { id: 'template-title' }, t('slotTemplate')),
    h('div', { class: 'row' }, h('label', { for: 'template-service' }, t('service')), serviceSelect),
    body,
    note('template'),
  );
}

/** The languages a centre's displays say each call in, in order (up to all four). */
function announcementLanguagesForm(): HTMLElement {
  const t = screen.t;
  const current = centre!.announcementLanguages ?? [];
  const selects = LANGS.map((_, i) =>
    h(
      'select',
      { id: `announce-lang-${i}` },
      h('option', { value: '' }, t('noLanguage')),
      ...LANGS.map((l) => h('option', { value: l, selected: current[i] === l, lang: l }, LANG_NAMES[l])),
    ),
  );
  const saveButton: HTMLButtonElement = h('button', { type: 'submit', id: 'save-announcement-languages' }, t('save'));
  return h(
    'form',
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        const wanted = selects.map((s) => s.value).filter((v) => v !== '');
        change(
          'voice',
          saveButton,
          () => saveProfile({ ...centre!, announcementLanguages: wanted }),
          () => JSON.stringify(centre?.announcementLanguages) === JSON.stringify(wanted),
        );
      },
    },
    h(
      'fieldset',
      {},
      h('legend', {}, t('announcementLanguages')),
      h(
        'div',
        { class: 'row' },
        ...selects.map((s, i) => field(s.id, t('languageSlot', { n: number(i + 1, screen.lang) }), s)),
      ),
    ),
    saveButton,
    note('voice'),
  );
}

function render(): void {
  const t = screen.t;
  document.title = `${t('adminTitle')}${SEPARATOR}${t('appName')}`;
  const header = h(
    'header',
    { class: 'bar' },
    h('h1', {}, `${t('adminTitle')}${SEPARATOR}${centre ? localName(centre.names, screen.lang, centreId) : centreId}`),
    screen.languagePicker(),
    me ? h('p', { class: 'signed-in' }, t('signedInAs', { name: me.name, role: roleLabel(me.role, t) })) : null,
    me
      ? h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: async () => {
              await signOut();
              location.reload();
            },
          },
          t('signOut'),
        )
      : null,
  );
  if (me && !isAdmin(me)) {
    replace(
      app,
      header,
      h(
        'main',
        {},
        h(
          'section',
          { class: 'card', 'data-state': 'no-access' },
          h('p', { role: 'alert' }, t('noAccess', { name: me.name, role: roleLabel(me.role, t) })),
        ),
      ),
    );
    return;
  }
  if (!me || !centre) {
    replace(
      app,
      header,
      h(
        'main',
        {},
        me && loadFailure !== null
          ? h(
              'section',
              { class: 'card', 'data-state': 'load-failed' },
              h('p', { class: 'error', role: 'alert' }, refusalMessage(loadFailure, screen.lang)),
              h(
                'button',
                {
                  type: 'button',
                  onclick: () => {
                    loadFailure = null;
                    render();
                    firstLoad();
                  },
                },
                t('retry'),
              ),
            )
          : me
            ? h('p', {}, t('loading'))
            : signInForm(screen, (m) => {
                me = m;
                if (isAdmin(me)) firstLoad();
                else render();
              }),
      ),
    );
    return;
  }
  templateService ||= centre.services[0]?.code ?? '';
  replace(
    app,
    header,
    h(
      'main',
      {},
      h(
        'nav',
        { 'aria-label': t('adminTitle') },
        h(
          'ul',
          { class: 'toc' },
          ...[
            ['centre', `${t('services')}${SEPARATOR}${t('desks')}${SEPARATOR}${t('openingHours')}`],
            ['template', t('slotTemplate')],
            ['holidays', t('holidays')],
            ['staff', t('staff')],
            ['devices', t('devices')],
            ['voice', t('voiceTitle')],
            ['messages', t('smsTitle')],
            ['audit', t('auditTitle')],
          ].map(([id, label]) => h('li', {}, h('a', { href: `#${id}` }, label))),
        ),
      ),
      centreSection(),
      templateSection(),
      holidaysSection(),
      staffSection(),
      devicesSection(),
      voiceSection(screen, centre, base, announcementLanguagesForm()),
      (messages ??= new VisitorMessages(screen)).element,
      (audit ??= new AuditLog(screen, centreId, () => centre)).element,
    ),
  );
}

screen.onLang(render);
render();
currentStaff()
  .then((m) => {
    if (me) return; // signed in on the form while this first look was under way: that answer is older
    me = m;
    if (isAdmin(me)) firstLoad();
    else render();
  })
  .catch(() => render());

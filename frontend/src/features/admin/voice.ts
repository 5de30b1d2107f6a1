import type { RecordedClip } from '../../lib/announcer';
import { api, type Centre } from '../../lib/api';
import { deskName } from '../../lib/centre';
import { h, replace } from '../../lib/dom';
import { LANG_NAMES, LANGS, type Lang } from '../../lib/i18n';
import type { Screen } from '../../lib/page';
import { refusalMessage } from '../../lib/problems';
import { DEFAULT_PACK, deskClipKey, VOICE_WORDS } from '../../lib/voice-clips';

// The centre's own voice for the display's announcements: each word recorded through the
// browser's microphone (MediaRecorder), one at a time, listened to, and replaced until it is
// clear. A word the centre has not recorded is said from the default pack (Persian, English).

interface VoiceState {
  lang: Lang | null;
  recordings: RecordedClip[];
  recording: { key: string; recorder: MediaRecorder } | null;
  note: { text: string; error: boolean } | null;
  busy: boolean;
}

const state: VoiceState = { lang: null, recordings: [], recording: null, note: null, busy: false };
const body = h('div', { class: 'voice-words' });
let refresh: () => void = () => {};

/** The section's words table lives across the page's renders: a recording in progress goes on. */
export function voiceSection(screen: Screen, centre: Centre, base: string, languages: HTMLElement): HTMLElement {
  state.lang ??= (centre.announcementLanguages?.[0] as Lang | undefined) ?? screen.lang;
  const load = async () => {
    state.recordings = (await api<{ clips: RecordedClip[] }>(`${base}/voice`)).clips;
    refresh();
  };
  refresh = () => replace(body, wordsTable(screen, centre, base, load));
  if (state.recordings.length === 0 && !state.busy) void load().catch(() => refresh());
  refresh();
  const t = screen.t;
  const picker = h(
    'select',
    {
      id: 'voice-lang',
      onchange: (e: Event) => {
        state.lang = (e.target as HTMLSelectElement).value as Lang;
        state.note = null;
        refresh();
      },
    },
    ...LANGS.map((l) => h('option', { value: l, selected: l === state.lang, lang: l }, LANG_NAMES[l])),
  );
  return h(
    'section',
    { class: 'card', id: 'voice', 'aria-labelledby': 'voice-title' },
    h('h2', { id: 'voice-title' }, t('voiceTitle')),
    languages,
    h('p', {}, t('voiceHelp')),
    h('div', { class: 'row' }, h('label', { for: 'voice-lang' }, t('voiceRecordIn')), picker),
    body,
  );
}

function wordsTable(screen: Screen, centre: Centre, base: string, load: () => Promise<void>): HTMLElement {
  const t = screen.t;
  const lang = state.lang ?? screen.lang;
  const own = new Map(state.recordings.filter((r) => r.language === lang).map((r) => [r.key, r]));
  const pack = DEFAULT_PACK[lang];
  const words: [string, string][] = [
    ...Object.entries(VOICE_WORDS[lang]),
    ...centre.desks.map((d): [string, string] => [deskClipKey(d.deskId), deskName(centre, d.deskId, lang)]),
  ];
  const clipPath = (key: string) => `${base}/voice/${encodeURIComponent(lang)}/${encodeURIComponent(key)}`;
  const noteEl = state.note
    ? h(
        'p',
        { class: state.note.error ? 'error' : 'notice', role: state.note.error ? 'alert' : 'status' },
        state.note.text,
      )
    : null;
  return h(
    'div',
    {},
    noteEl,
    h(
      'table',
      { class: 'voice' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('voiceWord')),
          h('th', { scope: 'col' }, t('voiceStatus')),
          h('th', { scope: 'col' }, t('actions')),
        ),
      ),
      h(
        'tbody',
        {},
        ...words.map(([key, word]) => {
          const mine = own.get(key);
          const fromPack = !mine && pack !== null && key in VOICE_WORDS[pack];
          const recordingThis = state.recording?.key === key;
          const playUrl = mine
            ? `${clipPath(key)}?v=${encodeURIComponent(mine.version)}`
            : fromPack
              ? `/voice/${pack}/${key}.ogg`
              : null;
          return h(
            'tr',
            { 'data-clip': key, 'data-recorded': mine ? 'own' : fromPack ? 'default' : 'none' },
            h('td', { lang, dir: lang === 'en' ? 'ltr' : 'rtl' }, word),
            h('td', {}, mine ? t('voiceOwn') : fromPack ? t('voiceDefault') : t('voiceMissing')),
            h(
              'td',
              { class: 'actions' },
              h(
                'button',
                {
                  type: 'button',
                  class: recordingThis ? 'danger record' : 'record',
                  'aria-label': `${recordingThis ? t('stopRecording') : t('record')}: ${word}`,
                  disabled: state.busy || (state.recording !== null && !recordingThis),
                  onclick: () => (recordingThis ? stop() : void start(screen, key, clipPath(key), load)),
                },
                recordingThis ? t('stopRecording') : t('record'),
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'secondary play',
                  'aria-label': `${t('play')}: ${word}`,
                  disabled: playUrl === null,
                  onclick: () => {
                    if (playUrl) void new Audio(playUrl).play().catch(() => {});
                  },
                },
                t('play'),
              ),
              mine
                ? h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary remove',
                      'aria-label': `${t('voiceRemove')}: ${word}`,
                      disabled: state.busy,
                      onclick: () => void act(screen, load, () => api<unknown>(clipPath(key), { method: 'DELETE' })),
                    },
                    t('voiceRemove'),
                  )
                : null,
            ),
          );
        }),
      ),
    ),
  );
}

async function act(screen: Screen, load: () => Promise<void>, action: () => Promise<unknown>): Promise<void> {
  state.busy = true;
  refresh();
  try {
    await action();
    state.note = { text: screen.t('saved'), error: false };
    await load();
  } catch (e) {
    state.note = { text: refusalMessage(e, screen.lang), error: true };
  } finally {
    state.busy = false;
    refresh();
  }
}

async function start(screen: Screen, key: string, path: string, load: () => Promise<void>): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
    state.note = { text: screen.t('microphoneUnavailable'), error: true };
    refresh();
    return;
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    state.note = { text: screen.t('microphoneUnavailable'), error: true };
    refresh();
    return;
  }
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.onstop = () => {
    stream.getTracks().forEach((track) => track.stop());
    state.recording = null;
    const clip = new Blob(chunks, { type: recorder.mimeType || chunks[0]?.type || 'audio/webm' });
    void act(screen, load, () => api<RecordedClip>(path, { method: 'PUT', blob: clip }));
  };
  state.recording = { key, recorder };
  state.note = null;
  recorder.start();
  refresh();
}

function stop(): void {
  state.recording?.recorder.stop();
}

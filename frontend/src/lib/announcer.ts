import type { Centre } from './api';
import { deskName } from './centre';
import { isLang, translate, type Lang } from './i18n';
import { callClips, clipUrls, deskClipKey } from './voice-clips';

// Announcements of calls on the display: a chime, then the call said in each of the centre's
// announcement languages, one after another: with recorded clips played back to back where every
// clip exists (the centre's own or the default pack), else with the browser's voice where it has
// one for the language (display PCs rarely have a Persian or Pashto voice), else the chime alone.
// They queue up and never cut each other off; simultaneous calls are all announced, in order.

export interface Voice {
  /** Resolves when the text has been spoken (or could not be). */
  speak(text: string, lang: string): Promise<void>;
  /** Whether a voice exists for the language. */
  canSpeak(lang: string): boolean;
}

/** Plays clips back to back; resolves true when all were played, false when one could not be. */
export interface ClipPlayer {
  play(urls: string[]): Promise<boolean>;
}

/** A call said in one language: its text for a voice and, where every clip exists, its clips. */
export interface Announcement {
  text: string;
  lang: string;
  clips?: string[] | null;
}

export class AnnouncementQueue {
  private readonly pending: Announcement[][] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly chime: () => Promise<void>,
    private readonly voice: Voice | null,
    private readonly player: ClipPlayer | null = null,
  ) {}

  /** One chime, then each language in the order given. */
  announce(item: Announcement | Announcement[]): void {
    const parts = Array.isArray(item) ? item : [item];
    if (parts.length === 0) return;
    this.pending.push(parts);
    if (!this.running) void this.drain();
  }

  get size(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** Resolves when everything queued so far has been announced. */
  idle(): Promise<void> {
    return this.running ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0) {
      const parts = this.pending.shift()!;
      try {
        await this.chime();
      } catch {
        // a failed chime must not keep the words from being said
      }
      for (const part of parts) {
        try {
          await this.say(part);
        } catch {
          // a failed clip or voice must not stop the announcements after it
        }
      }
    }
    this.running = false;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async say(part: Announcement): Promise<void> {
    if (part.clips && part.clips.length > 0 && this.player && (await this.player.play(part.clips))) return;
    if (this.voice?.canSpeak(part.lang)) await this.voice.speak(part.text, part.lang);
  }
}

/**
 * Clips as audio elements in {@code container}, all loaded first, then played one after the other.
 * A clip that does not load or play within a few seconds ends the sequence (false).
 */
export function browserClipPlayer(container: HTMLElement, clipTimeoutMs = 6_000): ClipPlayer {
  const playOne = (audio: HTMLAudioElement) =>
    new Promise<boolean>((resolve) => {
      const finish = (ok: boolean) => {
        clearTimeout(giveUp);
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        resolve(ok);
      };
      const onEnded = () => finish(true);
      const onError = () => finish(false);
      const giveUp = setTimeout(() => finish(false), clipTimeoutMs);
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      audio.play().catch(() => finish(false));
    });
  return {
    play: async (urls) => {
      const audios = urls.map((url) => {
        const audio = new Audio();
        audio.preload = 'auto';
        audio.src = url;
        audio.dataset.clip = url;
        container.append(audio);
        return audio;
      });
      try {
        for (const audio of audios) {
          if (!(await playOne(audio))) return false;
        }
        return true;
      } finally {
        audios.forEach((a) => a.remove());
      }
    },
  };
}

/** The Web Speech API as a Voice: only when the browser has a voice for the language. */
export function browserVoice(synth: SpeechSynthesis | undefined = globalThis.speechSynthesis): Voice | null {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  const voiceFor = (lang: string) => {
    const base = lang.split('-')[0];
    return (
      synth.getVoices().find((v) => v.lang === lang) ?? synth.getVoices().find((v) => v.lang.split('-')[0] === base)
    );
  };
  return {
    canSpeak: (lang) => voiceFor(lang) !== undefined,
    speak: (text, lang) =>
      new Promise<void>((resolve) => {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        utterance.voice = voiceFor(lang) ?? null;
        // some browsers never say that they finished: the queue must not stop for that
        const giveUp = setTimeout(resolve, 4_000 + text.length * 150);
        utterance.onend = () => {
          clearTimeout(giveUp);
          resolve();
        };
        utterance.onerror = () => {
          clearTimeout(giveUp);
          resolve();
        };
        synth.speak(utterance); // queued by the browser too: never cancel() an announcement in progress
      }),
  };
}

/** A two-tone chime with the Web Audio API (no sound file to load). */
export function browserChime(): { play: () => Promise<void>; unlock: () => Promise<boolean> } {
  let context: AudioContext | null = null;
  const get = () => {
    if (!context && typeof AudioContext !== 'undefined') context = new AudioContext();
    return context;
  };
  return {
    unlock: async () => {
      const c = get();
      if (!c) return false;
      await c.resume();
      return c.state === 'running';
    },
    play: () =>
      new Promise<void>((resolve) => {
        const c = get();
        if (!c || c.state !== 'running') {
          resolve();
          return;
        }
        const notes = [659.25, 523.25];
        notes.forEach((freq, i) => {
          const osc = c.createOscillator();
          const gain = c.createGain();
          const start = c.currentTime + i * 0.35;
          osc.frequency.value = freq;
          gain.gain.setValueAtTime(0.0001, start);
          gain.gain.exponentialRampToValueAtTime(0.4, start + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.6);
          osc.connect(gain).connect(c.destination);
          osc.start(start);
          osc.stop(start + 0.65);
        });
        setTimeout(resolve, 1000);
      }),
  };
}

/** A centre's recorded word as the display sees it (GET /api/centres/{centreId}/voice). */
export interface RecordedClip {
  language: string;
  key: string;
  version: string;
}

/**
 * What a display says for a call: the call in each of the centre's announcement languages (the
 * screen's language until the centre is known), with the centre's recordings of the words, the
 * default pack for the rest, and the text for a browser voice where a word has no recording.
 */
export class CallAnnouncements {
  private own = new Map<string, string>();

  constructor(private readonly centreId: string) {}

  /** The centre's recordings; replaced whole each time, so a removed one is no longer played. */
  setRecordings(clips: readonly RecordedClip[]): void {
    const base = `/api/centres/${encodeURIComponent(this.centreId)}/voice`;
    this.own = new Map(
      clips.map((c) => [
        `${c.language}/${c.key}`,
        `${base}/${encodeURIComponent(c.language)}/${encodeURIComponent(c.key)}?v=${encodeURIComponent(c.version)}`,
      ]),
    );
  }

  languages(centre: Centre | null, screenLang: Lang): Lang[] {
    const wanted = (centre?.announcementLanguages ?? []).filter(isLang);
    return wanted.length > 0 ? wanted : [screenLang];
  }

  for(call: { ticket: string; deskId: string }, centre: Centre | null, screenLang: Lang): Announcement[] {
    const source = { centre: (lang: Lang, key: string) => this.own.get(`${lang}/${key}`) ?? null };
    return this.languages(centre, screenLang).map((lang) => {
      const keys = callClips(call.ticket, call.deskId, lang, source.centre(lang, deskClipKey(call.deskId)) !== null);
      return {
        lang,
        text: translate(lang, 'announceCall', {
          ticket: call.ticket.replace('-', ' '),
          desk: deskName(centre, call.deskId, lang),
        }),
        clips: keys ? clipUrls(keys, lang, source) : null,
      };
    });
  }
}

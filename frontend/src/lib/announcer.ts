// Announcements of calls on the display: a chime, then the spoken text where the browser has a
// voice for the language. They queue up and never cut each other off; simultaneous calls are all
// announced, in the order they came.

export interface Voice {
  /** Resolves when the text has been spoken (or could not be). */
  speak(text: string, lang: string): Promise<void>;
  /** Whether a voice exists for the language. */
  canSpeak(lang: string): boolean;
}

export interface Announcement {
  text: string;
  lang: string;
}

export class AnnouncementQueue {
  private readonly pending: Announcement[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly chime: () => Promise<void>,
    private readonly voice: Voice | null,
  ) {}

  announce(item: Announcement): void {
    this.pending.push(item);
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
      const item = this.pending.shift()!;
      try {
        await this.chime();
        if (this.voice?.canSpeak(item.lang)) await this.voice.speak(item.text, item.lang);
      } catch {
        // a failed chime or voice must not stop the announcements after it
      }
    }
    this.running = false;
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }
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

import { describe, expect, it } from 'vitest';
import { AnnouncementQueue, type ClipPlayer, type Voice } from '../src/lib/announcer';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('announcement queue', () => {
  it('announces simultaneous calls one after another, never cutting one off', async () => {
    const log: string[] = [];
    let speaking = 0;
    let overlapped = false;
    const pending: (() => void)[] = [];
    const voice: Voice = {
      canSpeak: () => true,
      speak: (text) => {
        log.push(`speak ${text}`);
        speaking++;
        if (speaking > 1) overlapped = true;
        const d = deferred();
        pending.push(() => {
          speaking--;
          d.resolve();
        });
        return d.promise;
      },
    };
    const queue = new AnnouncementQueue(async () => {
      log.push('chime');
    }, voice);
    queue.announce({ text: 'A-001 desk 1', lang: 'fa' });
    queue.announce({ text: 'B-002 desk 2', lang: 'fa' });
    queue.announce({ text: 'C-003 desk 3', lang: 'fa' });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['chime', 'speak A-001 desk 1']); // the others wait
    expect(queue.size).toBe(3);
    while (pending.length || queue.size) {
      await new Promise((r) => setTimeout(r, 0));
      pending.shift()?.();
    }
    await queue.idle();
    expect(log).toEqual(['chime', 'speak A-001 desk 1', 'chime', 'speak B-002 desk 2', 'chime', 'speak C-003 desk 3']);
    expect(overlapped).toBe(false);
  });

  it('plays the chime alone when the browser has no voice for the language', async () => {
    const log: string[] = [];
    const voice: Voice = {
      canSpeak: (lang) => lang === 'en',
      speak: async (text) => {
        log.push(text);
      },
    };
    const queue = new AnnouncementQueue(async () => {
      log.push('chime');
    }, voice);
    queue.announce({ text: 'ps call', lang: 'ps' });
    queue.announce({ text: 'en call', lang: 'en' });
    await queue.idle();
    expect(log).toEqual(['chime', 'chime', 'en call']);
  });

  it('goes on after a failing chime or voice', async () => {
    const log: string[] = [];
    let first = true;
    const queue = new AnnouncementQueue(async () => {
      if (first) {
        first = false;
        throw new Error('audio blocked');
      }
      log.push('chime');
    }, null);
    queue.announce({ text: 'one', lang: 'fa' });
    queue.announce({ text: 'two', lang: 'fa' });
    await queue.idle();
    expect(log).toEqual(['chime']);
    expect(queue.size).toBe(0);
  });

  it("says a call in each of the centre's languages in order after one chime, with clips before the voice", async () => {
    const log: string[] = [];
    const voice: Voice = {
      canSpeak: () => true,
      speak: async (text) => {
        log.push(`speak ${text}`);
      },
    };
    const player: ClipPlayer = {
      play: async (urls) => {
        log.push(`clips ${urls.join(' ')}`);
        return !urls.includes('broken');
      },
    };
    const queue = new AnnouncementQueue(
      async () => {
        log.push('chime');
      },
      voice,
      player,
    );
    queue.announce([
      { text: 'fa call', lang: 'fa', clips: ['fa1', 'fa2'] },
      { text: 'ps call', lang: 'ps', clips: ['ps1', 'broken'] }, // a clip fails: the voice says it
      { text: 'en call', lang: 'en', clips: null }, // not all clips exist: the voice says it
    ]);
    queue.announce([{ text: 'next', lang: 'fa', clips: ['fa3'] }]);
    await queue.idle();
    expect(log).toEqual([
      'chime',
      'clips fa1 fa2',
      'clips ps1 broken',
      'speak ps call',
      'speak en call',
      'chime',
      'clips fa3',
    ]);
  });

  it('plays the chime alone without clips and without a voice', async () => {
    const log: string[] = [];
    const player: ClipPlayer = {
      play: async () => {
        log.push('clips');
        return false;
      },
    };
    const queue = new AnnouncementQueue(
      async () => {
        log.push('chime');
      },
      null,
      player,
    );
    queue.announce([{ text: 'ps call', lang: 'ps', clips: ['missing'] }]);
    await queue.idle();
    expect(log).toEqual(['chime', 'clips']);
  });
});

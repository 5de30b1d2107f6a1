// Read models follow a command a moment later: after a change, a screen reads again until it
// shows the change, or until a few seconds have passed (then it shows what there is).

/** Runs `read` until `shown()` holds after it, at most `withinMs`; a failing read ends it with its error. */
export async function readUntilShown(
  read: () => Promise<void>,
  shown: () => boolean,
  everyMs: number,
  withinMs = 3_000,
): Promise<void> {
  for (let waited = 0; ; waited += everyMs) {
    await read();
    if (shown() || waited >= withinMs) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

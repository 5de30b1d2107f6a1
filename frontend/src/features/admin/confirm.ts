import { ask } from '../../lib/dialog';
import type { Screen } from '../../lib/page';

/**
 * Asks before something is removed, in the screen's language; resolves true on "yes". The safe
 * answer has the focus first, and focus returns to the button that asked.
 */
export async function askFirst(screen: Screen, question: string): Promise<boolean> {
  return (await ask(screen, { question, danger: true, kind: 'confirm' })) !== null;
}

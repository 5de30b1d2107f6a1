import { h } from '../../lib/dom';
import type { Screen } from '../../lib/page';

/**
 * Asks before something is removed: a modal dialog in the screen's language (not the browser's
 * window.confirm, whose buttons speak the browser's). Resolves true on "yes"; Escape and "no" go
 * back, and focus returns to the button that asked.
 */
export function askFirst(screen: Screen, question: string): Promise<boolean> {
  const t = screen.t;
  const asking = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  return new Promise((resolve) => {
    const no = h('button', { type: 'submit', class: 'secondary', value: 'no' }, t('confirmNo'));
    const dialog = h(
      'dialog',
      { class: 'ask', 'aria-labelledby': 'ask-question', 'data-dialog': 'confirm' },
      h(
        'form',
        { method: 'dialog' },
        h('p', { id: 'ask-question' }, question),
        h('div', { class: 'row' }, h('button', { type: 'submit', class: 'danger', value: 'yes' }, t('confirmYes')), no),
      ),
    ) as HTMLDialogElement;
    dialog.addEventListener('close', () => {
      const yes = dialog.returnValue === 'yes';
      dialog.remove();
      if (asking?.isConnected) asking.focus();
      resolve(yes);
    });
    document.body.append(dialog);
    dialog.showModal();
    no.focus(); // the safe answer first
  });
}

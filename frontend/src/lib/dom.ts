// Small DOM helpers: elements built with text (never HTML strings from data), so nothing a
// visitor or the API sends can inject markup.

type Attrs = Record<string, string | number | boolean | null | undefined | ((ev: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(key.replace(/^on/, '').toLowerCase(), value as EventListener);
    } else if (key === 'class') {
      el.className = String(value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

export function replace(parent: Element, ...children: (Node | string | null | undefined | false)[]): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Runs an action with its button disabled until it settles: a double click never sends twice. */
export async function guarded<T>(button: HTMLButtonElement, action: () => Promise<T>): Promise<T | undefined> {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/**
 * Re-renders a live screen without losing what the user is doing: the values typed or chosen in
 * its form fields and the focus survive (matched by id, or by name and value for check boxes).
 */
export function preserving(root: Element, render: () => void): void {
  const fields = new Map<string, string | boolean>();
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input, select, textarea',
  )) {
    const key = fieldKey(el);
    if (!key) continue;
    fields.set(
      key,
      el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value,
    );
  }
  const focused =
    document.activeElement instanceof HTMLElement && root.contains(document.activeElement)
      ? (fieldKey(document.activeElement) ?? (document.activeElement.id ? `#${document.activeElement.id}` : null))
      : null;
  render();
  for (const el of root.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    'input, select, textarea',
  )) {
    const key = fieldKey(el);
    if (!key || !fields.has(key) || el.dataset.keep === 'false') continue;
    const value = fields.get(key)!;
    if (typeof value === 'boolean') (el as HTMLInputElement).checked = value;
    else if (el instanceof HTMLSelectElement ? [...el.options].some((o) => o.value === value) : true) el.value = value;
  }
  if (focused) {
    const again = focused.startsWith('#')
      ? document.getElementById(focused.slice(1))
      : [...root.querySelectorAll<HTMLElement>('input, select, textarea')].find((el) => fieldKey(el) === focused);
    again?.focus();
  }
}

function fieldKey(el: Element): string | null {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement))
    return null;
  if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
    return `${el.name}=${el.value}`;
  return el.id ? `#${el.id}` : null;
}

import type { Centre } from './api';
import { localName, type Lang } from './i18n';

// A centre's services and desks by name, in a screen's language; the code or id until the centre is known.

export function serviceName(centre: Centre | null | undefined, code: string, lang: Lang): string {
  return localName(centre?.services.find((s) => s.code === code)?.names, lang, code);
}

export function deskName(centre: Centre | null | undefined, deskId: string | null, lang: Lang): string {
  return localName(centre?.desks.find((d) => d.deskId === deskId)?.names, lang, deskId ?? '');
}

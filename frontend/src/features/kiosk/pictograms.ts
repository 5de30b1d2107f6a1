import type { PriorityClass } from '../../lib/api';

// The kiosk's pictograms: plain SVG drawn with the text colour, shipped with the app (an emoji
// draws as an empty box on a kiosk without an emoji font). Always beside a text label, so they are
// hidden from screen readers. 24×24 grid, 2-unit strokes: legible from a metre away.

const SVG = 'http://www.w3.org/2000/svg';

/** Each pictogram: SVG path data, stroked; an entry starting with "F" is filled instead. */
const DRAWINGS = {
  ticket: ['M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4z', 'M14 7v10'],
  calendar: ['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5', 'FM8 13h3v3H8z'],
  printer: ['M7 9V3h10v6', 'M5 17H3V9h18v8h-2', 'M7 14h10v7H7z'],
  camera: ['M3 8h4l2-3h6l2 3h4v12H3z', 'M12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z'],
  keypad: [
    'M4 4h4v4H4z',
    'M10 4h4v4h-4z',
    'M16 4h4v4h-4z',
    'M4 10h4v4H4z',
    'M10 10h4v4h-4z',
    'M16 10h4v4h-4z',
    'M10 16h4v4h-4z',
  ],
  clock: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 3'],
  back: ['M15 5l-7 7 7 7'],
  person: ['M12 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6z', 'M7 22v-8a5 5 0 0 1 10 0v8'],
  elderly: ['M10 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z', 'M9 22l1-6-2-3 1-4h3l2 4 3 1', 'M12 16l2 6', 'M17 13v9'],
  pregnant: ['M11 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z', 'M10 22v-6H8l1-7h3a5 4 0 0 1 2 7h-1v6'],
  infant: ['M4 10h11a5 5 0 0 1-5 5H8a4 4 0 0 1-4-4z', 'M15 10V5h3', 'M7 19a2 2 0 1 0 0-.1z', 'M14 19a2 2 0 1 0 0-.1z'],
  wheelchair: ['M10 5a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M10 7v7h6l2 6', 'M10 10h5', 'M7 11a6 6 0 1 0 8 7'],
  medical: ['M5 4h14v17H5z', 'FM10.5 8h3v3h3v3h-3v3h-3v-3h-3v-3h3z'],
  house: ['M3 11l9-8 9 8', 'M5 9v12h14V9', 'M10 21v-6h4v6'],
  idcard: ['M2 5h20v14H2z', 'M8 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4z', 'M5 16a3 3 0 0 1 6 0', 'M14 9h5', 'M14 13h5'],
  briefcase: ['M3 7h18v13H3z', 'M9 7V4h6v3', 'M3 12h18'],
  family: [
    'M7 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
    'M17 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4z',
    'M4 21v-8a3 3 0 0 1 6 0v8',
    'M14 21v-8a3 3 0 0 1 6 0v8',
    'M12 15a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z',
  ],
  health: ['M12 21s-8-5-8-11a4.5 4.5 0 0 1 8-3 4.5 4.5 0 0 1 8 3c0 6-8 11-8 11z', 'M12 9v6', 'M9 12h6'],
  document: ['M6 2h9l4 4v16H6z', 'M14 2v5h5', 'M9 12h7', 'M9 16h7'],
} as const;

export type Pictogram = keyof typeof DRAWINGS;

export const PRIORITY_PICTOGRAMS: Record<PriorityClass, Pictogram> = {
  NONE: 'person',
  ELDERLY: 'elderly',
  PREGNANT: 'pregnant',
  WITH_INFANT: 'infant',
  DISABLED: 'wheelchair',
  MEDICAL_REFERRAL: 'medical',
};

/** A service's pictogram by words in its code (the centre profile names no pictogram); a document otherwise. */
export function servicePictogram(code: string): Pictogram {
  const rules: [RegExp, Pictogram][] = [
    [/health|medic|clinic/, 'health'],
    [/work|employ|job|permit/, 'briefcase'],
    [/family|child/, 'family'],
    [/identity|card|passport/, 'idcard'],
    [/residen|home|address/, 'house'],
  ];
  return rules.find(([pattern]) => pattern.test(code))?.[1] ?? 'document';
}

export function pictogram(name: Pictogram, className = 'pictogram'): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.dataset.pictogram = name;
  for (const d of DRAWINGS[name]) {
    const path = document.createElementNS(SVG, 'path');
    const filled = d.startsWith('F');
    path.setAttribute('d', filled ? d.slice(1) : d);
    path.setAttribute('fill', filled ? 'currentColor' : 'none');
    if (!filled) {
      path.setAttribute('stroke', 'currentColor');
      path.setAttribute('stroke-width', '2');
      path.setAttribute('stroke-linecap', 'round');
      path.setAttribute('stroke-linejoin', 'round');
    }
    svg.append(path);
  }
  return svg;
}

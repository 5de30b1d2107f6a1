// Small SVG bar charts with a table beside them for screen readers (the chart itself is an image
// with a summary label).

const SVG = 'http://www.w3.org/2000/svg';

export interface Series {
  name: string;
  colour: string;
  values: number[];
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The size of the labels under the bars, in CSS pixels whatever the chart's width: readable (≥ 12). */
export const CHART_LABEL_PX = 13;

/** Grouped bars: one group per label, one bar per series. Labels and numbers are given already formatted. */
export function barChart(
  title: string,
  labels: string[],
  series: Series[],
  format: (n: number) => string,
): HTMLElement {
  // no viewBox: a scaled drawing would shrink its labels below a readable size in a narrow
  // column. Across, bars and labels are placed in percent of the width; down, in pixels.
  const height = 220;
  const pad = 28;
  const side = 4; // percent of the width on each side
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = (100 - side * 2) / Math.max(1, labels.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, series.length);
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  // axes run left to right in every language; labels such as "5-10" must not be reordered
  const chart = svg('svg', {
    role: 'img',
    'aria-label': title,
    width: '100%',
    height,
    direction: 'ltr',
  });
  const pct = (n: number) => `${n.toFixed(3)}%`;
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const h = ((height - pad * 2) * value) / max;
      const x = side + i * groupWidth + groupWidth * 0.1 + j * barWidth;
      const rect = svg('rect', {
        x: pct(x),
        y: height - pad - h,
        width: pct(barWidth * 0.9),
        height: h,
        fill: s.colour,
      });
      const tip = svg('title', {});
      tip.textContent = `${s.name} ${label}: ${format(value)}`;
      rect.append(tip);
      chart.append(rect);
    });
    const text = svg('text', {
      x: pct(side + i * groupWidth + groupWidth / 2),
      y: height - 8,
      'text-anchor': 'middle',
      'font-size': CHART_LABEL_PX,
      fill: 'currentColor',
      direction: 'ltr',
      'unicode-bidi': 'embed',
    });
    text.textContent = label;
    chart.append(text);
  });
  const legend = document.createElement('p');
  legend.className = 'legend';
  for (const s of series) {
    const key = document.createElement('span');
    key.style.setProperty('--swatch', s.colour);
    key.textContent = s.name;
    legend.append(key);
  }
  const table = document.createElement('table');
  table.className = 'visually-hidden';
  const head = table.createTHead().insertRow();
  head.append(
    ...[title, ...series.map((s) => s.name)].map((n) => {
      const th = document.createElement('th');
      th.textContent = n;
      return th;
    }),
  );
  const body = table.createTBody();
  labels.forEach((label, i) => {
    const row = body.insertRow();
    row.insertCell().textContent = label;
    series.forEach((s) => {
      row.insertCell().textContent = format(s.values[i] ?? 0);
    });
  });
  figure.append(caption, chart, legend, table);
  return figure;
}

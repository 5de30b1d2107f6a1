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

/** Grouped bars: one group per label, one bar per series. Labels and numbers are given already formatted. */
export function barChart(
  title: string,
  labels: string[],
  series: Series[],
  format: (n: number) => string,
): HTMLElement {
  const width = 640;
  const height = 220;
  const pad = 28;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const groupWidth = (width - pad * 2) / Math.max(1, labels.length);
  const barWidth = Math.max(4, (groupWidth - 8) / Math.max(1, series.length));
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const caption = document.createElement('figcaption');
  caption.textContent = title;
  // axes run left to right in every language; labels such as "5-10" must not be reordered
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': title,
    width: '100%',
    direction: 'ltr',
  });
  labels.forEach((label, i) => {
    series.forEach((s, j) => {
      const value = s.values[i] ?? 0;
      const h = ((height - pad * 2) * value) / max;
      const x = pad + i * groupWidth + 4 + j * barWidth;
      const rect = svg('rect', { x, y: height - pad - h, width: barWidth - 2, height: h, fill: s.colour });
      const tip = svg('title', {});
      tip.textContent = `${s.name} ${label}: ${format(value)}`;
      rect.append(tip);
      chart.append(rect);
    });
    const text = svg('text', {
      x: pad + i * groupWidth + groupWidth / 2,
      y: height - 8,
      'text-anchor': 'middle',
      'font-size': 12,
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

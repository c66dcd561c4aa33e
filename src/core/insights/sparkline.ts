/**
 * A tiny line chart as an SVG data URI, small enough to sit in a hover: the shape of the last hours of a
 * signal, with its latest value labelled. Values that are not finite are gaps, not zeros.
 */
export function sparklineDataUri(values: (number | undefined)[], opts: { label: string; color: string; width?: number; height?: number }): string {
  const width = opts.width ?? 240;
  const height = opts.height ?? 36;
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (finite.length < 2) return '';
  const max = Math.max(...finite);
  const min = Math.min(0, ...finite);
  const span = max - min || 1;
  const step = width / Math.max(1, values.length - 1);
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === undefined || !Number.isFinite(v)) {
      if (current.length) segments.push(current.join(' '));
      current = [];
      return;
    }
    const x = (i * step).toFixed(1);
    const y = (height - 12 - ((v - min) / span) * (height - 16)).toFixed(1);
    current.push(`${current.length ? 'L' : 'M'}${x},${y}`);
  });
  if (current.length) segments.push(current.join(' '));
  const label = escapeXml(opts.label);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    segments.map((d) => `<path d="${d}" fill="none" stroke="${opts.color}" stroke-width="1.5"/>`).join('') +
    `<text x="0" y="${height - 1}" font-family="sans-serif" font-size="10" fill="${opts.color}">${label}</text>` +
    `</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

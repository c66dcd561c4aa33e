/** RFC 3339 or Unix seconds → Unix seconds; throws an Error saying what is wrong. */
export function parseEvaluationTime(raw: string): number {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.floor(Number(s));
  const ms = Date.parse(s);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(s)) {
    throw new Error(`"${raw}" is neither an RFC 3339 time nor Unix seconds`);
  }
  return Math.floor(ms / 1000);
}

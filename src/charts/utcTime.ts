type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Makes every temporal field and time unit in a Vega-Lite spec UTC. Dates in figures are calendar
 * dates ("2020-03-01", parsed as UTC midnight); with local-time scales the ticks and labels would
 * depend on the machine's time zone ("8 maart" in Amsterdam, "1 maart" in UTC). An explicit scale type
 * or utc time unit in the spec is kept.
 */
export function utcTime(node: Json): Json {
  if (Array.isArray(node)) return node.map(utcTime);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'data' ? v : utcTime(v);
  if (typeof out.timeUnit === 'string' && !out.timeUnit.startsWith('utc')) out.timeUnit = `utc${out.timeUnit}`;
  else if (isObject(out.timeUnit) && out.timeUnit.utc === undefined) out.timeUnit = { ...out.timeUnit, utc: true };
  if (out.type === 'temporal' && (typeof out.field === 'string' || out.timeUnit !== undefined)) {
    if (out.scale === undefined) out.scale = { type: 'utc' };
    else if (isObject(out.scale) && out.scale.type === undefined) out.scale = { ...out.scale, type: 'utc' };
  }
  return out;
}

/**
 * How a code or name is looked up in a catalogue of codes (customs ports, trade modes): case,
 * surrounding spaces, and spaces, hyphens or underscores between words do not matter
 * (`general trade`, `Border-Small-Scale` → `GENERAL_TRADE`, `BORDER_SMALL_SCALE`).
 */
export function catalogueKey(codeOrName: string): string {
  return codeOrName.trim().toUpperCase().replace(/[\s_-]+/g, '_');
}

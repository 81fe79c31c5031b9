/**
 * Just enough MIME (RFC 2045–2047, 5322) to read what a mailer sends: headers with encoded words,
 * multipart bodies, base64 and quoted-printable, charsets through TextDecoder. For a development
 * mail sink and tests, not for hostile mail.
 */
import { TextDecoder } from 'node:util';

export interface MimePart {
  headers: Map<string, string[]>;
  contentType: string;
  params: Record<string, string>;
  /** Decoded text of a text/* leaf, undefined for other leaves and multiparts. */
  text?: string;
  parts: MimePart[];
}

export interface ParsedMail {
  headers: Map<string, string[]>;
  subject: string;
  from: string;
  to: string;
  cc: string;
  date?: string;
  messageId?: string;
  /** The first text/plain part. */
  text?: string;
  /** The first text/html part. */
  html?: string;
}

function decoderFor(charset: string | undefined): TextDecoder {
  try {
    return new TextDecoder((charset ?? 'utf-8').toLowerCase());
  } catch {
    return new TextDecoder('utf-8');
  }
}

/** Quoted-printable to bytes (soft line breaks removed). */
export function decodeQuotedPrintable(text: string): Buffer {
  const unfolded = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unfolded.length; i++) {
    const char = unfolded[i];
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(unfolded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unfolded.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=` words in a header value; whitespace between two words goes. */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1').replace(word, (_match, charset: string, encoding: string, data: string) => {
    const bytes =
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
    return decoderFor(charset.replace(/\*.*$/, '')).decode(bytes);
  });
}

function parseHeaders(block: string): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** `text/plain; charset="utf-8"` → type and parameters (RFC 2231 continuations not supported). */
export function parseContentType(value: string | undefined): { contentType: string; params: Record<string, string> } {
  const [type, ...rest] = (value ?? 'text/plain').split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    params[name] = param
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
  }
  return { contentType: type.trim().toLowerCase() || 'text/plain', params };
}

function splitHeadAndBody(raw: string): [string, string] {
  const match = /\r?\n\r?\n/.exec(raw);
  if (!match) return [raw, ''];
  return [raw.slice(0, match.index), raw.slice(match.index + match[0].length)];
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '7bit').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return Buffer.from(body, 'latin1');
  }
}

/** Parses one entity; `raw` holds bytes as latin1 characters so that any charset survives. */
function parsePart(raw: string): MimePart {
  const [head, body] = splitHeadAndBody(raw);
  const headers = parseHeaders(head);
  const { contentType, params } = parseContentType(headers.get('content-type')?.[0]);
  if (contentType.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const sections = body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const parts = sections
      .slice(1)
      .filter((section) => !section.startsWith('--'))
      .map((section) => parsePart(section.replace(/^[ \t]*\r?\n/, '')));
    return { headers, contentType, params, parts };
  }
  const bytes = decodeBody(body, headers.get('content-transfer-encoding')?.[0]);
  const text = contentType.startsWith('text/') ? decoderFor(params.charset).decode(bytes) : undefined;
  return { headers, contentType, params, text, parts: [] };
}

function firstOfType(part: MimePart, type: string): string | undefined {
  if (part.parts.length === 0) return part.contentType === type ? part.text : undefined;
  for (const child of part.parts) {
    const found = firstOfType(child, type);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function parseMail(raw: Buffer | string): ParsedMail {
  const root = parsePart(typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : raw.toString('latin1'));
  // Header values are bytes too: undo the latin1 reading for 8-bit headers, then decode words.
  const header = (name: string): string =>
    decodeEncodedWords(Buffer.from(root.headers.get(name)?.[0] ?? '', 'latin1').toString('utf8'));
  return {
    headers: root.headers,
    subject: header('subject'),
    from: header('from'),
    to: header('to'),
    cc: header('cc'),
    date: root.headers.get('date')?.[0],
    messageId: root.headers.get('message-id')?.[0],
    text: firstOfType(root, 'text/plain'),
    html: firstOfType(root, 'text/html'),
  };
}

import { TEMPLATES } from '../templates/templates';
import { isLocale } from '../templates/locales';
import { renderTemplate } from '../templates/template.rules';
import { enterpriseIdOf, recipientKind } from '../recipients/recipient.rules';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/**
 * The e-mail of a notice: its title as the subject, its body and a footer in the notice's
 * language, as plain text and as the same text in minimal, escaped HTML.
 */
export function composeEmail(notice: { title: string; body: string; link: string; locale: string }, preferencesLink: string): EmailContent {
  const catalogue = TEMPLATES[isLocale(notice.locale) ? notice.locale : 'en'];
  const footer = renderTemplate(catalogue.emailFooter, { link: notice.link, preferencesLink });
  const text = `${notice.body}\n\n${footer}\n`;
  const paragraphs = notice.body
    .split('\n')
    .map((line) => `<p style="margin:0 0 8px">${escapeHtml(line)}</p>`)
    .join('\n');
  const footerHtml = footer
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
  const html =
    `<!doctype html><html lang="${escapeHtml(catalogue.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(notice.title)}</title></head>` +
    `<body style="font-family:sans-serif">\n<h2 style="font-size:16px">${escapeHtml(notice.title)}</h2>\n${paragraphs}\n` +
    `<p><a href="${escapeHtml(notice.link)}">${escapeHtml(notice.link)}</a></p>\n` +
    `<p style="color:#666;font-size:12px">${footerHtml}</p>\n</body></html>\n`;
  return { subject: notice.title, text, html };
}

/**
 * Whom to e-mail for a recipient: the address in its preferences; else, for an enterprise, the
 * contact the registry has for it; for the admins, the configured list. Undefined when none is
 * known (yet: the registry's event may still be on its way).
 */
export function resolveEmailAddress(
  recipient: string,
  preferred: string | null,
  enterpriseContact: string | null,
  adminAddresses: readonly string[],
): string | undefined {
  if (preferred) return preferred;
  if (enterpriseIdOf(recipient) !== undefined) return enterpriseContact ?? undefined;
  if (recipientKind(recipient) === 'admins' && adminAddresses.length > 0) return adminAddresses.join(', ');
  return undefined;
}

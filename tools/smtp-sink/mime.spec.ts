import MailComposer from 'nodemailer/lib/mail-composer';
import { decodeEncodedWords, decodeQuotedPrintable, parseContentType, parseMail } from './mime';

function compose(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new MailComposer(options).compile().build();
}

describe('mime', () => {
  it('reads back what nodemailer composes: UTF-8 subject, text and HTML parts', async () => {
    const raw = await compose({
      from: 'Westgate <notifications@westgate.local>',
      to: 'ops@example.com',
      subject: '申请已批准：边境贸易扩展计划 — approved',
      text: '批准金额：¥1,200,000.00。\nStatus page: https://app.example/applications/1\n' + 'long line '.repeat(30),
      html: '<p>批准金额：¥1,200,000.00</p>',
      messageId: '<n-1@westgate.notifications>',
    });
    const mail = parseMail(raw);
    expect(mail.subject).toBe('申请已批准：边境贸易扩展计划 — approved');
    expect(mail.from).toBe('Westgate <notifications@westgate.local>');
    expect(mail.to).toBe('ops@example.com');
    expect(mail.messageId).toBe('<n-1@westgate.notifications>');
    expect(mail.text).toContain('批准金额：¥1,200,000.00。\nStatus page: https://app.example/applications/1');
    expect(mail.text).toContain('long line '.repeat(30).trim());
    expect(mail.html).toBe('<p>批准金额：¥1,200,000.00</p>');
  });

  it('reads a plain ASCII message without MIME parts', () => {
    const mail = parseMail('Subject: hello\r\nFrom: a@example.com\r\nTo: b@example.com\r\n\r\nJust text.\r\n');
    expect(mail.subject).toBe('hello');
    expect(mail.text).toBe('Just text.\r\n');
    expect(mail.html).toBeUndefined();
  });

  it('decodes encoded words (B and Q, adjacent words joined) and quoted-printable', () => {
    expect(decodeEncodedWords('=?UTF-8?B?5Lit5paH?= =?UTF-8?Q?_and_caf=C3=A9?=')).toBe('中文 and café');
    expect(decodeEncodedWords('plain')).toBe('plain');
    expect(decodeQuotedPrintable('a=3Db=\r\nc').toString()).toBe('a=bc');
  });

  it('parses content types with quoted parameters', () => {
    expect(parseContentType('multipart/alternative; boundary="--_x"')).toEqual({ contentType: 'multipart/alternative', params: { boundary: '--_x' } });
    expect(parseContentType(undefined).contentType).toBe('text/plain');
  });
});

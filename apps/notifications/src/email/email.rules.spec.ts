import { composeEmail, escapeHtml, resolveEmailAddress } from './email.rules';

describe('e-mail', () => {
  const notice = { title: 'Application approved: <Expo>', body: 'Line one & two\nStatus page: https://w.example/applications/1', link: 'https://w.example/applications/1', locale: 'en' };

  it('uses the title as subject and adds a footer in the notice\'s language', () => {
    const mail = composeEmail(notice, 'https://w.example/preferences');
    expect(mail.subject).toBe('Application approved: <Expo>');
    expect(mail.text).toBe(`${notice.body}\n\n--\nWestgate trade-support programme. Details: https://w.example/applications/1\nChoose which notices you receive by e-mail: https://w.example/preferences\n`);
    expect(composeEmail({ ...notice, locale: 'zh-CN' }, 'https://w.example/preferences').text).toContain('设置接收哪些邮件通知');
  });

  it('escapes everything in the HTML part', () => {
    const mail = composeEmail(notice, 'https://w.example/preferences');
    expect(mail.html).toContain('Application approved: &lt;Expo&gt;');
    expect(mail.html).toContain('Line one &amp; two');
    expect(mail.html).not.toContain('<Expo>');
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('finds the address: preference, else the enterprise contact, else the admins\' list', () => {
    const enterprise = 'enterprise:2d0e0a6a-3f4c-4e5d-9a0b-9c8d7e6f5a41';
    expect(resolveEmailAddress(enterprise, 'own@x.example', 'contact@x.example', [])).toBe('own@x.example');
    expect(resolveEmailAddress(enterprise, null, 'contact@x.example', [])).toBe('contact@x.example');
    expect(resolveEmailAddress(enterprise, null, null, ['ops@x.example'])).toBeUndefined();
    expect(resolveEmailAddress('role:admin', null, null, ['ops@x.example', 'desk@x.example'])).toBe('ops@x.example, desk@x.example');
    expect(resolveEmailAddress('officer-ann', null, null, ['ops@x.example'])).toBeUndefined();
  });
});

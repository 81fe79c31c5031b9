import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { NotificationsConfig } from '../notifications.config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** `<…@…>`: the same on a retry, so that mail systems can drop the repeat. */
  messageId: string;
  headers: Record<string, string>;
}

/** SMTP through nodemailer (`SMTP_URL`), a small pool of connections kept open between messages. */
@Injectable()
export class MailTransport implements BeforeApplicationShutdown {
  private readonly transport: Mail;

  constructor(private readonly config: NotificationsConfig) {
    this.transport = createTransport({
      url: config.SMTP_URL,
      pool: true,
      maxConnections: Math.min(config.DELIVERY_CONCURRENCY, 5),
      connectionTimeout: config.EMAIL_TIMEOUT_MS,
      greetingTimeout: config.EMAIL_TIMEOUT_MS,
      socketTimeout: config.EMAIL_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info: { messageId?: string } = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return info.messageId ?? mail.messageId;
  }

  /** After the workers stopped (they stop when the modules are destroyed, before this). */
  beforeApplicationShutdown(): void {
    this.transport.close();
  }
}

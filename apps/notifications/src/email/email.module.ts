import { Module } from '@nestjs/common';
import { EmailDispatcher } from './email-dispatcher';
import { MailTransport } from './mail-transport';

/** The SMTP transport and the worker that sends queued e-mails. */
@Module({ providers: [MailTransport, EmailDispatcher] })
export class EmailModule {}

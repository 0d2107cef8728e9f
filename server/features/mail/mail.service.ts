import { desc } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/mail.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Sends (or holds, without SMTP) and records the message; never throws for a delivery failure. */
  send(db: Db, message: EmailMessage): Promise<'sent' | 'held' | 'failed'>;
}

interface MailerOptions {
  smtpUrl: string | null;
  from: string;
  /** Print held emails (with their links) in the log: only for a local development install. */
  logHeldMail: boolean;
  log: FastifyBaseLogger;
}

export function createMailer(options: MailerOptions): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(db, message) {
      if (!transport) {
        await db.insert(outbox).values({ ...message, transport: 'outbox', status: 'held' });
        // Development convenience only: any other log must not carry addresses or sign-in links.
        if (options.logHeldMail) options.log.info({ mail: message }, 'email held in outbox (SMTP_URL not set)');
        else options.log.info('email held in the admin outbox (SMTP_URL not set)');
        return 'held';
      }
      let status: 'sent' | 'failed' = 'sent';
      try {
        await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        status = 'failed';
        options.log.warn({ err: error }, 'email delivery failed');
      }
      await db.insert(outbox).values({ to: message.to, subject: message.subject, text: null, transport: 'smtp', status });
      return status;
    },
  };
}

export async function listOutbox({ db }: { db: Db }) {
  const rows = await db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(200);
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

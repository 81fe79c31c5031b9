import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recipients' projection, preferences, the inbox, and e-mail and webhook deliveries with their log. */
export class NotificationsTables1767225600000 implements MigrationInterface {
  name = 'NotificationsTables1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enterprise_contact (
        enterprise_id uuid PRIMARY KEY,
        name          text NOT NULL,
        contact_email text NOT NULL,
        status        text NOT NULL,
        designations  jsonb NOT NULL DEFAULT '[]',
        version       int NOT NULL,
        updated_at    timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE programme_budget (
        programme_id    uuid PRIMARY KEY,
        total           numeric(18, 2) NOT NULL,
        available       numeric(18, 2) NOT NULL,
        below_threshold boolean NOT NULL,
        version         int NOT NULL,
        updated_at      timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notification_preference (
        recipient  text PRIMARY KEY,
        locale     text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'zh-CN')),
        email      text,
        channels   jsonb NOT NULL DEFAULT '{}',
        version    int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notification (
        id         uuid PRIMARY KEY,
        seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        recipient  text NOT NULL,
        event_id   text NOT NULL,
        event_type text NOT NULL,
        subject    text NOT NULL,
        title      text NOT NULL,
        body       text NOT NULL,
        link       text NOT NULL,
        locale     text NOT NULL,
        in_app     boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at    timestamptz,
        CONSTRAINT notification_once_per_recipient UNIQUE (recipient, event_id)
      )`);
    // The inbox, newest first, and its unread part (the badge count).
    await queryRunner.query('CREATE INDEX notification_inbox ON notification (recipient, seq DESC) WHERE in_app');
    await queryRunner.query(
      'CREATE INDEX notification_unread ON notification (recipient, seq DESC) WHERE in_app AND read_at IS NULL',
    );
    await queryRunner.query(`
      CREATE TABLE email_delivery (
        id              uuid PRIMARY KEY,
        notification_id uuid NOT NULL UNIQUE REFERENCES notification (id) ON DELETE CASCADE,
        status          text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts        int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error      text,
        address         text,
        message_id      text,
        sent_at         timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now()
      )`);
    // Workers look only at what is due; a partial index keeps that cheap however much was sent.
    await queryRunner.query("CREATE INDEX email_delivery_due ON email_delivery (next_attempt_at) WHERE status = 'queued'");
    await queryRunner.query(`
      CREATE TABLE webhook (
        id          uuid PRIMARY KEY,
        url         text NOT NULL,
        event_types text[] NOT NULL,
        secret      text NOT NULL,
        description text,
        active      boolean NOT NULL DEFAULT true,
        created_by  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        deleted_at  timestamptz
      )`);
    await queryRunner.query('CREATE INDEX webhook_subscriptions ON webhook USING gin (event_types) WHERE active');
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        id               uuid PRIMARY KEY,
        webhook_id       uuid NOT NULL REFERENCES webhook (id),
        event_id         text NOT NULL,
        event_type       text NOT NULL,
        notification_ids uuid[] NOT NULL,
        body             text NOT NULL,
        status           text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts         int NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz,
        last_error       text,
        last_status_code int,
        sent_at          timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_once_per_event UNIQUE (webhook_id, event_id)
      )`);
    await queryRunner.query("CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'queued'");
    // A notification's webhook deliveries, for its `deliveries`.
    await queryRunner.query('CREATE INDEX webhook_delivery_notifications ON webhook_delivery USING gin (notification_ids)');
    await queryRunner.query(`
      CREATE TABLE webhook_attempt (
        id            uuid PRIMARY KEY,
        seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        delivery_id   uuid NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        webhook_id    uuid NOT NULL REFERENCES webhook (id),
        attempt       int NOT NULL,
        status        text NOT NULL CHECK (status IN ('sent', 'failed')),
        response_code int,
        error         text,
        next_retry_at timestamptz,
        attempted_at  timestamptz NOT NULL,
        duration_ms   int NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX webhook_attempt_log ON webhook_attempt (webhook_id, seq)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_attempt');
    await queryRunner.query('DROP TABLE webhook_delivery');
    await queryRunner.query('DROP TABLE webhook');
    await queryRunner.query('DROP TABLE email_delivery');
    await queryRunner.query('DROP TABLE notification');
    await queryRunner.query('DROP TABLE notification_preference');
    await queryRunner.query('DROP TABLE programme_budget');
    await queryRunner.query('DROP TABLE enterprise_contact');
  }
}

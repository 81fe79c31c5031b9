import { Body, Controller, Injectable, Post } from '@nestjs/common';
import { IsString, MaxLength } from 'class-validator';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '@westgate/auth';
import { deadLetterTopicFor, defineEvent, type CloudEvent } from '@westgate/contracts';
import { ConsumeEvents, OutboxWriter, type ConsumeContext } from '@westgate/messaging';
import { http, pollUntil, testKafka, tokenFor, TopicRecorder } from '@westgate/testing';
import { ServiceConfig, startTestService, type ServiceDefinition, type TestService } from '../src';

class NotePayload {
  @IsString()
  @MaxLength(200)
  text!: string;
}

const NOTES_TOPIC = 'westgate.test.notes.v1';
const NoteWritten = defineEvent('westgate.test.note.written.v1', NOTES_TOPIC, NotePayload);

class CreateNotes1764115400000 implements MigrationInterface {
  name = 'CreateNotes1764115400000';
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE notes (id serial PRIMARY KEY, text text NOT NULL)');
    await queryRunner.query('CREATE TABLE note_copies (event_id text PRIMARY KEY, text text NOT NULL)');
    await queryRunner.query('CREATE TABLE note_batches (event_id text PRIMARY KEY, text text NOT NULL, batch_size int NOT NULL)');
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE note_batches');
    await queryRunner.query('DROP TABLE note_copies');
    await queryRunner.query('DROP TABLE notes');
  }
}

class NoteDto {
  @IsString()
  @MaxLength(200)
  text!: string;
}

/** Holds a note with text 'held' inside its handler until the test lets it go. */
const held = { started: false, release: (): void => undefined };

@Injectable()
class WriteNote {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(text: string): Promise<{ id: number; text: string }> {
    if (text === 'held') {
      held.started = true;
      await new Promise<void>((resolve) => (held.release = resolve));
    }
    return this.dataSource.transaction(async (manager) => {
      const [note] = (await manager.query('INSERT INTO notes (text) VALUES ($1) RETURNING id, text', [text])) as Array<{ id: number; text: string }>;
      await this.outbox.stage(manager, { definition: NoteWritten, subject: String(note.id), data: { text } });
      return note;
    });
  }
}

@Controller('notes')
class NotesController {
  constructor(private readonly writeNote: WriteNote) {}

  @Post()
  @Roles('officer')
  create(@Body() body: NoteDto): Promise<{ id: number; text: string }> {
    return this.writeNote.execute(body.text);
  }

  @ConsumeEvents([NoteWritten])
  async onNoteWritten(event: CloudEvent<NotePayload>, { manager }: ConsumeContext): Promise<void> {
    if (event.data.text === 'poison') throw new Error('this note is poisoned');
    await manager.query('INSERT INTO note_copies (event_id, text) VALUES ($1, $2)', [event.id, event.data.text]);
  }

  // The same events in a group of their own, a chunk at a time, with one statement.
  @ConsumeEvents([NoteWritten], { name: 'notes-batched', batch: true })
  async onNotesWritten(events: CloudEvent<NotePayload>[], { manager }: ConsumeContext): Promise<void> {
    if (events.some((event) => event.data.text === 'poison')) throw new Error('a poisoned note in this batch');
    await manager.query('INSERT INTO note_batches (event_id, text, batch_size) SELECT id, text, $3 FROM unnest($1::text[], $2::text[]) AS t(id, text)', [
      events.map((event) => event.id),
      events.map((event) => event.data.text),
      events.length,
    ]);
  }
}

class NotesConfig extends ServiceConfig {}

const notesService: ServiceDefinition<NotesConfig> = {
  serviceName: 'notes',
  config: NotesConfig,
  defaults: { PORT: 3999, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/westgate_notes' },
  entities: [],
  migrations: [CreateNotes1764115400000],
  producesTopics: [NOTES_TOPIC],
  modules: () => [{ module: class NotesModule {}, controllers: [NotesController], providers: [WriteNote] }],
};

describe('a service on the platform: HTTP → outbox → Kafka → consumer', () => {
  let service: TestService;
  let recorder: TopicRecorder;
  const officer = tokenFor({ roles: ['officer'], sub: 'olga' });

  beforeAll(async () => {
    service = await startTestService(notesService);
    recorder = await new TopicRecorder(testKafka(), [
      service.topic(NOTES_TOPIC),
      deadLetterTopicFor(`${service.namespace}.notes.test.notes.v1`),
      deadLetterTopicFor(BATCHED_GROUP()),
    ]).start();
  });

  afterAll(async () => {
    await recorder.stop();
    await service.close();
  });

  const BATCHED_GROUP = () => `${service.namespace}.notes.notes-batched`;
  const batched = async (prefix: string) =>
    (await service.app.get(DataSource).query('SELECT text, batch_size FROM note_batches WHERE text LIKE $1 ORDER BY text', [`${prefix}%`])) as Array<{
      text: string;
      batch_size: number;
    }>;

  const copies = async () =>
    (await service.app.get(DataSource).query('SELECT text FROM note_copies ORDER BY text')) as Array<{ text: string }>;

  it('is ready once its database, the broker and its consumers are', async () => {
    const ready = await pollUntil(async () => {
      const response = await http(service.baseUrl, 'GET', '/health/ready');
      return response.status === 200 && response;
    });
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' }, consumers: { status: 'up' } });
  });

  it('leaves idle keep-alive connections for the client to close', async () => {
    const response = await fetch(`${service.baseUrl}/health/live`);
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('carries the request’s correlation id into the event it caused, and the consumer applies it', async () => {
    const response = await http(service.baseUrl, 'POST', '/api/v1/notes', {
      token: officer,
      body: { text: 'first' },
      headers: { 'x-correlation-id': 'corr-note-1' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('corr-note-1');
    const message = await pollUntil(() => recorder.on(service.topic(NOTES_TOPIC)).find((m) => m.value?.includes('"first"')));
    expect(JSON.parse(message.value as string)).toMatchObject({ type: NoteWritten.type, correlationid: 'corr-note-1', data: { text: 'first' } });
    expect(message.headers['correlation-id']).toBe('corr-note-1');
    await pollUntil(async () => (await copies()).some((c) => c.text === 'first'), { description: 'the consumer’s effect' });
  });

  it('dead-letters what a Nest handler keeps failing on, with the handler’s own error', async () => {
    await http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text: 'poison' } });
    await http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text: 'after poison' } });
    const dlq = deadLetterTopicFor(`${service.namespace}.notes.test.notes.v1`);
    const parked = await pollUntil(() => recorder.on(dlq)[0], { timeoutMs: 30_000, description: 'the poison note in the DLQ' });
    expect(parked.headers['dlq-error']).toContain('this note is poisoned');
    expect(parked.headers['dlq-reason']).toBe('HANDLER_FAILED');
    await pollUntil(async () => (await copies()).some((c) => c.text === 'after poison'), { description: 'the next note applied' });
  });

  it('replays the first response for a repeated Idempotency-Key, and refuses the key for another body', async () => {
    const send = (text: string) =>
      http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text }, headers: { 'idempotency-key': 'key-1' } });
    const first = await send('once');
    const again = await send('once');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const [{ n }] = await service.app.get(DataSource).query("SELECT count(*)::int AS n FROM notes WHERE text = 'once'");
    expect(n).toBe(1);

    const other = await send('twice');
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Keys belong to their caller: another officer's same key is a new request.
    const colleague = await http(service.baseUrl, 'POST', '/api/v1/notes', {
      token: tokenFor({ roles: ['officer'], sub: 'oleg' }),
      body: { text: 'twice' },
      headers: { 'idempotency-key': 'key-1' },
    });
    expect(colleague.status).toBe(201);
  });

  it('lets a repeat that arrives while the first is still running wait for its response, and replays it', async () => {
    const send = () => http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text: 'held' }, headers: { 'idempotency-key': 'key-held' } });
    const first = send();
    await pollUntil(() => held.started, { description: 'the first request in its handler' });
    const repeat = send();
    held.release();
    const [original, replayed] = await Promise.all([first, repeat]);
    expect([original.status, replayed.status]).toEqual([201, 201]);
    expect(replayed.body).toEqual(original.body);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const [{ n }] = await service.app.get(DataSource).query("SELECT count(*)::int AS n FROM notes WHERE text = 'held'");
    expect(n).toBe(1);
  });

  it('does not remember failures: a refused request may be retried with the same key', async () => {
    const invalid = await http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text: 42 }, headers: { 'idempotency-key': 'key-2' } });
    expect(invalid.status).toBe(400);
    const valid = await http(service.baseUrl, 'POST', '/api/v1/notes', { token: officer, body: { text: 'fixed' }, headers: { 'idempotency-key': 'key-2' } });
    expect(valid.status).toBe(201);
  });

  it('answers a caller without a valid token 401 before looking at its body; one with a token hears what is wrong with the body', async () => {
    const plain = { rawBody: 'text=hello', headers: { 'content-type': 'text/plain' } };
    const anonymous = await http(service.baseUrl, 'POST', '/api/v1/notes', plain);
    expect({ status: anonymous.status, code: anonymous.body.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    const signedIn = await http(service.baseUrl, 'POST', '/api/v1/notes', { ...plain, token: officer });
    expect({ status: signedIn.status, code: signedIn.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    // The JSON parser runs before the guards; a broken body from a caller without a token is still 401.
    const broken = { rawBody: '{"text": ', headers: { 'content-type': 'application/json' } };
    const anonymousBroken = await http(service.baseUrl, 'POST', '/api/v1/notes', broken);
    expect({ status: anonymousBroken.status, code: anonymousBroken.body.code }).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    const forged = await http(service.baseUrl, 'POST', '/api/v1/notes', { ...broken, headers: { ...broken.headers, authorization: 'Bearer not.a.token' } });
    expect(forged.status).toBe(401);
    const wrongRole = await http(service.baseUrl, 'POST', '/api/v1/notes', { ...broken, token: tokenFor({ roles: ['analyst'] }) });
    expect(wrongRole.status).toBe(403);
    const signedInBroken = await http(service.baseUrl, 'POST', '/api/v1/notes', { ...broken, token: officer });
    expect({ status: signedInBroken.status, code: signedInBroken.body.code }).toEqual({ status: 400, code: 'MALFORMED_JSON' });
  });

  it('still requires a valid token when a key is given', async () => {
    const response = await http(service.baseUrl, 'POST', '/api/v1/notes', { body: { text: 'anonymous' }, headers: { 'idempotency-key': 'key-3' } });
    expect(response.status).toBe(401);
  });

  it('hands a batch handler the events of a chunk together, and replays a failing chunk one event at a time', async () => {
    const producer = testKafka().producer();
    await producer.connect();
    const note = (text: string): CloudEvent<NotePayload> => ({
      specversion: '1.0',
      id: `note-${text}-${Date.now()}`,
      source: '/westgate/test',
      type: NoteWritten.type,
      subject: 'one-key',
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      correlationid: `corr-${text}`,
      data: { text },
    });
    const send = (texts: string[]) =>
      producer.send({ topic: service.topic(NOTES_TOPIC), messages: texts.map((text) => ({ key: 'one-key', value: JSON.stringify(note(text)) })) });
    try {
      // One produce request on one key: one record batch, fetched and applied as one chunk.
      await send(Array.from({ length: 20 }, (_, i) => `bulk-${String(i).padStart(2, '0')}`));
      const bulk = await pollUntil(async () => ((await batched('bulk-')).length === 20 ? batched('bulk-') : undefined), { description: 'the 20 notes applied' });
      expect(Math.max(...bulk.map((row) => row.batch_size))).toBeGreaterThan(1);

      await send(['mixed-a', 'poison', 'mixed-b']);
      const parked = await pollUntil(() => recorder.on(deadLetterTopicFor(BATCHED_GROUP())).find((m) => m.value?.includes('"poison"') && m.value.includes('corr-poison')), {
        timeoutMs: 30_000,
        description: 'the poison note in the batch group’s DLQ',
      });
      expect(parked.headers['dlq-error']).toContain('a poisoned note in this batch');
      const mixed = await pollUntil(async () => ((await batched('mixed-')).length === 2 ? batched('mixed-') : undefined), { description: 'the poison’s neighbours' });
      expect(mixed).toEqual([
        { text: 'mixed-a', batch_size: 1 },
        { text: 'mixed-b', batch_size: 1 },
      ]);
    } finally {
      await producer.disconnect();
    }
  });
});

import { Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';

export interface MessagingLogger {
  log(message: string, context?: string): void;
  warn(message: string, context?: string): void;
  error(message: string, trace?: string, context?: string): void;
  debug?(message: string, context?: string): void;
}

export function createKafka(clientId: string, brokers: string[], logger: MessagingLogger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 100, retries: 8 },
    // kafkajs talks a lot at INFO; warnings and errors go to the service's own logger.
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        // Deliberate: the idempotent producer gets finite retries so that a broker outage fails
        // the relay's batch (it is retried from the outbox) instead of hanging shutdown.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        const line = `${message} ${JSON.stringify(extra)}`;
        // kafkajs logs every broker response that carries an error code at ERROR, then retries
        // (a topic not yet propagated, a leader election, a coordinator still loading: routine at
        // start-up). What still fails after the retries reaches the caller, which reports it.
        if (isBrokerResponse(message)) logger.debug?.(line, 'kafkajs');
        else if (level === logLevel.ERROR) logger.error(line, undefined, 'kafkajs');
        else if (level === logLevel.WARN) logger.warn(line, 'kafkajs');
      },
  });
}

function isBrokerResponse(message: string): boolean {
  return message.startsWith('Response ');
}

/**
 * An idempotent producer with one request in flight: the broker drops retried duplicates and
 * keeps the order in which messages were handed over, per partition.
 */
export function createOrderedProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

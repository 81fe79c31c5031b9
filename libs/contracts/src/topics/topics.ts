/**
 * Every Kafka topic Westgate uses. Topic names carry a version: a breaking change of what a topic
 * carries means a new topic, never an edit in place.
 */
export const TOPICS = {
  registryEnterprise: 'westgate.registry.enterprise.v1',
  grantsProgramme: 'westgate.grants.programme.v1',
  grantsApplication: 'westgate.grants.application.v1',
  tradeDeclaration: 'westgate.trade.declaration.v1',
  tradeAlert: 'westgate.trade.alert.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Where a consumer group parks what it could not process, with the reason. */
export function deadLetterTopicFor(consumerGroup: string): string {
  return `westgate.dlq.${consumerGroup}`;
}

import { testKafka, uniqueSuffix } from '@westgate/testing';
import { createOrderedProducer, ensureTopics } from '../src';

describe('topic provisioning', () => {
  it('lets several services create the same new topics at once, each able to produce to every partition as soon as it returns', async () => {
    const suffix = uniqueSuffix();
    const topics = [0, 1, 2].map((n) => `westgate.test.provision.${suffix}.t${n}.v1`);
    const services = [0, 1, 2, 3].map((n) => testKafka(`provision-${n}`));

    await Promise.all(services.map((kafka) => ensureTopics(kafka, topics, { numPartitions: 4, replicationFactor: 1 })));

    const producer = createOrderedProducer(services[0]);
    await producer.connect();
    try {
      for (const topic of topics) {
        const results = await producer.send({
          topic,
          messages: [0, 1, 2, 3].map((partition) => ({ partition, value: 'ready' })),
        });
        expect(results.map((r) => r.partition).sort()).toEqual([0, 1, 2, 3]);
      }
    } finally {
      await producer.disconnect();
    }
    const admin = services[1].admin();
    await admin.connect();
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      expect(found.map((t) => t.partitions.length)).toEqual([4, 4, 4]);
    } finally {
      await admin.disconnect();
    }
  });
});

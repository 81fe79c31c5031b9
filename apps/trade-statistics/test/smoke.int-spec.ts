import type { TestService } from '@westgate/platform';
import { http } from '@westgate/testing';
import { makeDeclarations, makeUsccs } from './support/declarations.fixture';
import { officer, startStatistics, summary, waitForTotal } from './support/statistics-service';

describe('smoke', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startStatistics();
  });
  afterAll(async () => {
    await service?.close();
  });

  it('ingests', async () => {
    const rows = makeDeclarations({ count: 500, usccs: makeUsccs(20), periods: ['2025-01', '2025-02', '2026-01'], idPrefix: 'S' });
    const response = await http(service.baseUrl, 'POST', '/api/v1/declarations', { token: officer, body: rows });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ accepted: 500, rejected: [] });
    await waitForTotal(service, '2025-01', '2026-12', 500);
    console.log(JSON.stringify(await summary(service, { from: '2026-01', to: '2026-01', groupBy: 'category' }), null, 1));
  });
});

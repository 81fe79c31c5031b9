import { isFoundedOn } from './founded-on.validator';

describe('isFoundedOn', () => {
  const today = new Date('2026-03-01T12:00:00Z');

  it.each(['2012-05-17', '1800-01-01', '2024-02-29', '2026-03-01'])('accepts %s', (value) => {
    expect(isFoundedOn(value, today)).toBe(true);
  });

  it.each(['2026-03-02', '1799-12-31', '2023-02-29', '2012-13-01', '2012-5-17', '17/05/2012', '', 20120517, null])('refuses %j', (value) => {
    expect(isFoundedOn(value, today)).toBe(false);
  });
});

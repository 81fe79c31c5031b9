import { ApplicationApproved, ApplicationSubmitted, ExportDeclineAlert } from '@westgate/contracts';
import { NOTICE_EVENT_TYPES } from '../notices/notice-types';
import { allEffectiveChannels, channelListToMap, channelMapProblems, effectiveChannels, lockedInAppViolations, mergeChannels } from './preferences.rules';

describe('preferences', () => {
  it('turns every channel on by default', () => {
    expect(effectiveChannels({}, ApplicationSubmitted.type)).toEqual({ inApp: true, email: true, webhook: true });
    expect(Object.keys(allEffectiveChannels({}))).toEqual([...NOTICE_EVENT_TYPES]);
  });

  it('applies what was set, but keeps decisions in the inbox', () => {
    const stored = { [ApplicationSubmitted.type]: { email: false }, [ApplicationApproved.type]: { inApp: false, email: false } };
    expect(effectiveChannels(stored, ApplicationSubmitted.type)).toEqual({ inApp: true, email: false, webhook: true });
    expect(effectiveChannels(stored, ApplicationApproved.type)).toEqual({ inApp: true, email: false, webhook: true });
  });

  it('merges an update into what was stored, switch by switch', () => {
    const stored = { [ApplicationSubmitted.type]: { email: false, webhook: false } };
    const merged = mergeChannels(stored, { [ApplicationSubmitted.type]: { webhook: true }, [ExportDeclineAlert.type]: { inApp: false } });
    expect(merged).toEqual({ [ApplicationSubmitted.type]: { email: false, webhook: true }, [ExportDeclineAlert.type]: { inApp: false } });
  });

  it('names mandatory inboxes an update tries to switch off', () => {
    expect(lockedInAppViolations({ [ApplicationApproved.type]: { inApp: false }, [ApplicationSubmitted.type]: { inApp: false } })).toEqual([ApplicationApproved.type]);
    expect(lockedInAppViolations({ [ApplicationApproved.type]: { email: false } })).toEqual([]);
  });

  it('accepts only known event types with boolean switches', () => {
    expect(channelMapProblems({ [ApplicationApproved.type]: { inApp: true, email: false, webhook: true } })).toEqual([]);
    expect(channelMapProblems({})).toEqual([]);
    expect(channelMapProblems([])).toHaveLength(1);
    expect(channelMapProblems(null)).toHaveLength(1);
    expect(channelMapProblems({ 'westgate.x.v1': {} })[0]).toContain('is not an event type with notices');
    expect(channelMapProblems({ [ApplicationApproved.type]: { sms: true } })[0]).toContain('is not a channel');
    expect(channelMapProblems({ [ApplicationApproved.type]: { email: 'no' } })[0]).toContain('true or false');
    expect(channelMapProblems({ [ApplicationApproved.type]: true })[0]).toContain('must be an object');
    expect(channelMapProblems(JSON.parse('{"__proto__": {"inApp": true}}'))[0]).toContain('__proto__');
  });

  it('takes channels as a list of { eventType, … } too', () => {
    expect(channelListToMap([{ eventType: ApplicationApproved.type, email: false }, { eventType: ExportDeclineAlert.type, inApp: false }])).toEqual({
      [ApplicationApproved.type]: { email: false },
      [ExportDeclineAlert.type]: { inApp: false },
    });
    expect(channelListToMap([{ email: false }])).toEqual([{ email: false }]);
    expect(channelListToMap([])).toEqual([]);
    expect(channelListToMap({ a: 1 })).toEqual({ a: 1 });
  });
});

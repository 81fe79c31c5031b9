import { CHANNELS, type Channel } from '../delivery/delivery-status';
import { IN_APP_MANDATORY_EVENT_TYPES, NOTICE_EVENT_TYPES, isInAppMandatory, isNoticeEventType } from '../notices/notice-types';

export type ChannelSwitches = Record<Channel, boolean>;

/** What a recipient set, per event type; a channel it never set is on. */
export type StoredChannels = Record<string, Partial<ChannelSwitches>>;

export const DEFAULT_CHANNELS: Readonly<ChannelSwitches> = Object.freeze({ inApp: true, email: true, webhook: true });

/** The channels in force for one event type: what was set, the defaults, and the inbox where it is mandatory. */
export function effectiveChannels(stored: StoredChannels, eventType: string): ChannelSwitches {
  const own = Object.prototype.hasOwnProperty.call(stored, eventType) ? stored[eventType] : {};
  const switches = { ...DEFAULT_CHANNELS, ...own };
  if (isInAppMandatory(eventType)) switches.inApp = true;
  return switches;
}

/** Every notifiable event type with its channels in force: what `GET /preferences` shows. */
export function allEffectiveChannels(stored: StoredChannels): Record<string, ChannelSwitches> {
  return Object.fromEntries(NOTICE_EVENT_TYPES.map((type) => [type, effectiveChannels(stored, type)]));
}

/** `PUT` sets what it names and keeps the rest: the switches given replace the ones stored. */
export function mergeChannels(stored: StoredChannels, update: StoredChannels): StoredChannels {
  const merged: StoredChannels = {};
  for (const [type, switches] of [...Object.entries(stored), ...Object.entries(update)]) {
    if (!isNoticeEventType(type)) continue;
    const next: Partial<ChannelSwitches> = { ...merged[type] };
    for (const channel of CHANNELS) {
      if (typeof switches[channel] === 'boolean') next[channel] = switches[channel];
    }
    merged[type] = next;
  }
  return merged;
}

/** Event types whose inbox the update tries to switch off although it is mandatory. */
export function lockedInAppViolations(update: StoredChannels): string[] {
  return IN_APP_MANDATORY_EVENT_TYPES.filter((type) => update[type]?.inApp === false);
}

/**
 * `channels` may also come as a list, `[{ "eventType": "…", "inApp": true, … }]`: turned into the
 * map form here when every item has that shape; anything else is left as it is, for validation to
 * refuse.
 */
export function channelListToMap(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const items = value as unknown[];
  const wellFormed = items.every(
    (item) => typeof item === 'object' && item !== null && !Array.isArray(item) && typeof (item as { eventType?: unknown }).eventType === 'string',
  );
  if (!wellFormed || items.length === 0) return value;
  const map: Record<string, unknown> = {};
  for (const item of items as Array<Record<string, unknown>>) {
    const { eventType, ...switches } = item;
    map[eventType as string] = { ...(map[eventType as string] as object | undefined), ...switches };
  }
  return map;
}

/**
 * Why a `channels` value is not acceptable, or an empty list: an object whose keys are notifiable
 * event types and whose values are objects of `inApp`, `email`, `webhook` booleans.
 */
export function channelMapProblems(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return ['must be an object of event types, each with inApp, email and webhook switches'];
  }
  const problems: string[] = [];
  for (const [type, switches] of Object.entries(value as Record<string, unknown>)) {
    const shown = JSON.stringify(type.length > 80 ? `${type.slice(0, 80)}…` : type);
    if (!isNoticeEventType(type)) {
      problems.push(`${shown} is not an event type with notices (one of ${NOTICE_EVENT_TYPES.join(', ')})`);
      continue;
    }
    if (typeof switches !== 'object' || switches === null || Array.isArray(switches)) {
      problems.push(`${shown} must be an object such as { "inApp": true, "email": false, "webhook": false }`);
      continue;
    }
    for (const [channel, on] of Object.entries(switches as Record<string, unknown>)) {
      if (!(CHANNELS as readonly string[]).includes(channel)) problems.push(`${shown}.${channel.slice(0, 40)} is not a channel (inApp, email, webhook)`);
      else if (typeof on !== 'boolean') problems.push(`${shown}.${channel} must be true or false`);
    }
  }
  return problems.slice(0, 10);
}

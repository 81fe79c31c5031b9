import { defineEvent } from '../catalogue/event-definition';
import { TOPICS } from '../topics/topics';
import { ExportDeclineAlertV1 } from './export-decline-alert.v1';

export const ExportDeclineAlert = defineEvent('westgate.trade.alert.export-decline.v1', TOPICS.tradeAlert, ExportDeclineAlertV1);

/** Every event type on `westgate.trade.alert.v1`. */
export const TRADE_ALERT_EVENTS = [ExportDeclineAlert] as const;

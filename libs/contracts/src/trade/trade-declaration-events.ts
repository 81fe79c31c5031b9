import { defineEvent } from '../catalogue/event-definition';
import { TOPICS } from '../topics/topics';
import { TradeDeclarationBatchV1 } from './trade-declaration.v1';

export * from './trade-declaration.v1';

/** Declarations submitted for the statistics: the only event type on `westgate.trade.declaration.v1`. */
export const TradeDeclarationsSubmitted = defineEvent(
  'westgate.trade.declaration.submitted.v1',
  TOPICS.tradeDeclaration,
  TradeDeclarationBatchV1,
);

/** Every event type on `westgate.trade.declaration.v1`. */
export const TRADE_DECLARATION_EVENTS = [TradeDeclarationsSubmitted] as const;

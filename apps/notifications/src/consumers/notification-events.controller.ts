import { Controller } from '@nestjs/common';
import {
  APPLICATION_EVENTS,
  ENTERPRISE_EVENTS,
  PROGRAMME_EVENTS,
  ProgrammeBudgetExhausted,
  TRADE_ALERT_EVENTS,
  type ApplicationEventV1,
  type CloudEvent,
  type EnterpriseStateV1,
  type ExportDeclineAlertV1,
  type ProgrammeBudgetExhaustedV1,
  type ProgrammeStateV1,
} from '@westgate/contracts';
import { ConsumeEvents, type ConsumeContext } from '@westgate/messaging';
import { NotifyApplicationEvent } from './notify-application-event.usecase';
import { NotifyBudgetExhausted } from './notify-budget-exhausted.usecase';
import { NotifyTradeAlert } from './notify-trade-alert.usecase';
import { RecordEnterpriseState } from './record-enterprise-state.usecase';
import { RecordProgrammeState } from './record-programme-state.usecase';

/**
 * The four topics this service listens to, each through the inbox (one effect per event): a
 * handler writes only through `context.manager`, in the inbox's transaction. Registry and
 * programme events are applied one by one (each compares itself with the state before it);
 * application events and trade alerts a chunk at a time, with set-based writes. Sending e-mail and
 * webhooks happens later, outside it, in the delivery workers.
 */
@Controller()
export class NotificationEventsController {
  constructor(
    private readonly recordEnterpriseState: RecordEnterpriseState,
    private readonly recordProgrammeState: RecordProgrammeState,
    private readonly notifyBudgetExhausted: NotifyBudgetExhausted,
    private readonly notifyApplicationEvent: NotifyApplicationEvent,
    private readonly notifyTradeAlert: NotifyTradeAlert,
  ) {}

  @ConsumeEvents(ENTERPRISE_EVENTS)
  async onEnterprise(event: CloudEvent<EnterpriseStateV1>, context: ConsumeContext): Promise<void> {
    await this.recordEnterpriseState.execute(context.manager, event);
  }

  /** Programme created and budget changed carry its state; a refused approval also what was refused. */
  @ConsumeEvents(PROGRAMME_EVENTS)
  async onProgramme(event: CloudEvent<ProgrammeStateV1>, context: ConsumeContext): Promise<void> {
    if (isBudgetExhausted(event)) await this.notifyBudgetExhausted.execute(context.manager, event);
    else await this.recordProgrammeState.execute(context.manager, event);
  }

  @ConsumeEvents(APPLICATION_EVENTS, { batch: true })
  async onApplications(events: CloudEvent<ApplicationEventV1>[], context: ConsumeContext): Promise<void> {
    await this.notifyApplicationEvent.execute(context.manager, events);
  }

  @ConsumeEvents(TRADE_ALERT_EVENTS, { batch: true })
  async onTradeAlerts(events: CloudEvent<ExportDeclineAlertV1>[], context: ConsumeContext): Promise<void> {
    await this.notifyTradeAlert.execute(context.manager, events);
  }
}

/** The consumer validated `data` against the contract of the event's `type`. */
function isBudgetExhausted(event: CloudEvent<ProgrammeStateV1>): event is CloudEvent<ProgrammeBudgetExhaustedV1> {
  return event.type === ProgrammeBudgetExhausted.type;
}

import { CreateAlerts1764403400000 } from './migrations/1764403400000-create-alerts';
import { CreateReceivers1764500000000 } from './migrations/1764500000000-create-receivers';
import { CreateRoutingTree1764600000000 } from './migrations/1764600000000-create-routing-tree';
import { SilencesAndAlertStates1764700000000 } from './migrations/1764700000000-silences-and-alert-states';
import { AcknowledgementAndResolution1764800000000 } from './migrations/1764800000000-acknowledgement-and-resolution';
import { Escalation1764900000000 } from './migrations/1764900000000-escalation';
import { ReceiverThrottling1765000000000 } from './migrations/1765000000000-receiver-throttling';
import { DeliveryGroups1765100000000 } from './migrations/1765100000000-delivery-groups';
import { Digests1765200000000 } from './migrations/1765200000000-digests';
import { AgreementLabels1765300000000 } from './migrations/1765300000000-agreement-labels';

export * from './agreement-labels.entity';
export * from './agreement-labels.repository';
export * from './alert-escalation.entity';
export * from './alert-escalation.repository';
export * from './alert.entity';
export * from './alert.repository';
export * from './claimed-delivery';
export * from './delivery-attempt.entity';
export * from './delivery.entity';
export * from './delivery.repository';
export * from './digest.entity';
export * from './digest.repository';
export * from './email.client';
export * from './milestone-obligation.entity';
export * from './obligation-labels.entity';
export * from './receiver-throttle.store';
export * from './receiver.entity';
export * from './receiver.repository';
export * from './routing-tree.entity';
export * from './routing-tree.repository';
export * from './secret-box';
export * from './silence.entity';
export * from './silence.repository';
export * from './webhook.client';

/** In the order they must run. */
export const alertingMigrations = [
  CreateAlerts1764403400000,
  CreateReceivers1764500000000,
  CreateRoutingTree1764600000000,
  SilencesAndAlertStates1764700000000,
  AcknowledgementAndResolution1764800000000,
  Escalation1764900000000,
  ReceiverThrottling1765000000000,
  DeliveryGroups1765100000000,
  Digests1765200000000,
  AgreementLabels1765300000000,
];

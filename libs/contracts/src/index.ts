import 'reflect-metadata';

export * from './envelope/cloud-event-headers';
export * from './envelope/event-envelope';
export * from './event-map';
export * from './events/agreement-document-added/agreement-document-added-v1.event';
export * from './events/agreement-ingested/agreement-ingested-v1.event';
export * from './events/alert-acknowledged/alert-acknowledged-v1.event';
export * from './events/alert-delivered/alert-delivered-v1.event';
export * from './events/alert-resolved/alert-resolved-v1.event';
export * from './events/clauses-extracted/clauses-extracted-v1.event';
export * from './events/clauses-extracted/extracted-deadline-v1';
export * from './events/clauses-extracted/extracted-obligation-v1';
export * from './events/milestone-reminder/milestone-reminder-v1.event';
export * from './events/milestone-scheduled/milestone-scheduled-v1.event';
export * from './events/milestone-status-changed/milestone-status-changed-v1.event';
export * from './parse-event-payload';
export * from './topics';
export * from './validation/date-validators';

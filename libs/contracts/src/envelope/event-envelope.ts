/** The CloudEvents context attributes of one event, independent of how they travel. */
export interface EventEnvelope {
  id: string;
  type: string;
  source: string;
  time: string;
  /** The agreement the event is about; also the Kafka key, so one agreement's events stay in order. */
  subject: string;
  correlationId: string;
  causationId: string | null;
}

import { webhookReceiverName } from '@dealwatch/alerting/domain';

/**
 * The configured receivers by name. Deliveries store the name only; the URL, which may carry a token,
 * stays in the configuration and is looked up when sending.
 */
export class WebhookReceivers {
  private readonly urls: ReadonlyMap<string, string>;

  constructor(urls: readonly string[]) {
    this.urls = new Map(urls.map((url) => [webhookReceiverName(url), url]));
  }

  get names(): string[] {
    return [...this.urls.keys()];
  }

  urlOf(name: string): string | undefined {
    return this.urls.get(name);
  }
}

import { EmailClient } from '@dealwatch/alerting/data-access';
import { OutboundAllowlist, OutboundHttp } from '@dealwatch/outbound';

import { Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, Provider } from '@nestjs/common';

import type { AlertingEnv } from '../alerting.env';

/** The one SSRF-guarded HTTP client of the service, allowing what OUTBOUND_ALLOWLIST names. */
export function outboundHttpProvider(env: AlertingEnv): Provider {
  return {
    provide: OutboundHttp,
    useFactory: () => new OutboundHttp(OutboundAllowlist.parse(env.OUTBOUND_ALLOWLIST)),
  };
}

/** Closes the clients' connections once the delivery worker has stopped sending. */
@Injectable()
export class OutboundClientsCloser implements OnApplicationShutdown {
  constructor(
    private readonly http: OutboundHttp,
    private readonly email: EmailClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.email.close();
    await this.http.close();
  }
}

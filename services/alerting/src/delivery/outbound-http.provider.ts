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

/** Closes the client's connections once the delivery worker has stopped sending. */
@Injectable()
export class OutboundHttpCloser implements OnApplicationShutdown {
  constructor(private readonly http: OutboundHttp) {}

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
  }
}

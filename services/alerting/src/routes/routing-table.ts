import { RoutingTreeRepository } from '@dealwatch/alerting/data-access';
import type { RoutingTreeSource } from '@dealwatch/alerting/data-access';
import {
  ALL_RECEIVERS,
  defaultRoute,
  parseRoute,
  receiversNamedIn,
  routeToPlain,
} from '@dealwatch/alerting/domain';
import type { Route } from '@dealwatch/alerting/domain';
import { TransactionMemo } from '@dealwatch/persistence';
import { CLOCK, ENV, LOGGER } from '@dealwatch/platform';
import type { Clock } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { Logger } from 'pino';
import type { EntityManager } from 'typeorm';

import { AlertingEnv } from '../alerting.env';
import { ReceiverDirectory } from '../receivers/receiver-directory';

export interface RoutingView {
  route: Record<string, unknown>;
  /** `default` until a tree is set: every alert to every receiver. */
  source: RoutingTreeSource | 'default';
  updatedAt: Date | null;
}

export class InvalidRoutesError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid routes: ${problems.join('; ')}`);
    this.name = 'InvalidRoutesError';
  }
}

/**
 * The routing tree in force, kept in PostgreSQL so every instance routes alike. ALERT_ROUTES_FILE,
 * when set, replaces it at start (a broken file stops the start with every problem listed);
 * `PUT /v1/routes` replaces it after that, until the next start with a file.
 */
@Injectable()
export class RoutingTable implements OnModuleInit {
  private readonly logger: Logger;

  private readonly inForce = new TransactionMemo((manager) => this.load(manager));

  constructor(
    private readonly trees: RoutingTreeRepository,
    private readonly receivers: ReceiverDirectory,
    @Inject(ENV) private readonly env: AlertingEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ component: 'routes' });
  }

  async onModuleInit(): Promise<void> {
    const file = this.env.ALERT_ROUTES_FILE;
    if (!file) return;
    let input: unknown;
    try {
      // Loaded only when a file is given: the service runs without the YAML parser otherwise.
      const { parse } = await import('yaml');
      input = parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new InvalidRoutesError([`ALERT_ROUTES_FILE ${file}: ${(error as Error).message}`]);
    }
    const route = this.checked(input);
    const unknown = await this.unknownReceivers(route);
    if (unknown.length > 0) {
      // Receivers may be created through the API after the start: route to the others meanwhile.
      this.logger.warn(
        { file, unknown },
        'ALERT_ROUTES_FILE names receivers that do not exist yet',
      );
    }
    await this.trees.replace(routeToPlain(route), 'file', this.clock.now());
    this.logger.info({ file }, 'routes loaded from ALERT_ROUTES_FILE');
  }

  /** The tree to route by, read in the caller's transaction: within one (a consumer's batch), once. */
  current(manager?: EntityManager): Promise<Route> {
    return this.inForce.get(manager);
  }

  private async load(manager?: EntityManager): Promise<Route> {
    const stored = await this.trees.current(manager);
    if (!stored) return defaultRoute;
    const parsed = parseRoute(stored.tree);
    if (parsed.route) return parsed.route;
    this.logger.error(
      { problems: parsed.errors },
      'the stored routes do not parse; using the default',
    );
    return defaultRoute;
  }

  async view(): Promise<RoutingView> {
    const stored = await this.trees.current();
    if (!stored) return { route: routeToPlain(defaultRoute), source: 'default', updatedAt: null };
    return {
      route: stored.tree,
      source: stored.source,
      updatedAt: stored.updatedAt,
    };
  }

  /** Replaces the tree from the API: checked, and naming only receivers that exist. */
  async replace(input: unknown): Promise<RoutingView> {
    const route = this.checked(input);
    const unknown = await this.unknownReceivers(route);
    if (unknown.length > 0) {
      throw new InvalidRoutesError(unknown.map((name) => `no receiver is named "${name}"`));
    }
    const stored = await this.trees.replace(routeToPlain(route), 'api', this.clock.now());
    this.logger.info('routes replaced through the API');
    return {
      route: stored.tree,
      source: 'api',
      updatedAt: stored.updatedAt,
    };
  }

  private checked(input: unknown): Route {
    const parsed = parseRoute(input);
    if (!parsed.route) throw new InvalidRoutesError(parsed.errors);
    return parsed.route;
  }

  private async unknownReceivers(route: Route): Promise<string[]> {
    const known = new Set((await this.receivers.active()).map((receiver) => receiver.name));
    return receiversNamedIn(route).filter((name) => name !== ALL_RECEIVERS && !known.has(name));
  }
}

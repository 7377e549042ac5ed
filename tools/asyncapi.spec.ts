import { allTopics } from '@dealwatch/contracts';

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { renderAsyncApi } from './asyncapi';

describe('docs/asyncapi.json', () => {
  const checkedIn = readFileSync(resolve(__dirname, '..', 'docs', 'asyncapi.json'), 'utf8');

  it('is what the contracts library describes (regenerate: npx tsx tools/asyncapi.ts > docs/asyncapi.json)', () => {
    expect(checkedIn).toBe(renderAsyncApi());
  });

  it('documents every topic with a payload schema and the CloudEvents headers', () => {
    const document = JSON.parse(checkedIn) as {
      channels: Record<string, { address: string }>;
      components: {
        messages: Record<string, { headers: unknown; payload: { $ref: string } }>;
        schemas: Record<string, unknown>;
      };
    };
    expect(
      Object.values(document.channels)
        .map((channel) => channel.address)
        .sort(),
    ).toEqual([...allTopics].sort());
    for (const message of Object.values(document.components.messages)) {
      expect(message.headers).toEqual({ $ref: '#/components/schemas/CloudEventHeaders' });
      expect(document.components.schemas[message.payload.$ref.split('/').pop()!]).toBeDefined();
    }
  });
});

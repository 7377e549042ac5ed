import { webhookReceiverName } from './webhook-receiver-name';

describe('webhookReceiverName', () => {
  it('shows the host but neither the path nor the query, which may hold a token', () => {
    const name = webhookReceiverName('https://hooks.example.com/services/T0/B0/s3cr3t?token=abc');
    expect(name).toMatch(/^hooks\.example\.com#[0-9a-f]{8}$/);
    expect(name).not.toContain('s3cr3t');
    expect(name).not.toContain('abc');
  });

  it('keeps the port, which tells local receivers apart', () => {
    expect(webhookReceiverName('http://127.0.0.1:8080/hook')).toMatch(/^127\.0\.0\.1:8080#/);
  });

  it('tells two URLs on the same host apart', () => {
    expect(webhookReceiverName('https://example.com/a')).not.toBe(
      webhookReceiverName('https://example.com/b'),
    );
  });

  it('names the same URL the same way every time', () => {
    expect(webhookReceiverName('https://example.com/a')).toBe(
      webhookReceiverName('https://example.com/a'),
    );
  });
});

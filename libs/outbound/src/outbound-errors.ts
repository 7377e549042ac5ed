/** The destination is not one DealWatch may call: the message says which rule refused it. */
export class OutboundRefusedError extends Error {
  override readonly name = 'OutboundRefusedError';
}

export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
}

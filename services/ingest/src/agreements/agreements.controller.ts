import { describeValidationErrors } from '@dealwatch/contracts';
import { AgreementRepository } from '@dealwatch/ingest/data-access';

import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { CreateAgreementDto } from './create-agreement.dto';
import { IngestAgreementUseCase } from './ingest-agreement.usecase';
import type { IncomingDocument } from './ingest-agreement.usecase';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

@Controller('v1/agreements')
export class AgreementsController {
  constructor(
    private readonly ingest: IngestAgreementUseCase,
    private readonly agreements: AgreementRepository,
  ) {}

  /** Accepts JSON `{ text, title?, sourceUrl?, publishedAt?, signedAt? }` or a raw text document. */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  async create(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const outcome = await this.ingest.execute(
      toDocument(body, contentType),
      idempotencyKey ?? null,
    );
    switch (outcome.kind) {
      case 'empty':
        throw new BadRequestException('the document has no text');
      case 'idempotency-key-reused':
        throw new ConflictException(
          `Idempotency-Key was already used for another document (agreement ${outcome.agreementId})`,
        );
      case 'accepted':
      case 'duplicate':
        return {
          id: outcome.agreementId,
          status: outcome.kind,
          links: { self: `/v1/agreements/${outcome.agreementId}` },
        };
    }
  }

  @Get(':id')
  async findOne(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string) {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw new NotFoundException(`no agreement ${id}`);
    return agreement;
  }
}

function toDocument(body: unknown, contentType: string | undefined): IncomingDocument {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === 'text/plain' || mediaType === 'text/markdown') {
    if (typeof body !== 'string') throw new BadRequestException('the body must be text');
    return { text: body };
  }
  if (mediaType !== 'application/json') {
    throw new UnsupportedMediaTypeException(
      `unsupported content type ${mediaType ?? '(none)'}: send application/json or text/plain`,
    );
  }
  const dto = plainToInstance(CreateAgreementDto, body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException('the body must be a JSON object with a text field');
  }
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new BadRequestException(describeValidationErrors(errors));
  return dto;
}

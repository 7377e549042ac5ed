import { AgreementRepository, DocumentRepository } from '@dealwatch/ingest/data-access';
import { ENV, ParseUuidPipe } from '@dealwatch/platform';

import {
  BadRequestException,
  ConflictException,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Req,
  Res,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import type { IngestEnv } from '../ingest.env';
import { CreateAgreementDto } from './create-agreement.dto';
import { IngestAgreementUseCase } from './ingest-agreement.usecase';
import { UploadReader } from './upload-reader';
import type { UploadedPart } from './upload-reader';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Controller('v1/agreements')
export class AgreementsController {
  private readonly uploads: UploadReader;

  constructor(
    private readonly ingest: IngestAgreementUseCase,
    private readonly agreements: AgreementRepository,
    private readonly documents: DocumentRepository,
    @Inject(ENV) env: IngestEnv,
  ) {
    this.uploads = new UploadReader(env.INGEST_MAX_BODY);
  }

  /**
   * Accepts JSON (`{ text }` or a base64 `document` with its `mediaType`), a raw body of a supported
   * type (text, HTML, PDF, DOCX), or `multipart/form-data` with a `file` part and metadata fields.
   */
  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes(
    'application/json',
    'multipart/form-data',
    'text/plain',
    'text/html',
    'application/pdf',
    DOCX,
  )
  @ApiBody({
    type: CreateAgreementDto,
    description:
      'JSON: `text`, or a base64 `document` with its `mediaType`. A form: a `file` part and the ' +
      'metadata fields (title, sourceUrl, publishedAt, signedAt). Any other type: the document.',
  })
  async create(
    @Req() request: Request,
    @UploadedFile() file: UploadedPart | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
    }
    const outcome = await this.ingest.execute(
      await this.uploads.read(request, file),
      idempotencyKey ?? null,
    );
    switch (outcome.kind) {
      case 'empty':
        throw new BadRequestException('the document has no text');
      case 'unsupported':
        throw new UnsupportedMediaTypeException(
          `unsupported content type ${outcome.mediaType ?? '(none)'}: send text, HTML, PDF or DOCX`,
        );
      case 'unreadable':
        throw new UnprocessableEntityException(outcome.reason);
      case 'too-large':
        throw new PayloadTooLargeException(outcome.reason);
      case 'idempotency-key-reused':
        throw new ConflictException(
          `Idempotency-Key was already used for another document (agreement ${outcome.agreementId})`,
        );
      case 'accepted':
      case 'linked':
      case 'duplicate':
        return {
          id: outcome.agreementId,
          status: outcome.kind,
          links: { self: `/v1/agreements/${outcome.agreementId}` },
        };
    }
  }

  /** The agreement, its normalised text, and every document it was built from with why. */
  @Get(':id')
  async findOne(@Param('id', new ParseUuidPipe()) id: string) {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw new NotFoundException(`no agreement ${id}`);
    const documents = await this.documents.listByAgreement(id);
    return {
      id: agreement.id,
      title: agreement.title,
      text: agreement.text,
      contentSha256: agreement.contentSha256,
      sourceUrl: agreement.sourceUrl,
      publishedAt: agreement.publishedAt,
      signedAt: agreement.signedAt,
      language: agreement.language,
      pages: agreement.pages,
      receivedAt: agreement.receivedAt,
      documents: documents.map((document) => ({
        id: document.id,
        mediaType: document.mediaType,
        fileName: document.fileName,
        byteSize: document.byteSize,
        originalSha256: document.originalSha256,
        textSha256: document.textSha256,
        title: document.title,
        sourceUrl: document.sourceUrl,
        publishedAt: document.publishedAt,
        language: document.language,
        pages: document.pages,
        linkedBecause: document.linkedBecause,
        receivedAt: document.receivedAt,
        links: { original: `/v1/agreements/${id}/documents/${document.id}/original` },
      })),
    };
  }

  /** The bytes exactly as they were received. */
  @Get(':id/documents/:documentId/original')
  async original(
    @Param('id', new ParseUuidPipe()) id: string,
    @Param('documentId', new ParseUuidPipe()) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const found = await this.documents.findOriginal(documentId);
    if (found?.agreementId !== id) throw new NotFoundException(`no document ${documentId}`);
    response.type(found.mediaType).send(found.original);
  }
}

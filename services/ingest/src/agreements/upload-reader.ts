import { byteSizeOf } from '@dealwatch/config';
import {
  invalidFields,
  jsonBodyShapeProblem,
  readRawBody,
  validationProblem,
} from '@dealwatch/platform';

import { BadRequestException, UnsupportedMediaTypeException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request } from 'express';

import { CreateAgreementDto, GivenMetadataDto } from './create-agreement.dto';
import type { IncomingDocument } from './ingest-agreement.usecase';

/** The part of a file multer (Nest's multipart support) parsed into memory. */
export interface UploadedPart {
  buffer: Buffer;
  mimetype: string;
  originalname: string;
}

/** Turns the three shapes of `POST /v1/agreements` into one upload, validating at the edge. */
export class UploadReader {
  private readonly limit: number;

  constructor(maxBody: string) {
    this.limit = byteSizeOf(maxBody);
  }

  /** `file` is the multipart `file` part, when the request was a form. */
  async read(request: Request, file: UploadedPart | undefined): Promise<IncomingDocument> {
    const contentType = request.headers['content-type'] ?? null;
    const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? null;
    if (mediaType === null) throw new UnsupportedMediaTypeException('a Content-Type is required');
    switch (mediaType) {
      case 'application/json':
        return fromJson(request.body as unknown);
      case 'multipart/form-data':
        return fromForm(request.body as unknown, file);
      default:
        // Text too arrives as bytes: its charset (kept in the media type) says how to read them.
        return {
          bytes: await readRawBody(request, this.limit, 'the document'),
          mediaType: contentType,
          fileName: null,
          given: {},
        };
    }
  }
}

/** Multipart: the file part and metadata fields (multer has parsed both, within the size limit). */
function fromForm(fields: unknown, file: UploadedPart | undefined): IncomingDocument {
  if (!file) throw new BadRequestException('file must be a file part of the form');
  // Form fields skip the JSON body checks: a `__proto__` field would otherwise pass unseen.
  const shapeProblem = jsonBodyShapeProblem(fields);
  if (shapeProblem) throw shapeProblem;
  const given = validated(GivenMetadataDto, typeof fields === 'object' && fields ? fields : {});
  const declared = file.mimetype === '' ? null : file.mimetype;
  return { bytes: file.buffer, mediaType: declared, fileName: file.originalname || null, given };
}

function fromJson(body: unknown): IncomingDocument {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException('the body must be a JSON object with a text field');
  }
  const dto = validated(CreateAgreementDto, body);
  const { text, document, mediaType, fileName, ...given } = dto;
  if (text !== undefined && document !== undefined) {
    throw invalidFields([
      { field: 'document', message: 'document: send either text or document, not both' },
    ]);
  }
  return text !== undefined
    ? { bytes: Buffer.from(text, 'utf8'), mediaType: 'text/plain', fileName: null, given }
    : {
        bytes: Buffer.from(document ?? '', 'base64'),
        mediaType: mediaType ?? null,
        fileName: fileName ?? null,
        given,
      };
}

function validated<T extends object>(type: new () => T, plain: object): T {
  const dto = plainToInstance(type, plain);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationProblem(errors);
  return dto;
}

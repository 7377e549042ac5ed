import { ExtractionRepository } from '@dealwatch/clause-extraction/data-access';
import { ParseUuidPipe } from '@dealwatch/platform';

import { Controller, Get, NotFoundException, Param } from '@nestjs/common';

@Controller('v1/agreements/:agreementId/extraction')
export class ExtractionsController {
  constructor(private readonly extractions: ExtractionRepository) {}

  /** The latest extraction of an agreement, as published on Kafka. */
  @Get()
  async latest(@Param('agreementId', new ParseUuidPipe()) agreementId: string) {
    const extraction = await this.extractions.latestFor(agreementId);
    if (!extraction) throw new NotFoundException(`no extraction for agreement ${agreementId} yet`);
    return extraction.result;
  }
}

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

import { ExtractedDeadlineV1 } from './extracted-deadline-v1';

export class ExtractedObligationV1 {
  /**
   * Stable within its agreement across re-extractions of the same text, so consumers can update
   * what they derived from an obligation instead of duplicating it.
   */
  @IsString()
  obligationKey!: string;

  @IsString()
  text!: string;

  /** `[start, end)` character offsets into the agreement's normalised text. */
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsInt({ each: true })
  @Min(0, { each: true })
  span!: [number, number];

  @IsArray()
  @IsString({ each: true })
  actors!: string[];

  @IsString()
  action!: string;

  @IsString()
  category!: string;

  @IsBoolean()
  binding!: boolean;

  @IsNumber()
  @Min(0)
  @Max(1)
  confidence!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExtractedDeadlineV1)
  deadline!: ExtractedDeadlineV1 | null;
}

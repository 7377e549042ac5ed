import { IsOptional, IsUUID } from 'class-validator';

export class ListMilestonesQuery {
  @IsOptional()
  @IsUUID()
  agreementId?: string;
}

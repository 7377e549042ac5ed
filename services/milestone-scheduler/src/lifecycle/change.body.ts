import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Who made a change and why: every manual change of a milestone names both. */
export class ChangeBody {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

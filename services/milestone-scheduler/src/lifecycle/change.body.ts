import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * Who made a change and why: every manual change of a milestone names both. `by` defaults to the
 * caller (its API key's name or its token's user).
 */
export class ChangeBody {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  by?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** A change body whose `by` is known: given, or the caller's name. */
export type Attributed<T extends { by?: string }> = T & { by: string };

/** Fills `by` with the caller's name when the body names no one. */
export function attributed<T extends { by?: string }>(body: T, caller: string): Attributed<T> {
  body.by ??= caller;
  return body as Attributed<T>;
}

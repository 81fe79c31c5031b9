import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { APPLICATION_STATUSES, type ApplicationStatus } from '@westgate/contracts';
import { IsStorableText } from '@westgate/domain';
import { PageQuery } from '../../api/page';

/** `?status=APPROVED` or `?status=APPROVED,DISBURSED` (or the parameter repeated). */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()) : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')) : value;

export class MyApplicationsQuery extends PageQuery {
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(APPLICATION_STATUSES.length)
  @IsIn(APPLICATION_STATUSES, { each: true })
  status?: ApplicationStatus[];

  @IsOptional()
  @IsUUID()
  programmeId?: string;
}

export class ListApplicationsQuery extends MyApplicationsQuery {
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  @IsStorableText()
  submittedBy?: string;
}

export { PageQuery as TimelineQuery };

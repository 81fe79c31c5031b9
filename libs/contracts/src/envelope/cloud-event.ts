import {
  Equals,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/**
 * A CloudEvents 1.0 document in structured mode, with Westgate's two extension attributes
 * (`correlationid`, `causationid`). `data` is typed by the event's payload class.
 */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  correlationid: string;
  causationid?: string;
  data: TData;
}

/** The envelope's validation rules; the payload is validated against its own class. */
export class CloudEventEnvelope implements Omit<CloudEvent, 'data'> {
  @Equals('1.0')
  specversion!: '1.0';

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @IsString()
  @Matches(/^\/[\w./-]+$/, { message: 'source must be a URI reference such as /westgate/enterprise-registry' })
  source!: string;

  @IsString()
  @Matches(/^westgate\.[a-z0-9.-]+\.v\d+$/, { message: 'type must look like westgate.<area>.<entity>.<verb>.v<n>' })
  type!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @IsISO8601({ strict: true })
  time!: string;

  @Equals('application/json')
  datacontenttype!: 'application/json';

  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationid!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  causationid?: string;

  @IsObject()
  data!: object;
}

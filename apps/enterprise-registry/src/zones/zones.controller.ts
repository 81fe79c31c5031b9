import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { findRegion, findZone, ZONE_KINDS, ZONES, type Zone, type ZoneKind } from '@westgate/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ApiOkPageResponse, decodeCursor, PageQuery, ProblemException, toPage, validationProblem, type Page } from '@westgate/platform';

export class ListZonesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ZONE_KINDS })
  @IsOptional()
  @IsIn(ZONE_KINDS)
  kind?: ZoneKind;

  @ApiPropertyOptional({ description: 'GB/T 2260 code of the prefecture' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '$property must be a 6-digit GB/T 2260 code' })
  regionCode?: string;
}

export class ZoneView implements Zone {
  @ApiProperty({ description: 'place then kind', example: 'KASHGAR-EDZ' })
  code!: string;

  @ApiProperty({ example: 'Kashgar Economic Development Zone' })
  name!: string;

  @ApiProperty({ description: 'name in Chinese' })
  nameZh!: string;

  @ApiProperty({ enum: ZONE_KINDS })
  kind!: ZoneKind;

  @ApiProperty({ description: 'GB/T 2260 code of the prefecture', example: '653100' })
  regionCode!: string;

  /** English name of the region the zone lies in. */
  @ApiProperty({ nullable: true, type: String, description: 'English name of the region the zone lies in', example: 'Kashgar' })
  regionName!: string | null;
}

function toZoneView(zone: Zone): ZoneView {
  return { ...zone, regionName: findRegion(zone.regionCode)?.name ?? null };
}

/** The special economic zones catalogue (data in @westgate/domain, with its sources). */
@ApiTags('zones')
@Controller('zones')
export class ZonesController {
  @Get()
  @ApiOperation({ summary: 'The zones catalogue: development, export processing, border economic cooperation, bonded zones, cooperation centres' })
  @ApiOkPageResponse(ZoneView, 'a page of zones')
  list(@Query() query: ListZonesQuery): Page<ZoneView> {
    let zones = ZONES.filter((zone) => (query.kind === undefined || zone.kind === query.kind) && (query.regionCode === undefined || zone.regionCode === query.regionCode));
    if (query.cursor !== undefined) {
      const after = decodeCursor(query.cursor, (code) => findZone(code) !== undefined);
      if (after === undefined) throw validationProblem([{ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' }]);
      zones = zones.slice(zones.findIndex((zone) => zone.code === after) + 1);
    }
    return toPage(zones.slice(0, query.limit + 1), query.limit, (zone) => zone.code, toZoneView);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One zone of the catalogue' })
  @ApiOkResponse({ type: ZoneView })
  get(@Param('code') code: string): ZoneView {
    const zone = findZone(code);
    if (!zone) throw new ProblemException(404, 'ZONE_NOT_FOUND', `No zone ${code.slice(0, 64)} in the catalogue`);
    return toZoneView(zone);
  }
}

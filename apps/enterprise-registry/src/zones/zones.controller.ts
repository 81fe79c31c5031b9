import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { findRegion, findZone, ZONE_KINDS, ZONES, type Zone, type ZoneKind } from '@westgate/domain';
import { ProblemException, validationProblem } from '@westgate/platform';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { decodeCursor, PageQuery, toPage, type Page } from '@westgate/platform';

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

export interface ZoneView extends Zone {
  /** English name of the region the zone lies in. */
  regionName: string | null;
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
  get(@Param('code') code: string): ZoneView {
    const zone = findZone(code);
    if (!zone) throw new ProblemException(404, 'ZONE_NOT_FOUND', `No zone ${code.slice(0, 64)} in the catalogue`);
    return toZoneView(zone);
  }
}

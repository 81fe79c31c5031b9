import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@westgate/auth';
import { GetImportUseCase, ImportView } from './get-import.usecase';

@ApiTags('declarations')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly getImport: GetImportUseCase) {}

  @Get(':importId')
  @Roles('admin', 'officer')
  @ApiOperation({ summary: "A CSV import's progress: rows read, accepted, rejected (the first with their line and errors), ingested" })
  @ApiOkResponse({ type: ImportView })
  get(@Param('importId') importId: string): Promise<ImportView> {
    return this.getImport.execute(importId);
  }
}

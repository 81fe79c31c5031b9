import type { Readable } from 'node:stream';
import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { Consumes } from '@westgate/platform';
import { ImportAcceptedView, ImportDeclarationsCsvUseCase } from '../imports/import-declarations-csv.usecase';
import { SubmissionResult, SubmitDeclarationsUseCase } from './submit-declarations.usecase';

@ApiTags('declarations')
@ApiBearerAuth()
@Controller('declarations')
export class DeclarationsController {
  constructor(
    private readonly submit: SubmitDeclarationsUseCase,
    private readonly importCsv: ImportDeclarationsCsvUseCase,
  ) {}

  @Post()
  @Roles('admin', 'officer')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Submit up to 10,000 declarations (JSON array)',
    description:
      'Each row is checked on its own: valid rows go to the ingest topic (202 counts them in `accepted`), invalid ones come back in `rejected` with their index and field errors. A declarationId seen before is ignored, not counted twice.',
  })
  @ApiBody({ schema: { type: 'array', maxItems: 10_000, items: { type: 'object' } } })
  @ApiAcceptedResponse({ type: SubmissionResult, description: 'valid rows counted in `accepted`, invalid ones returned in `rejected`' })
  post(@Body() body: unknown): Promise<SubmissionResult> {
    return this.submit.execute(body);
  }

  @Post('import')
  @Roles('admin', 'officer')
  @HttpCode(HttpStatus.ACCEPTED)
  @Consumes('text/csv')
  @ApiOperation({
    summary: 'Import declarations from a CSV file of any size (streamed)',
    description:
      'Header row with the declaration field names. Bad lines are rejected with their line number and kept out; good rows are ingested. Progress at GET /api/v1/imports/{importId}.',
  })
  @ApiAcceptedResponse({ type: ImportAcceptedView, description: 'the file was read; its rows are being ingested' })
  async import(@Req() request: Readable, @CurrentUser() user: AuthUser): Promise<ImportAcceptedView> {
    return this.importCsv.execute(request, user.id);
  }
}

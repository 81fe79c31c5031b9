import type { FastifyRequest } from 'fastify';
import { Body, Controller, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@westgate/auth';
import { Consumes } from '@westgate/platform';
import { ImportAcceptedView, ImportDeclarationsCsvUseCase } from '../imports/import-declarations-csv.usecase';
import { DeclarationBody } from './declaration-body.view';
import { MAX_DECLARATIONS_PER_REQUEST, SubmissionResult, SubmitDeclarationsUseCase } from './submit-declarations.usecase';

@ApiTags('declarations')
@ApiBearerAuth()
@ApiExtraModels(DeclarationBody)
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
      'Each row is checked on its own: valid rows go to the ingest topic (202 counts them in `accepted`), invalid ones come back in `rejected` with their index and field errors. A declarationId seen before is ignored, not counted twice. A catalogue customs port given by name or in another case is stored as its code, a trade mode in another case as its canonical value; other safe port names and trade modes are kept as given.',
  })
  @ApiBody({ schema: { type: 'array', maxItems: MAX_DECLARATIONS_PER_REQUEST, items: { $ref: getSchemaPath(DeclarationBody) } } })
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
      'Header row with the declaration field names (DeclarationBody); each row follows the rules of POST /api/v1/declarations, an empty cell being an absent field. Bad lines are rejected with their line number and kept out; good rows are ingested. Progress at GET /api/v1/imports/{importId}.',
  })
  @ApiAcceptedResponse({ type: ImportAcceptedView, description: 'the file was read; its rows are being ingested' })
  async import(@Req() request: FastifyRequest, @CurrentUser() user: AuthUser): Promise<ImportAcceptedView> {
    // Left unread by the body parsing (registerBodyParsing): streamed from the socket.
    return this.importCsv.execute(request.raw, user.id);
  }
}

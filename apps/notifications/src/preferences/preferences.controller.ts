import { Body, Controller, Get, Headers, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '@westgate/auth';
import { ProblemException } from '@westgate/platform';
import type { FastifyReply } from 'fastify';
import { preferenceRecipientOf } from '../recipients/recipient.rules';
import { PreferencesQuery } from './dto/preferences.query';
import { UpdatePreferencesDto } from './dto/update-preferences.dto';
import { GetPreferences } from './get-preferences.usecase';
import { etagOf, PreferencesView } from './preferences.view';
import { UpdatePreferences } from './update-preferences.usecase';

/**
 * A recipient's channels per event type, language and e-mail address. An enterprise user edits
 * its enterprise's (where its notices go), anyone else its own; `?recipient=role:admin` lets an
 * admin edit the admins' shared mailbox.
 */
@ApiTags('preferences')
@ApiBearerAuth()
@Controller('preferences')
export class PreferencesController {
  constructor(
    private readonly getPreferences: GetPreferences,
    private readonly updatePreferences: UpdatePreferences,
  ) {}

  @Get()
  @ApiOkResponse({ type: PreferencesView })
  async get(
    @CurrentUser() user: AuthUser,
    @Query() query: PreferencesQuery,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PreferencesView> {
    const view = await this.getPreferences.execute(this.recipientFor(user, query));
    response.header('ETag', etagOf(view));
    return view;
  }

  @Put()
  @ApiOkResponse({ type: PreferencesView })
  async put(
    @CurrentUser() user: AuthUser,
    @Query() query: PreferencesQuery,
    @Body() body: UpdatePreferencesDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<PreferencesView> {
    const view = await this.updatePreferences.execute({ recipient: this.recipientFor(user, query), update: body, ifMatch, actor: user.id });
    response.header('ETag', etagOf(view));
    return view;
  }

  private recipientFor(user: AuthUser, query: PreferencesQuery): string {
    const recipient = preferenceRecipientOf(user, query.recipient);
    if (recipient === undefined) {
      throw new ProblemException(404, 'RECIPIENT_NOT_FOUND', query.recipient === undefined ? 'You have no mailbox of your own' : `You do not read the mailbox ${query.recipient}`);
    }
    return recipient;
  }
}

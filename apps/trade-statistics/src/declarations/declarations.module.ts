import { Module } from '@nestjs/common';
import { ImportDeclarationsCsvUseCase } from '../imports/import-declarations-csv.usecase';
import { DeclarationPublisher } from './declaration-publisher';
import { DeclarationsController } from './declarations.controller';
import { SubmitDeclarationsUseCase } from './submit-declarations.usecase';

/** The ways in: JSON batches and streamed CSV, both to the ingest topic. */
@Module({
  controllers: [DeclarationsController],
  providers: [DeclarationPublisher, SubmitDeclarationsUseCase, ImportDeclarationsCsvUseCase],
})
export class DeclarationsModule {}

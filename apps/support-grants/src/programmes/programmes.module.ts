import { Module } from '@nestjs/common';
import { ChangeProgrammeBudgetUseCase } from './change-programme-budget.usecase';
import { CreateProgrammeUseCase } from './create-programme.usecase';
import { ProgrammeRepository } from './programme.repository';
import { ProgrammesController } from './programmes.controller';

@Module({
  controllers: [ProgrammesController],
  providers: [CreateProgrammeUseCase, ChangeProgrammeBudgetUseCase, ProgrammeRepository],
  exports: [ProgrammeRepository],
})
export class ProgrammesModule {}

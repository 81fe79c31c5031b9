import { Module } from '@nestjs/common';
import { GetKpisUseCase } from './get-kpis.usecase';
import { KpisController } from './kpis.controller';

@Module({ controllers: [KpisController], providers: [GetKpisUseCase] })
export class KpisModule {}

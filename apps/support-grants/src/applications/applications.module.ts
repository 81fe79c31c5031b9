import { Module } from '@nestjs/common';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ApplicationRepository } from './application.repository';
import { ApplicationTransitions } from './application-transitions.service';
import { ApplicationsController } from './applications.controller';
import { ApproveApplicationUseCase } from './approve-application.usecase';
import { CloseApplicationUseCase } from './close-application.usecase';
import { CreateApplicationUseCase } from './create-application.usecase';
import { EditApplicationUseCase } from './edit-application.usecase';
import { MeApplicationsController } from './me-applications.controller';
import { RecordDisbursementUseCase } from './record-disbursement.usecase';
import { RejectApplicationUseCase } from './reject-application.usecase';
import { ReturnApplicationUseCase } from './return-application.usecase';
import { StartReviewUseCase } from './start-review.usecase';
import { SubmitApplicationUseCase } from './submit-application.usecase';
import { WithdrawApplicationUseCase } from './withdraw-application.usecase';

@Module({
  imports: [ProgrammesModule],
  // /me/applications first: its path must not be taken for an application id.
  controllers: [MeApplicationsController, ApplicationsController],
  providers: [
    ApplicationRepository,
    ApplicationTransitions,
    CreateApplicationUseCase,
    EditApplicationUseCase,
    SubmitApplicationUseCase,
    StartReviewUseCase,
    ApproveApplicationUseCase,
    RejectApplicationUseCase,
    ReturnApplicationUseCase,
    WithdrawApplicationUseCase,
    RecordDisbursementUseCase,
    CloseApplicationUseCase,
  ],
})
export class ApplicationsModule {}

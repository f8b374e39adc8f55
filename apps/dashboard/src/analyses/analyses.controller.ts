import { Controller, HttpCode, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnalysisRunner,
  AnalysisStoppedError,
  type AnalysisRunSummary,
} from '@fleetscope/analysis-jobs';
import { StorageUnavailableError } from '@fleetscope/storage';

@ApiTags('analyses')
@Controller('api/analyses')
export class AnalysesController {
  constructor(private readonly runner: AnalysisRunner) {}

  @Post('run')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Runs every analysis now over the configured window; answers once the results are stored. A request made while a run is going joins it and gets its result (the same runId).',
  })
  async run(): Promise<AnalysisRunSummary> {
    try {
      return await this.runner.runOrJoin();
    } catch (error) {
      if (error instanceof StorageUnavailableError || error instanceof AnalysisStoppedError) {
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }
  }
}

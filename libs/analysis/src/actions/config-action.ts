import { createHash } from 'node:crypto';
import type { FunctionProfile } from '../inputs';
import type { ConfigAction } from '../recommendation';
import { cliOption, shellWord, yamlScalar } from './snippet-quoting';

/**
 * The settings a user pastes to act on a recommendation, per tool: AWS CLI, SAM and Serverless
 * Framework for Lambda; the Knative annotation; the OpenFaaS label. Names follow each tool's
 * reference (Lambda UpdateFunctionConfiguration / PutProvisionedConcurrencyConfig, SAM
 * AWS::Serverless::Function, serverless.yml `functions.*`, Knative autoscaling annotations,
 * OpenFaaS `com.openfaas.scale.*` labels).
 */

function regionFlag(profile: FunctionProfile): string {
  return profile.region ? ` ${cliOption('--region', profile.region)}` : '';
}

function lambdaTarget(profile: FunctionProfile): string {
  return `${cliOption('--function-name', profile.name)}${regionFlag(profile)}`;
}

export function memoryAction(profile: FunctionProfile, memoryMb: number): ConfigAction {
  const memory = `${memoryMb}Mi`;
  switch (profile.platform) {
    // The request as well as the limit: the scheduler reserves (and the node price charges) the
    // request, so a limit alone changes neither the pod's cost nor where it fits.
    case 'knative':
      return {
        summary: `Set the container's memory limit and request to ${memory}.`,
        snippets: [
          {
            format: 'knative',
            text: `spec:\n  template:\n    spec:\n      containers:\n        - resources:\n            limits:\n              memory: ${memory}\n            requests:\n              memory: ${memory}`,
          },
        ],
      };
    case 'openfaas':
      return {
        summary: `Set the function's memory limit and request to ${memory}.`,
        snippets: [
          {
            format: 'openfaas',
            text: `functions:\n  ${yamlScalar(profile.name)}:\n    limits:\n      memory: ${memory}\n    requests:\n      memory: ${memory}`,
          },
        ],
      };
    case 'aws_lambda':
    case 'gcp_cloud_functions':
    case 'gcp_cloud_run':
    case 'azure_functions':
    case 'other':
      break;
  }
  return {
    summary: `Set memory to ${memoryMb} MB.`,
    snippets: [
      {
        format: 'aws-cli',
        text: `aws lambda update-function-configuration ${lambdaTarget(profile)} --memory-size ${memoryMb}`,
      },
      { format: 'sam', text: `MemorySize: ${memoryMb}` },
      { format: 'serverless', text: `memorySize: ${memoryMb}` },
    ],
  };
}

export function timeoutAction(profile: FunctionProfile, timeoutMs: number): ConfigAction {
  const seconds = Math.ceil(timeoutMs / 1000);
  switch (profile.platform) {
    case 'knative':
      return {
        summary: `Set the request timeout to ${seconds} s.`,
        snippets: [{ format: 'knative', text: `spec.template.spec.timeoutSeconds: ${seconds}` }],
      };
    // The gateway ends a call at its own timeouts whatever the function's (20 s by default in
    // some installs; docs.openfaas.com/tutorials/expanded-timeouts).
    case 'openfaas':
      return {
        summary: `Set the function's timeouts to ${seconds} s. The gateway's read_timeout, write_timeout and upstream_timeout (Helm: gateway.readTimeout, gateway.writeTimeout, gateway.upstreamTimeout) must be at least ${seconds} s too, upstream_timeout a little below the other two, or the gateway cuts the call off first.`,
        snippets: [
          {
            format: 'openfaas',
            text: `environment:\n  read_timeout: ${seconds}s\n  write_timeout: ${seconds}s\n  exec_timeout: ${seconds}s`,
          },
        ],
      };
    case 'gcp_cloud_functions':
    case 'gcp_cloud_run':
      return {
        summary: `Set the request timeout to ${seconds} s.`,
        snippets: [
          { format: 'note', text: `gcloud run services update <service> --timeout=${seconds}` },
        ],
      };
    case 'azure_functions':
      return {
        summary: `Set functionTimeout to ${seconds} s.`,
        snippets: [{ format: 'note', text: `host.json: "functionTimeout": "${hms(seconds)}"` }],
      };
    case 'aws_lambda':
    case 'other':
      return {
        summary: `Set the timeout to ${seconds} s.`,
        snippets: [
          {
            format: 'aws-cli',
            text: `aws lambda update-function-configuration ${lambdaTarget(profile)} --timeout ${seconds}`,
          },
          { format: 'sam', text: `Timeout: ${seconds}` },
          { format: 'serverless', text: `timeout: ${seconds}` },
        ],
      };
  }
}

export function codeFixAction(summary: string): ConfigAction {
  return { summary, snippets: [{ format: 'note', text: summary }] };
}

export function tuningJobAction(profile: FunctionProfile, sizesMb: number[]): ConfigAction {
  return {
    summary: `Measure it: run a tuning job over ${sizesMb.join(', ')} MB before changing memory.`,
    snippets: [
      {
        format: 'note',
        text: `npx fleetscope tune ${shellWord(profile.functionId)} --memory ${sizesMb.join(',')}`,
      },
    ],
  };
}

/** One schedule entry: a readable rule and its cron (UTC) for Application Auto Scaling. */
export interface ScheduledLevel {
  /** e.g. "Mon–Fri 08:00–18:00 UTC: 20". */
  text: string;
  level: number;
  /**
   * Application Auto Scaling cron expressions that start the level and end it (back to the
   * schedule's `otherwise`); no end where another entry's level follows at once: its start sets it.
   */
  startCron: string;
  endCron: string | null;
}

/** Lambda sets provisioned concurrency on a version or alias only, never on $LATEST. */
const ALIAS_ONLY =
  'It serves only calls to the alias it is set on: callers must invoke that alias (its qualified ARN); calls to $LATEST or the unqualified function name get none of it.';

/**
 * Warm capacity: provisioned concurrency on Lambda, min-scale on Knative, the OpenFaaS minimum
 * replicas. A schedule becomes Application Auto Scaling scheduled actions on Lambda.
 */
export function warmCapacityAction(
  profile: FunctionProfile,
  level: number,
  schedule?: { readable: string; entries: ScheduledLevel[]; otherwise: number },
): ConfigAction {
  switch (profile.platform) {
    case 'knative':
      return {
        summary: `Set min-scale to ${level}.`,
        snippets: [
          {
            format: 'knative',
            text: `spec.template.metadata.annotations:\n  autoscaling.knative.dev/min-scale: "${level}"`,
          },
        ],
      };
    case 'openfaas':
      return {
        summary: `Set the minimum replicas to ${level}.`,
        snippets: [
          {
            format: 'openfaas',
            text: `labels:\n  com.openfaas.scale.min: "${level}"${level === 0 ? '\n  com.openfaas.scale.zero: "true"' : ''}`,
          },
        ],
      };
    case 'gcp_cloud_functions':
    case 'gcp_cloud_run':
      return {
        summary: `Keep ${level} minimum instances.`,
        snippets: [
          { format: 'note', text: `gcloud run services update <service> --min-instances=${level}` },
        ],
      };
    case 'azure_functions':
      return {
        summary: `Keep ${level} always-ready instances (Flex Consumption or Premium plan).`,
        snippets: [
          {
            format: 'note',
            text: `az functionapp scale config always-ready set --settings http=${level}`,
          },
        ],
      };
    case 'aws_lambda':
    case 'other': {
      const qualifier = '--qualifier <alias>';
      if (schedule) {
        // `<alias>` is a placeholder for the user to replace, as on every other line.
        const target = `${regionFlag(profile)} --service-namespace lambda --scalable-dimension lambda:function:ProvisionedConcurrency --resource-id function:${shellWord(profile.name)}:<alias>`;
        const action = (name: string, cron: string, level: number) =>
          `aws application-autoscaling put-scheduled-action${target} --scheduled-action-name ${shellWord(name)} --schedule "${cron}" --scalable-target-action MinCapacity=${level},MaxCapacity=${level}`;
        // Scheduled actions apply only to a registered scalable target (Application Auto Scaling
        // PutScheduledAction), whose range holds every level they set.
        const levels = [schedule.otherwise, ...schedule.entries.map((e) => e.level)];
        const lines = [
          `aws application-autoscaling register-scalable-target${target} --min-capacity ${Math.min(...levels)} --max-capacity ${Math.max(...levels)}`,
          ...schedule.entries.flatMap((e, i) => [
            action(`fleetscope-${i}-start`, e.startCron, e.level),
            ...(e.endCron ? [action(`fleetscope-${i}-end`, e.endCron, schedule.otherwise)] : []),
          ]),
        ];
        return {
          summary: `Schedule provisioned concurrency: ${schedule.readable}. ${ALIAS_ONLY}`,
          snippets: [{ format: 'aws-cli', text: lines.join('\n') }],
        };
      }
      return {
        summary:
          level === 0
            ? 'Remove provisioned concurrency.'
            : `Set provisioned concurrency to ${level}. ${ALIAS_ONLY}`,
        snippets:
          level === 0
            ? [
                {
                  format: 'aws-cli',
                  text: `aws lambda delete-provisioned-concurrency-config ${lambdaTarget(profile)} ${qualifier}`,
                },
                { format: 'sam', text: '# remove ProvisionedConcurrencyConfig' },
                { format: 'serverless', text: '# remove provisionedConcurrency' },
              ]
            : [
                {
                  format: 'aws-cli',
                  text: `aws lambda put-provisioned-concurrency-config ${lambdaTarget(profile)} ${qualifier} --provisioned-concurrent-executions ${level}`,
                },
                {
                  format: 'sam',
                  text: `AutoPublishAlias: live\nProvisionedConcurrencyConfig:\n  ProvisionedConcurrentExecutions: ${level}`,
                },
                { format: 'serverless', text: `provisionedConcurrency: ${level}` },
              ],
      };
    }
  }
}

/**
 * Keep-alive: how long an idle pod is kept before scaling to zero (Knative retention period,
 * OpenFaaS zero-duration), or a keep-warm ping on a schedule for Lambda (an EventBridge rule
 * invoking the function; the handler should return at once for the ping's event).
 */
export function keepAliveAction(
  profile: FunctionProfile,
  keep: { retention: string } | { pingSchedule: string },
): ConfigAction {
  if ('pingSchedule' in keep) {
    const region = regionFlag(profile);
    const rule = keepWarmRuleName(profile.name);
    return {
      summary: `Invoke the function on ${keep.pingSchedule} to keep one instance warm.`,
      snippets: [
        {
          format: 'aws-cli',
          text: [
            `aws events put-rule${region} ${cliOption('--name', rule)} --schedule-expression "${keep.pingSchedule}"`,
            `aws lambda add-permission${region} ${cliOption('--function-name', profile.name)} ${cliOption('--statement-id', rule)} --action lambda:InvokeFunction --principal events.amazonaws.com --source-arn <rule-arn>`,
            `aws events put-targets${region} ${cliOption('--rule', rule)} --targets Id=1,Arn=<function-arn>`,
          ].join('\n'),
        },
        {
          format: 'sam',
          text: `Events:\n  KeepWarm:\n    Type: Schedule\n    Properties:\n      Schedule: ${keep.pingSchedule}`,
        },
        { format: 'serverless', text: `events:\n  - schedule: ${keep.pingSchedule}` },
      ],
    };
  }
  if (profile.platform === 'openfaas')
    return {
      summary: `Scale to zero after ${keep.retention} idle.`,
      snippets: [
        {
          format: 'openfaas',
          text: `labels:\n  com.openfaas.scale.zero: "true"\n  com.openfaas.scale.zero-duration: "${keep.retention}"`,
        },
      ],
    };
  return {
    summary: `Keep the last pod ${keep.retention} after the last request before scaling to zero.`,
    snippets: [
      {
        format: 'knative',
        text: `spec.template.metadata.annotations:\n  autoscaling.knative.dev/scale-to-zero-pod-retention-period: "${keep.retention}"`,
      },
    ],
  };
}

/**
 * `<name>-keep-warm`, used as both the EventBridge rule name (at most 64 of `[.\-_A-Za-z0-9]`) and
 * the Lambda permission's statement id (at most 100 of `[a-zA-Z0-9-_]`). A name that would not fit
 * both keeps its first 43 such characters and gains 8 hex digits of its SHA-256, so two long names
 * sharing a beginning still get two rules.
 */
function keepWarmRuleName(functionName: string): string {
  const suffix = '-keep-warm';
  const plain = `${functionName}${suffix}`;
  if (/^[A-Za-z0-9_-]{1,64}$/.test(plain)) return plain;
  const hash = createHash('sha256').update(functionName).digest('hex').slice(0, 8);
  const prefix = functionName.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 43);
  return `${prefix}-${hash}${suffix}`;
}

export function containersAction(
  profile: FunctionProfile,
  offer: string,
  tasks: { min: number; max: number; vcpu: number; memoryGb: number },
  service: { loadBalancer: boolean; targetCpuPercent: number },
): ConfigAction {
  const capacity = offer === 'fargate-spot' ? 'FARGATE_SPOT' : 'FARGATE';
  const name = profile.name;
  // The CLI's shorthand (`key=value,…`) has its own separators; a name that could hold one (ECS
  // names are letters, digits, `-` and `_`) goes in the JSON form, quoted whole.
  const loadBalancers = /^[A-Za-z0-9_-]+$/.test(name)
    ? `targetGroupArn=<target-group>,containerName=${name},containerPort=8080`
    : shellWord(
        JSON.stringify([
          { targetGroupArn: '<target-group>', containerName: name, containerPort: 8080 },
        ]),
      );
  const region = regionFlag(profile);
  const container = shellWord(
    JSON.stringify([
      {
        name,
        image: '<image>',
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
      },
    ]),
  );
  // Fargate runs only awsvpc tasks, sized in CPU units (1024 a vCPU) and MiB; the advised size is
  // one of Fargate's combinations. awsvpc services need their subnets and security groups.
  const network = shellWord(
    'awsvpcConfiguration={subnets=[<subnet>],securityGroups=[<security-group>],assignPublicIp=DISABLED}',
  );
  // Application Auto Scaling names an ECS service `service/<cluster>/<service>`; target tracking on
  // the service's mean CPU at the utilisation the task count was sized for.
  const scalable = `${region} --service-namespace ecs --scalable-dimension ecs:service:DesiredCount ${cliOption('--resource-id', `service/<cluster>/${name}`)}`;
  const tracking = shellWord(
    JSON.stringify({
      TargetValue: service.targetCpuPercent,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    }),
  );
  const behind = service.loadBalancer ? ' behind a load balancer' : '';
  return {
    summary: `Run ${name} as a container service on ${offer}: ${tasks.min}–${tasks.max} tasks of ${tasks.vcpu} vCPU / ${tasks.memoryGb} GB${behind}, scaling on CPU.`,
    snippets: [
      {
        format: 'aws-cli',
        text: [
          `aws ecs register-task-definition${region} ${cliOption('--family', name)} --requires-compatibilities FARGATE --network-mode awsvpc --cpu ${Math.round(tasks.vcpu * 1024)} --memory ${Math.round(tasks.memoryGb * 1024)} --container-definitions ${container}`,
          `aws ecs create-service${region} --cluster <cluster> ${cliOption('--service-name', name)} ${cliOption('--task-definition', name)} --desired-count ${tasks.min} --capacity-provider-strategy capacityProvider=${capacity},weight=1 --network-configuration ${network}${service.loadBalancer ? ` --load-balancers ${loadBalancers}` : ''}`,
          `aws application-autoscaling register-scalable-target${scalable} --min-capacity ${tasks.min} --max-capacity ${tasks.max}`,
          `aws application-autoscaling put-scaling-policy${scalable} ${cliOption('--policy-name', `${name}-cpu`)} --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration ${tracking}`,
        ].join('\n'),
      },
      {
        format: 'note',
        text: `The cluster needs the ${capacity} capacity provider${service.loadBalancer ? ', and the target group the ip target type (awsvpc tasks)' : ''}.`,
      },
    ],
  };
}

/** host.json's functionTimeout is hh:mm:ss. */
function hms(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

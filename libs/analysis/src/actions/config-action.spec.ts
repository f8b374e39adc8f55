import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FunctionProfile } from '../inputs';
import { lambdaProfile } from '../testing/fleet.generator';
import {
  containersAction,
  keepAliveAction,
  memoryAction,
  timeoutAction,
  tuningJobAction,
  warmCapacityAction,
} from './config-action';

/**
 * Runs snippet text as a user pasting it would, in a real shell with `aws` and `npx` replaced by
 * functions that record their arguments, in an empty directory that a command substitution would
 * leave a file in. `<…>` placeholders are filled in first, as the user does.
 */
function paste(
  text: string,
  shell: 'bash' | 'dash' = 'bash',
): { commands: string[][]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fleetscope-paste-'));
  try {
    const script = [
      `aws() { printf 'CMD\\0aws\\0'; printf '%s\\0' "$@"; }`,
      `npx() { printf 'CMD\\0npx\\0'; printf '%s\\0' "$@"; }`,
      text.replace(
        /<(alias|rule-arn|function-arn|target-group|image|cluster|subnet|security-group)>/g,
        'PLACEHOLDER',
      ),
    ].join('\n');
    let stderr = '';
    let stdout: string;
    try {
      stdout = execFileSync(shell, [...(shell === 'bash' ? ['--norc'] : []), '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const failed = e as { stdout: string; stderr: string };
      stdout = failed.stdout;
      stderr = failed.stderr;
    }
    expect(readdirSync(dir)).toEqual([]);
    const commands: string[][] = [];
    for (const arg of stdout.split('\0').slice(0, -1)) {
      if (arg === 'CMD') commands.push([]);
      else commands[commands.length - 1].push(arg);
    }
    return { commands, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The value of `flag` in a recorded command: the argument after it, or joined to it by `=`. */
function flag(command: string[], name: string): string {
  const joined = command.find((a) => a.startsWith(`${name}=`));
  if (joined !== undefined) return joined.slice(name.length + 1);
  const i = command.indexOf(name);
  expect(i).toBeGreaterThanOrEqual(0);
  return command[i + 1];
}

const SERVICE = { loadBalancer: true, targetCpuPercent: 60 };

function awsCli(action: { snippets: { format: string; text: string }[] }): string {
  const snippet = action.snippets.find((s) => s.format === 'aws-cli');
  if (!snippet) throw new Error('no aws-cli snippet');
  return snippet.text;
}

const HOSTILE_NAMES = [
  // The reviewer's: a command substitution and a single quote.
  "a$(touch x);b'c",
  // A newline ends a command unless it is inside quotes.
  'orders\n$(touch y)',
  'back`touch z`\\slash "dq" $HOME * ~root',
  // Pasted into a terminal: ends bracketed paste, erases the line (Ctrl-U), Enter.
  "\x1b[201~\x15touch w\r'",
  // A bidi override: the page would show the name reversed.
  'pay\u202Emoc.exe',
];

describe('config-action snippets', () => {
  const profile = (name: string): FunctionProfile =>
    lambdaProfile({ name, region: "eu-west-1$(touch r)'" });

  it.each(HOSTILE_NAMES)(
    'memory, timeout and provisioned concurrency pass %j as exactly one argument and run nothing else',
    (name) => {
      const p = profile(name);
      const texts = [
        awsCli(memoryAction(p, 512)),
        awsCli(timeoutAction(p, 9000)),
        awsCli(warmCapacityAction(p, 3)),
        awsCli(warmCapacityAction(p, 0)),
      ];
      for (const text of texts) {
        expect(text.split('\n')).toHaveLength(1);
        const { commands, stderr } = paste(text);
        expect(stderr).toBe('');
        expect(commands).toHaveLength(1);
        expect(flag(commands[0], '--function-name')).toBe(name);
        expect(flag(commands[0], '--region')).toBe("eu-west-1$(touch r)'");
      }
    },
  );

  it.each(HOSTILE_NAMES)(
    'the provisioned concurrency schedule names %j whole in each resource id',
    (name) => {
      const text = awsCli(
        warmCapacityAction(lambdaProfile({ name, region: '' }), 5, {
          readable: 'weekdays',
          otherwise: 0,
          entries: [
            {
              text: 'Mon–Fri',
              level: 5,
              startCron: 'cron(0 8 ? * MON-FRI *)',
              endCron: 'cron(0 18 ? * MON-FRI *)',
            },
          ],
        }),
      );
      expect(text.split('\n')).toHaveLength(3);
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands.map((c) => flag(c, '--resource-id'))).toEqual([
        `function:${name}:PLACEHOLDER`,
        `function:${name}:PLACEHOLDER`,
        `function:${name}:PLACEHOLDER`,
      ]);
      expect(commands.slice(1).map((c) => flag(c, '--schedule'))).toEqual([
        'cron(0 8 ? * MON-FRI *)',
        'cron(0 18 ? * MON-FRI *)',
      ]);
    },
  );

  it.each(HOSTILE_NAMES)(
    'the keep-warm ping names %j whole as function, rule and statement id, in three commands',
    (name) => {
      const text = awsCli(keepAliveAction(profile(name), { pingSchedule: 'rate(5 minutes)' }));
      expect(text.split('\n')).toHaveLength(3);
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands.map((c) => c.slice(0, 3))).toEqual([
        ['aws', 'events', 'put-rule'],
        ['aws', 'lambda', 'add-permission'],
        ['aws', 'events', 'put-targets'],
      ]);
      // EventBridge and Lambda refuse these characters in a rule name or statement id.
      const rule = flag(commands[0], '--name');
      expect(rule).toMatch(/^[A-Za-z0-9_-]{1,54}-keep-warm$/);
      expect(flag(commands[0], '--schedule-expression')).toBe('rate(5 minutes)');
      expect(flag(commands[1], '--function-name')).toBe(name);
      expect(flag(commands[1], '--statement-id')).toBe(rule);
      expect(flag(commands[2], '--rule')).toBe(rule);
      for (const c of commands) expect(flag(c, '--region')).toBe("eu-west-1$(touch r)'");
    },
  );

  it.each(HOSTILE_NAMES)(
    'the container service names %j whole, and in JSON the CLI reads back',
    (name) => {
      const text = awsCli(
        containersAction(
          profile(name),
          'fargate',
          { min: 2, max: 5, vcpu: 1, memoryGb: 2 },
          SERVICE,
        ),
      );
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      expect(commands.map((c) => c.slice(0, 3))).toEqual([
        ['aws', 'ecs', 'register-task-definition'],
        ['aws', 'ecs', 'create-service'],
        ['aws', 'application-autoscaling', 'register-scalable-target'],
        ['aws', 'application-autoscaling', 'put-scaling-policy'],
      ]);
      const [task, service, target, policy] = commands;
      for (const c of [target, policy])
        expect(flag(c, '--resource-id')).toBe(`service/PLACEHOLDER/${name}`);
      expect(flag(policy, '--policy-name')).toBe(`${name}-cpu`);
      expect(flag(task, '--family')).toBe(name);
      expect(JSON.parse(flag(task, '--container-definitions'))).toEqual([
        {
          name,
          image: 'PLACEHOLDER',
          essential: true,
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        },
      ]);
      expect(flag(service, '--service-name')).toBe(name);
      expect(flag(service, '--task-definition')).toBe(name);
      expect(JSON.parse(flag(service, '--load-balancers'))).toEqual([
        { targetGroupArn: 'PLACEHOLDER', containerName: name, containerPort: 8080 },
      ]);
      for (const c of commands) expect(flag(c, '--region')).toBe("eu-west-1$(touch r)'");
    },
  );

  it('the tuning job note passes a function id with quotes and parentheses as one argument', () => {
    const functionId = "aws_lambda~123456789012~eu-west-1~it's(1)*";
    const text = tuningJobAction(lambdaProfile({ functionId }), [512, 1024]).snippets[0].text;
    const { commands, stderr } = paste(text);
    expect(stderr).toBe('');
    expect(commands).toEqual([['npx', 'fleetscope', 'tune', functionId, '--memory', '512,1024']]);
  });

  it.each(HOSTILE_NAMES)(
    "dash, which has no $'…', runs nothing of %j either, and reads a printable one whole",
    (name) => {
      const text = awsCli(keepAliveAction(profile(name), { pingSchedule: 'rate(5 minutes)' }));
      const { commands, stderr } = paste(text, 'dash');
      expect(stderr).toBe('');
      // A rule name made from this one starts with '-' and is joined to its option by '='.
      const words = (c: string[]) => c.flatMap((a) => (/^--[a-z-]+=/.test(a) ? ['', ''] : [a]));
      expect(commands.map((c) => words(c).length)).toEqual([9, 15, 9]);
      if (!/[\p{Cc}\p{Cf}]/u.test(name)) expect(flag(commands[1], '--function-name')).toBe(name);
    },
  );

  it.each([
    ...HOSTILE_NAMES,
    'fn:\n    image: evil/miner:latest\n  other',
    'on',
    '123',
    '"quoted"',
  ])('the OpenFaaS stack.yml names %j as its one function', (name) => {
    const text = memoryAction({ ...profile(name), platform: 'openfaas' }, 256).snippets[0].text;
    for (const version of ['1.1', '1.2'] as const) {
      const doc = parse(text, { version }) as { functions: Record<string, unknown> };
      expect(Object.keys(doc.functions)).toEqual([name]);
      expect(doc.functions[name]).toEqual({
        limits: { memory: '256Mi' },
        requests: { memory: '256Mi' },
      });
    }
  });

  it('ordinary names read as before: unquoted', () => {
    const p = lambdaProfile({ name: 'checkout', region: 'eu-west-1' });
    expect(awsCli(memoryAction(p, 512))).toBe(
      'aws lambda update-function-configuration --function-name checkout --region eu-west-1 --memory-size 512',
    );
    expect(awsCli(keepAliveAction(p, { pingSchedule: 'rate(5 minutes)' }))).toBe(
      [
        'aws events put-rule --region eu-west-1 --name checkout-keep-warm --schedule-expression "rate(5 minutes)"',
        'aws lambda add-permission --region eu-west-1 --function-name checkout --statement-id checkout-keep-warm --action lambda:InvokeFunction --principal events.amazonaws.com --source-arn <rule-arn>',
        'aws events put-targets --region eu-west-1 --rule checkout-keep-warm --targets Id=1,Arn=<function-arn>',
      ].join('\n'),
    );
    expect(
      awsCli(
        containersAction(p, 'fargate-spot', { min: 1, max: 3, vcpu: 1, memoryGb: 2 }, SERVICE),
      ),
    ).toBe(
      [
        `aws ecs register-task-definition --region eu-west-1 --family checkout --requires-compatibilities FARGATE --network-mode awsvpc --cpu 1024 --memory 2048 --container-definitions '[{"name":"checkout","image":"<image>","essential":true,"portMappings":[{"containerPort":8080,"protocol":"tcp"}]}]'`,
        "aws ecs create-service --region eu-west-1 --cluster <cluster> --service-name checkout --task-definition checkout --desired-count 1 --capacity-provider-strategy capacityProvider=FARGATE_SPOT,weight=1 --network-configuration 'awsvpcConfiguration={subnets=[<subnet>],securityGroups=[<security-group>],assignPublicIp=DISABLED}' --load-balancers targetGroupArn=<target-group>,containerName=checkout,containerPort=8080",
        "aws application-autoscaling register-scalable-target --region eu-west-1 --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id 'service/<cluster>/checkout' --min-capacity 1 --max-capacity 3",
        `aws application-autoscaling put-scaling-policy --region eu-west-1 --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id 'service/<cluster>/checkout' --policy-name checkout-cpu --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{"TargetValue":60,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'`,
      ].join('\n'),
    );
    // Lambda@Edge replicas log to /aws/lambda/us-east-1.<name>.
    expect(awsCli(timeoutAction({ ...p, name: 'us-east-1.checkout' }, 3000))).toBe(
      'aws lambda update-function-configuration --function-name us-east-1.checkout --region eu-west-1 --timeout 3',
    );
    expect(memoryAction({ ...p, platform: 'openfaas' }, 256).snippets[0].text).toBe(
      'functions:\n  checkout:\n    limits:\n      memory: 256Mi\n    requests:\n      memory: 256Mi',
    );
  });
});

/** EventBridge RuleName and Lambda AddPermission StatementId: the tighter of the two. */
const RULE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

describe('config-action snippets the AWS APIs accept', () => {
  const p = lambdaProfile({ name: 'orders-api', region: 'eu-west-1' });

  it('defect: a scheduled provisioned concurrency registers the scalable target first, its capacity covering every level', () => {
    const text = awsCli(
      warmCapacityAction(p, 10, {
        readable: 'weekdays 10, weekends 4, otherwise 1',
        otherwise: 1,
        entries: [
          {
            text: 'Mon–Fri 08:00–18:00 UTC: 10',
            level: 10,
            startCron: 'cron(0 8 ? * MON-FRI *)',
            endCron: 'cron(0 18 ? * MON-FRI *)',
          },
          { text: 'Sat–Sun: 4', level: 4, startCron: 'cron(0 0 ? * SAT *)', endCron: null },
        ],
      }),
    );
    const { commands, stderr } = paste(text);
    expect(stderr).toBe('');
    expect(commands.map((c) => c[2])).toEqual([
      'register-scalable-target',
      'put-scheduled-action',
      'put-scheduled-action',
      'put-scheduled-action',
    ]);
    const [target] = commands;
    expect(flag(target, '--region')).toBe('eu-west-1');
    expect(flag(target, '--service-namespace')).toBe('lambda');
    expect(flag(target, '--scalable-dimension')).toBe('lambda:function:ProvisionedConcurrency');
    expect(flag(target, '--resource-id')).toBe('function:orders-api:PLACEHOLDER');
    expect(flag(target, '--min-capacity')).toBe('1');
    expect(flag(target, '--max-capacity')).toBe('10');
  });

  it('defect: provisioned concurrency says it serves only calls to the alias it is set on, not $LATEST', () => {
    const summaries = [
      warmCapacityAction(p, 3).summary,
      warmCapacityAction(p, 20, {
        readable: 'Mon–Fri 08:00–18:00 UTC: 20, otherwise 0',
        otherwise: 0,
        entries: [
          {
            text: 'Mon–Fri 08:00–18:00 UTC: 20',
            level: 20,
            startCron: 'cron(0 8 ? * MON-FRI *)',
            endCron: 'cron(0 18 ? * MON-FRI *)',
          },
        ],
      }).summary,
    ];
    for (const summary of summaries) {
      expect(summary).toMatch(/alias/);
      expect(summary).toContain('$LATEST');
    }
    expect(warmCapacityAction(p, 0).summary).toBe('Remove provisioned concurrency.');
  });

  it('defect: the keep-warm rule of a 64-character function name fits EventBridge (<= 64) and stays apart from its neighbours', () => {
    const shared = 'x'.repeat(43);
    const rules = [`${shared}${'a'.repeat(21)}`, `${shared}${'b'.repeat(21)}`].map((name) => {
      expect(name).toHaveLength(64);
      const { commands } = paste(
        awsCli(keepAliveAction({ ...p, name }, { pingSchedule: 'rate(5 minutes)' })),
      );
      expect(flag(commands[1], '--function-name')).toBe(name);
      expect(flag(commands[1], '--statement-id')).toBe(flag(commands[0], '--name'));
      expect(flag(commands[2], '--rule')).toBe(flag(commands[0], '--name'));
      return flag(commands[0], '--name');
    });
    for (const rule of rules) {
      expect(rule).toMatch(RULE_NAME);
      expect(rule.endsWith('-keep-warm')).toBe(true);
    }
    expect(rules[0]).not.toBe(rules[1]);
    // The longest name that fits is kept as it is; a Lambda@Edge replica's '.' is not a
    // statement id character.
    const longest = 'y'.repeat(54);
    expect(
      awsCli(keepAliveAction({ ...p, name: longest }, { pingSchedule: 'rate(5 minutes)' })),
    ).toContain(`--name ${longest}-keep-warm `);
    const edge = paste(
      awsCli(
        keepAliveAction({ ...p, name: 'us-east-1.checkout' }, { pingSchedule: 'rate(5 minutes)' }),
      ),
    ).commands;
    expect(flag(edge[1], '--statement-id')).toMatch(RULE_NAME);
  });

  it('defect: the Fargate service is created with its task definition (the advised size), cluster, region and awsvpc network', () => {
    const action = containersAction(
      p,
      'fargate',
      { min: 2, max: 6, vcpu: 0.5, memoryGb: 1 },
      SERVICE,
    );
    const { commands, stderr } = paste(awsCli(action));
    expect(stderr).toBe('');
    const [task, service, target, policy] = commands;
    expect(flag(task, '--requires-compatibilities')).toBe('FARGATE');
    expect(flag(task, '--network-mode')).toBe('awsvpc');
    expect(flag(task, '--cpu')).toBe('512');
    expect(flag(task, '--memory')).toBe('1024');
    expect(flag(service, '--cluster')).toBe('PLACEHOLDER');
    expect(flag(service, '--region')).toBe('eu-west-1');
    expect(flag(service, '--desired-count')).toBe('2');
    expect(flag(service, '--capacity-provider-strategy')).toBe('capacityProvider=FARGATE,weight=1');
    expect(flag(service, '--network-configuration')).toBe(
      'awsvpcConfiguration={subnets=[PLACEHOLDER],securityGroups=[PLACEHOLDER],assignPublicIp=DISABLED}',
    );
    // The summary's "scaling on CPU", as commands: the service registered as a scalable target
    // between the advised task counts, tracking the CPU the tasks were sized for.
    expect(action.summary).toContain('2–6 tasks');
    expect(action.summary).toContain('scaling on CPU');
    expect(flag(target, '--service-namespace')).toBe('ecs');
    expect(flag(target, '--scalable-dimension')).toBe('ecs:service:DesiredCount');
    expect(flag(target, '--min-capacity')).toBe('2');
    expect(flag(target, '--max-capacity')).toBe('6');
    expect(flag(policy, '--policy-type')).toBe('TargetTrackingScaling');
    expect(JSON.parse(flag(policy, '--target-tracking-scaling-policy-configuration'))).toEqual({
      TargetValue: 60,
      PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    });
  });

  it('defect: with the load balancer option off, the container advice names none', () => {
    const action = containersAction(
      p,
      'fargate',
      { min: 1, max: 2, vcpu: 1, memoryGb: 2 },
      { loadBalancer: false, targetCpuPercent: 60 },
    );
    const { commands, stderr } = paste(awsCli(action));
    expect(stderr).toBe('');
    expect(commands[1].some((a) => a.startsWith('--load-balancers'))).toBe(false);
    const words = [action.summary, ...action.snippets.map((s) => s.text)].join('\n');
    expect(words).not.toMatch(/load balancer|target.group/i);
  });

  it('defect: a function named with a leading "-" reaches the AWS CLI as the option\'s value', () => {
    // `--function-name -orders` makes the CLI refuse the line: "argument --function-name: expected
    // one argument". Joined by `=` the value cannot be read as an option.
    const q = { ...p, name: '-orders' };
    const texts = [
      awsCli(memoryAction(q, 512)),
      awsCli(timeoutAction(q, 3000)),
      awsCli(warmCapacityAction(q, 2)),
      awsCli(keepAliveAction(q, { pingSchedule: 'rate(5 minutes)' })),
      awsCli(containersAction(q, 'fargate', { min: 1, max: 2, vcpu: 1, memoryGb: 2 }, SERVICE)),
    ];
    for (const text of texts) {
      const { commands, stderr } = paste(text);
      expect(stderr).toBe('');
      for (const c of commands) for (const a of c) expect(a).not.toMatch(/^-[^-]/);
    }
    const [memory] = paste(texts[0]).commands;
    expect(flag(memory, '--function-name')).toBe('-orders');
    const [task, service] = paste(texts[4]).commands;
    expect(flag(task, '--family')).toBe('-orders');
    expect(flag(service, '--service-name')).toBe('-orders');
  });

  it('defect: raising an OpenFaaS timeout says the gateway timeouts must be raised as well', () => {
    const action = timeoutAction(
      { ...p, platform: 'openfaas', name: 'figlet', region: '' },
      30_000,
    );
    for (const setting of [
      'read_timeout',
      'write_timeout',
      'upstream_timeout',
      'gateway.readTimeout',
      'gateway.writeTimeout',
      'gateway.upstreamTimeout',
    ])
      expect(action.summary).toContain(setting);
    expect(action.summary).toContain('at least 30 s');
  });
});
